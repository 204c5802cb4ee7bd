import { sql, type Kysely, type RawBuilder } from "kysely";
import type { CustomerSize, Database } from "@retain/db";
import { addDays, windowsAt } from "./dates";
import type { CreditPolicy, PaymentRecord } from "./credit";
import type { ProblemReason } from "./problems";
import type { PyramidPercents, Segment } from "./pyramid";

/*
 * The §8 rules as set-based SQL over raw events, one statement per answer. They must agree with the
 * pure functions of this package (a property test compares both on random data). Voided events are
 * left out by an anti-join with the (few) void events; ids compare by code point (`collate "C"`).
 */

export type AccountSettings = {
  timeZone: string;
  complaintSlaHours: number;
  pyramid: PyramidPercents;
  /** The on-time payment rate in percent below which a record is poor (default 90). */
  onTimeThreshold: number;
};

export type CustomerScope = {
  /** Only customers served by this manager now (their segment is still ranked company-wide). */
  accountManagerId?: string;
  customerIds?: readonly string[];
  /** Only customers with events attributed to this department (a department head's customers). */
  department?: string;
};

const voids = sql`select distinct v.source, v.ref_id from events v where v.type = 'void' and v.ref_id is not null`;
const notVoided = (alias: string) =>
  sql`not exists (select 1 from voids x where x.source = ${sql.ref(`${alias}.source`)} and x.ref_id = ${sql.ref(`${alias}.id`)})`;

function scopeCondition(scope: CustomerScope, alias: string): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (scope.accountManagerId !== undefined)
    parts.push(sql`${sql.ref(`${alias}.account_manager_id`)} = ${scope.accountManagerId}`);
  if (scope.department !== undefined) {
    parts.push(
      sql`exists (select 1 from events d where d.customer_id = ${sql.ref(`${alias}.id`)} and d.department = ${scope.department})`,
    );
  }
  if (scope.customerIds !== undefined) {
    parts.push(
      scope.customerIds.length === 0
        ? sql`false`
        : sql`${sql.ref(`${alias}.id`)} in (${sql.join(scope.customerIds)})`,
    );
  }
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * Where the per-customer facts of a date come from: `rollup` reads rollup_customer_daily (local
 * days in the rollup zone, orders and complaints already net of voids), `raw` reads events. The
 * rollup serves only when it is cut in the organisation's zone (see rollupGate).
 */
export type FactSource = "rollup" | "raw";

const isWholeCompany = (scope: CustomerScope) =>
  scope.accountManagerId === undefined && scope.department === undefined && scope.customerIds === undefined;

/** `join customers c … where <scope>` for rows of `alias` by customer_id (no join for the whole company). */
function scopeJoin(scope: CustomerScope, alias: string): RawBuilder<unknown> {
  if (isWholeCompany(scope)) return sql`where true`;
  return sql`join customers c on c.id = ${sql.ref(`${alias}.customer_id`)} where ${scopeCondition(scope, "c")}`;
}

/** `col` is a customer in scope (pushed into the per-customer aggregates, so a customer's page reads one customer). */
function inScope(scope: CustomerScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  if (isWholeCompany(scope)) return sql`true`;
  if (
    scope.accountManagerId === undefined &&
    scope.department === undefined &&
    scope.customerIds !== undefined
  ) {
    return scope.customerIds.length === 0 ? sql`false` : sql`${column} in (${sql.join(scope.customerIds)})`;
  }
  return sql`${column} in (select sc.id from customers sc where ${scopeCondition(scope, "sc")})`;
}

/**
 * Per customer with a live order before the last window's end: for each date i, `rev_i` (cents of
 * the orders in the 365 days up to it, exact: a sum of amounts with 2 decimals times 100, as bigint
 * so the ranking sorts integers) and `before_i` (an order before those days).
 */
function orderFactsSql(dates: readonly string[], timeZone: string, source: FactSource): RawBuilder<unknown> {
  const columns: RawBuilder<unknown>[] = [];
  if (source === "rollup") {
    dates.forEach((date, i) => {
      const start = sql`cast(${addDays(date, -364)} as date)`;
      const end = sql`cast(${addDays(date, 1)} as date)`;
      columns.push(
        sql`(sum(r.revenue) filter (where r.day >= ${start} and r.day < ${end}) * 100)::bigint as ${sql.ref(`rev_${i}`)}`,
      );
      columns.push(sql`bool_or(r.day < ${start}) as ${sql.ref(`before_${i}`)}`);
    });
    const last = dates.reduce((a, b) => (a > b ? a : b));
    return sql`
      select r.customer_id, ${sql.join(columns)}
      from rollup_customer_daily r
      where r.orders > 0 and r.day < cast(${addDays(last, 1)} as date)
      group by r.customer_id`;
  }
  let lastEnd = new Date(0);
  dates.forEach((date, i) => {
    const { year } = windowsAt(date, timeZone);
    if (year.end > lastEnd) lastEnd = year.end;
    columns.push(
      sql`(sum(e.amount) filter (where e.occurred_at >= ${year.start} and e.occurred_at < ${year.end}) * 100)::bigint as ${sql.ref(`rev_${i}`)}`,
    );
    columns.push(sql`bool_or(e.occurred_at < ${year.start}) as ${sql.ref(`before_${i}`)}`);
  });
  return sql`
    select e.customer_id, ${sql.join(columns)}
    from events e
    where e.type = 'order' and e.occurred_at < ${lastEnd} and ${notVoided("e")}
    group by e.customer_id`;
}

/**
 * `select customer_id, revenue_cents_i, segment_i …` for every customer and each date i: revenue of
 * the 365 days up to it, the ranked segments by the percentages, inactive / prospect for the rest.
 * One pass over the orders for all dates; each date ranks the customers with revenue > 0 by
 * revenue descending, then id.
 */
export function segmentsAtSql(
  dates: readonly string[],
  settings: Pick<AccountSettings, "timeZone" | "pyramid">,
  source: FactSource,
): RawBuilder<unknown> {
  const { top, big, medium } = settings.pyramid;
  const inner: RawBuilder<unknown>[] = [];
  const outer: RawBuilder<unknown>[] = [];
  dates.forEach((_, i) => {
    const rev = sql.ref(`rev_${i}`);
    const revenue = sql`coalesce(o.${rev}, 0)`;
    inner.push(sql`${revenue} as ${rev}`);
    inner.push(sql`coalesce(o.${sql.ref(`before_${i}`)}, false) as ${sql.ref(`before_${i}`)}`);
    inner.push(
      sql`row_number() over (partition by ${revenue} > 0 order by ${revenue} desc, c.id collate "C") as ${sql.ref(`p_${i}`)}`,
    );
    inner.push(sql`count(*) over (partition by ${revenue} > 0) as ${sql.ref(`n_${i}`)}`);
    const [p, n] = [sql.ref(`x.p_${i}`), sql.ref(`x.n_${i}`)];
    outer.push(sql`x.${rev} as ${sql.ref(`revenue_cents_${i}`)}`);
    outer.push(sql`case
        when x.${rev} <= 0 then case when x.${sql.ref(`before_${i}`)} then 'inactive' else 'prospect' end
        when ${p} <= ceil(cast(${top} as numeric) * ${n} / 100) then 'top'
        when ${p} <= ceil(cast(${big} as numeric) * ${n} / 100) then 'big'
        when ${p} <= ceil(cast(${medium} as numeric) * ${n} / 100) then 'medium'
        else 'small'
      end as ${sql.ref(`segment_${i}`)}`);
  });
  return sql`
    select x.customer_id, ${sql.join(outer)}
    from (
      select c.id as customer_id, ${sql.join(inner)}
      from customers c
      left join (${orderFactsSql(dates, settings.timeZone, source)}) o on o.customer_id = c.id
    ) x`;
}

/** `select customer_id, revenue_cents, segment from …` for every customer at D. */
export function segmentsSql(
  asOf: string,
  settings: Pick<AccountSettings, "timeZone" | "pyramid">,
  source: FactSource,
): RawBuilder<unknown> {
  return sql`select s.customer_id, s.revenue_cents_0 as revenue_cents, s.segment_0 as segment from (${segmentsAtSql([asOf], settings, source)}) s`;
}

/** Per customer at D: complaints and order revenue of the 90 days up to D and of the 90 days before. */
function spendAndComplaintsSql(
  asOf: string,
  timeZone: string,
  source: FactSource,
  scope: CustomerScope,
): RawBuilder<unknown> {
  if (source === "rollup") {
    const recent = sql`cast(${addDays(asOf, -89)} as date)`;
    return sql`
      select r.customer_id,
        sum(r.complaints) filter (where r.day >= ${recent}) as complaints_recent,
        sum(r.complaints) filter (where r.day < ${recent}) as complaints_prior,
        sum(r.revenue) filter (where r.day >= ${recent}) * 100 as revenue_recent_cents,
        sum(r.revenue) filter (where r.day < ${recent}) * 100 as revenue_prior_cents
      from rollup_customer_daily r
      where r.day >= cast(${addDays(asOf, -179)} as date) and r.day < cast(${addDays(asOf, 1)} as date)
        and (r.orders > 0 or r.complaints > 0) and ${inScope(scope, sql`r.customer_id`)}
      group by r.customer_id`;
  }
  const w = windowsAt(asOf, timeZone);
  return sql`
    select e.customer_id,
      count(*) filter (where e.type = 'complaint' and e.occurred_at >= ${w.recent.start}) as complaints_recent,
      count(*) filter (where e.type = 'complaint' and e.occurred_at < ${w.recent.start}) as complaints_prior,
      sum(e.amount * 100) filter (where e.type = 'order' and e.occurred_at >= ${w.recent.start}) as revenue_recent_cents,
      sum(e.amount * 100) filter (where e.type = 'order' and e.occurred_at < ${w.recent.start}) as revenue_prior_cents
    from events e
    where e.type in ('complaint', 'order') and e.occurred_at >= ${w.prior.start} and e.occurred_at < ${w.recent.end}
      and ${notVoided("e")} and ${inScope(scope, sql`e.customer_id`)}
    group by e.customer_id`;
}

/**
 * Per customer at D: the facts of the four problem reasons, the reasons and the payment record.
 * Complaints and spend come from `source`; payments (by due date) and open complaints (over the
 * whole history, until resolved) always from raw events.
 */
export function problemsSql(
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope,
  source: FactSource,
): RawBuilder<unknown> {
  const w = windowsAt(asOf, settings.timeZone);
  const slaCut = new Date(w.recent.end.getTime() - settings.complaintSlaHours * 3_600_000);
  const threshold = settings.onTimeThreshold;
  return sql`
    select c.id as customer_id, c.size,
      coalesce(f.complaints_recent, 0) as complaints_recent,
      coalesce(f.complaints_prior, 0) as complaints_prior,
      coalesce(f.revenue_recent_cents, 0) as revenue_recent_cents,
      coalesce(f.revenue_prior_cents, 0) as revenue_prior_cents,
      coalesce(p.with_due, 0) as payments_with_due,
      coalesce(p.on_time, 0) as payments_on_time,
      coalesce(k.open_complaints, 0) as open_complaints,
      array_remove(array[
        case when coalesce(f.complaints_recent, 0) >= 2 and coalesce(f.complaints_recent, 0) > coalesce(f.complaints_prior, 0)
          then 'rising_complaints' end,
        case when coalesce(p.with_due, 0) > 0 and 100 * p.on_time < cast(${threshold} as numeric) * p.with_due
          then 'late_payments' end,
        case when coalesce(f.revenue_prior_cents, 0) > 0 and 2 * coalesce(f.revenue_recent_cents, 0) < f.revenue_prior_cents
          then 'falling_spend' end,
        case when coalesce(k.open_complaints, 0) > 0 then 'open_complaint' end
      ], null) as reasons,
      case
        when coalesce(p.with_due, 0) = 0 then 'none'
        when 100 * p.on_time < cast(${threshold} as numeric) * p.with_due then 'poor'
        else 'good'
      end as record
    from customers c
    left join (${spendAndComplaintsSql(asOf, settings.timeZone, source, scope)}) f on f.customer_id = c.id
    left join (
      select e.customer_id, count(*) as with_due, count(*) filter (where e.occurred_at <= e.due_at) as on_time
      from events e
      where e.type = 'payment' and e.due_at >= ${w.year.start} and e.due_at < ${w.year.end} and ${notVoided("e")}
        and ${inScope(scope, sql`e.customer_id`)}
      group by e.customer_id
    ) p on p.customer_id = c.id
    left join (
      select e.customer_id, count(*) as open_complaints
      from events e
      where e.type = 'complaint' and e.occurred_at < ${slaCut} and ${notVoided("e")} and ${inScope(scope, sql`e.customer_id`)}
        and not exists (
          select 1 from events r
          where r.customer_id = e.customer_id and r.type = 'complaint_resolved' and r.source = e.source
            and r.ref_id = e.id and r.occurred_at < ${w.recent.end} and ${notVoided("r")}
        )
      group by e.customer_id
    ) k on k.customer_id = c.id
    where ${scopeCondition(scope, "c")}`;
}

const creditPolicySql = sql`case
  when f.record = 'good' then 'preferential'
  when f.record = 'none' then 'standard'
  when f.size = 'large' then 'strict'
  else 'stop' end`;

/** The §8 answers as a statement with the shared `voids` CTE in front. */
const withVoids = (body: RawBuilder<unknown>) => sql`with voids as (${voids}) ${body}`;

/** Whether rollup_customer_daily is cut in `timeZone`, as a one-row relation `(rollups_built)`. */
const rollupFlag = (timeZone: string) =>
  sql`(select coalesce((select s.value #>> '{}' from settings s where s.key = 'rollupTimeZone') = ${timeZone}, false) as rollups_built)`;

/**
 * The rows of `build("rollup")` when the rollups are cut in the organisation's zone, else those of
 * `build("raw")`. The zone test is part of the rollup statement (an uncorrelated one-time filter),
 * so its rows come from one snapshot together with the zone they were cut in; only when the zone
 * does not fit does the statement over raw events run. `key` is a column that is never null in a
 * row of the answer (the left join yields one row of nulls when there is none).
 */
async function rollupOrRaw<R extends Record<string, unknown>>(
  db: Kysely<Database>,
  timeZone: string,
  build: (source: FactSource) => RawBuilder<unknown>,
  key: keyof R & string,
  orderBy?: (alias: string) => RawBuilder<unknown>,
): Promise<R[]> {
  const order = (alias: string) => (orderBy ? sql`order by ${orderBy(alias)}` : sql``);
  return withWorkMem(db, async (trx) => {
    const { rows } = await withVoids(sql`
      select q.*, flag.rollups_built
      from ${rollupFlag(timeZone)} flag
      left join lateral (select * from (${build("rollup")}) q0 where flag.rollups_built) q on true
      ${order("q")}`).execute(trx);
    const flagged = rows as (R & { rollups_built: boolean })[];
    if (flagged[0]?.rollups_built) {
      return flagged
        .filter((r) => r[key] !== null)
        .map(({ rollups_built: _built, ...row }) => row as unknown as R);
    }
    const raw = await withVoids(sql`select q.* from (${build("raw")}) q ${order("q")}`).execute(trx);
    return raw.rows as R[];
  });
}

/**
 * The §8 statements hash and sort one row per customer (100,000 and more): with the server's
 * default work_mem (4 MB) they spill to disk. `work` runs in a transaction (or the caller's) with
 * enough memory for them.
 */
export async function withWorkMem<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  const run = async (trx: Kysely<Database>) => {
    await sql`select set_config('work_mem', '64MB', true)`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/** The source the standings recompute reads: the rollups when cut in the zone, held so (a rebuild waits) until `trx` ends. */
export async function lockedFactSource(trx: Kysely<Database>, timeZone: string): Promise<FactSource> {
  const { rows } = await sql<{ zone: string | null }>`
    select value #>> '{}' as zone from settings where key = 'rollupTimeZone' for share`.execute(trx);
  return rows[0]?.zone === timeZone ? "rollup" : "raw";
}

export type PyramidRow = { segment: Segment; customers: number; revenueCents: number };

/** Customers and revenue per segment at D (segments ranked company-wide; the scope picks whose are counted). */
export async function pyramidRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<PyramidRow[]> {
  const rows = await rollupOrRaw<{
    segment: Segment;
    customers: number | string;
    revenue_cents: string | number;
  }>(
    db,
    settings.timeZone,
    (source) => sql`
      select s.segment, count(*) as customers, coalesce(sum(s.revenue_cents), 0) as revenue_cents
      from (${segmentsSql(asOf, settings, source)}) s
      ${scopeJoin(scope, "s")}
      group by s.segment`,
    "segment",
  );
  return rows.map((r) => ({
    segment: r.segment,
    customers: Number(r.customers),
    revenueCents: Number(r.revenue_cents),
  }));
}

/** Every customer's segment at D (in scope). */
export async function segmentRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<Map<string, { segment: Segment; revenueCents: number }>> {
  const rows = await rollupOrRaw<{ customer_id: string; segment: Segment; revenue_cents: string | number }>(
    db,
    settings.timeZone,
    (source) => sql`
      select s.customer_id, s.segment, s.revenue_cents
      from (${segmentsSql(asOf, settings, source)}) s
      ${scopeJoin(scope, "s")}`,
    "customer_id",
  );
  return new Map(
    rows.map((r) => [r.customer_id, { segment: r.segment, revenueCents: Number(r.revenue_cents) }]),
  );
}

export type ValueChangeRow = { customerId: string; from: Segment; to: Segment; direction: "up" | "down" };

const rankSql = (column: RawBuilder<unknown>) => sql`case ${column}
  when 'prospect' then 0 when 'inactive' then 1 when 'small' then 2 when 'medium' then 3 when 'big' then 4 else 5 end`;

/** Customers whose segment at D differs from their segment at D − 90, by id (both from one pass over the orders). */
export async function valueChangeRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<ValueChangeRow[]> {
  const rows = await rollupOrRaw<{
    customer_id: string;
    from_segment: Segment;
    to_segment: Segment;
    direction: "up" | "down";
  }>(
    db,
    settings.timeZone,
    (source) => sql`
      select s.customer_id, s.segment_1 as from_segment, s.segment_0 as to_segment,
        case when ${rankSql(sql`s.segment_0`)} > ${rankSql(sql`s.segment_1`)} then 'up' else 'down' end as direction
      from (${segmentsAtSql([asOf, addDays(asOf, -90)], settings, source)}) s
      ${scopeJoin(scope, "s")} and s.segment_0 <> s.segment_1`,
    "customer_id",
    (alias) => sql`${sql.ref(`${alias}.customer_id`)} collate "C"`,
  );
  return rows.map((r) => ({
    customerId: r.customer_id,
    from: r.from_segment,
    to: r.to_segment,
    direction: r.direction,
  }));
}

export type ProblemRow = {
  customerId: string;
  size: CustomerSize;
  reasons: ProblemReason[];
  record: PaymentRecord;
  policy: CreditPolicy;
  paymentsWithDue: number;
  paymentsOnTime: number;
};

type RawProblemRow = {
  customer_id: string;
  size: CustomerSize;
  reasons: ProblemReason[] | string;
  record: PaymentRecord;
  policy: CreditPolicy;
  payments_with_due: number | string;
  payments_on_time: number | string;
};

/** `{a,b}` text arrays, whichever way a driver returns them. */
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.replace(/^\{|\}$/g, "");
  return inner === "" ? [] : inner.split(",");
}

const toProblemRow = (r: RawProblemRow): ProblemRow => ({
  customerId: r.customer_id,
  size: r.size,
  reasons: textArray(r.reasons) as ProblemReason[],
  record: r.record,
  policy: r.policy,
  paymentsWithDue: Number(r.payments_with_due),
  paymentsOnTime: Number(r.payments_on_time),
});

/** Every customer in scope with their reasons (maybe none), payment record and credit policy at D, by id. */
export async function problemRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
  options: { onlyProblems?: boolean } = {},
): Promise<ProblemRow[]> {
  const rows = await rollupOrRaw<RawProblemRow>(
    db,
    settings.timeZone,
    (source) => sql`
      select f.customer_id, f.size, f.reasons, f.record, ${creditPolicySql} as policy, f.payments_with_due, f.payments_on_time
      from (${problemsSql(asOf, settings, scope, source)}) f
      where ${options.onlyProblems ? sql`cardinality(f.reasons) > 0` : sql`true`}`,
    "customer_id",
    (alias) => sql`${sql.ref(`${alias}.customer_id`)} collate "C"`,
  );
  return rows.map(toProblemRow);
}

export { creditPolicySql, withVoids };
