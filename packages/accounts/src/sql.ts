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
  if (scope.accountManagerId !== undefined) parts.push(sql`${sql.ref(`${alias}.account_manager_id`)} = ${scope.accountManagerId}`);
  if (scope.department !== undefined) {
    parts.push(sql`exists (select 1 from events d where d.customer_id = ${sql.ref(`${alias}.id`)} and d.department = ${scope.department})`);
  }
  if (scope.customerIds !== undefined) {
    parts.push(scope.customerIds.length === 0 ? sql`false` : sql`${sql.ref(`${alias}.id`)} in (${sql.join(scope.customerIds)})`);
  }
  return parts.length === 0 ? sql`true` : sql.join(parts, sql` and `);
}

/**
 * `select customer_id, revenue_cents, segment from …` for every customer at D: revenue of the 365
 * days up to D, the ranked segments by the percentages, inactive / prospect for the rest.
 */
export function segmentsSql(asOf: string, settings: Pick<AccountSettings, "timeZone" | "pyramid">): RawBuilder<unknown> {
  const w = windowsAt(asOf, settings.timeZone);
  const { top, big, medium } = settings.pyramid;
  return sql`
    select b.customer_id, b.revenue_cents,
      case
        when r.p is null then case when b.ordered_before then 'inactive' else 'prospect' end
        when r.p <= ceil(cast(${top} as numeric) * r.n / 100) then 'top'
        when r.p <= ceil(cast(${big} as numeric) * r.n / 100) then 'big'
        when r.p <= ceil(cast(${medium} as numeric) * r.n / 100) then 'medium'
        else 'small'
      end as segment
    from (
      select c.id as customer_id, coalesce(o.revenue_cents, 0) as revenue_cents, coalesce(o.ordered_before, false) as ordered_before
      from customers c
      left join (
        select e.customer_id,
          sum(e.amount * 100) filter (where e.occurred_at >= ${w.year.start}) as revenue_cents,
          bool_or(e.occurred_at < ${w.year.start}) as ordered_before
        from events e
        where e.type = 'order' and e.occurred_at < ${w.year.end} and ${notVoided("e")}
        group by e.customer_id
      ) o on o.customer_id = c.id
    ) b
    left join (
      select customer_id,
        row_number() over (order by revenue_cents desc, customer_id collate "C") as p,
        count(*) over () as n
      from (
        select e.customer_id, sum(e.amount * 100) as revenue_cents
        from events e
        join customers c on c.id = e.customer_id
        where e.type = 'order' and e.occurred_at >= ${w.year.start} and e.occurred_at < ${w.year.end} and ${notVoided("e")}
        group by e.customer_id
        having sum(e.amount) > 0
      ) ranked
    ) r on r.customer_id = b.customer_id`;
}

/** Per customer at D: the facts of the four problem reasons, the reasons and the credit policy. */
export function problemsSql(asOf: string, settings: AccountSettings, scope: CustomerScope = {}): RawBuilder<unknown> {
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
    left join (
      select e.customer_id,
        count(*) filter (where e.type = 'complaint' and e.occurred_at >= ${w.recent.start}) as complaints_recent,
        count(*) filter (where e.type = 'complaint' and e.occurred_at < ${w.recent.start}) as complaints_prior,
        sum(e.amount * 100) filter (where e.type = 'order' and e.occurred_at >= ${w.recent.start}) as revenue_recent_cents,
        sum(e.amount * 100) filter (where e.type = 'order' and e.occurred_at < ${w.recent.start}) as revenue_prior_cents
      from events e
      where e.type in ('complaint', 'order') and e.occurred_at >= ${w.prior.start} and e.occurred_at < ${w.recent.end}
        and ${notVoided("e")}
      group by e.customer_id
    ) f on f.customer_id = c.id
    left join (
      select e.customer_id, count(*) as with_due, count(*) filter (where e.occurred_at <= e.due_at) as on_time
      from events e
      where e.type = 'payment' and e.due_at >= ${w.year.start} and e.due_at < ${w.year.end} and ${notVoided("e")}
      group by e.customer_id
    ) p on p.customer_id = c.id
    left join (
      select e.customer_id, count(*) as open_complaints
      from events e
      where e.type = 'complaint' and e.occurred_at < ${slaCut} and ${notVoided("e")}
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

export type PyramidRow = { segment: Segment; customers: number; revenueCents: number };

/** Customers and revenue per segment at D (segments ranked company-wide; the scope picks whose are counted). */
export async function pyramidRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<PyramidRow[]> {
  const { rows } = await withVoids(sql`
    select s.segment, count(*) as customers, coalesce(sum(s.revenue_cents), 0) as revenue_cents
    from (${segmentsSql(asOf, settings)}) s
    join customers c on c.id = s.customer_id
    where ${scopeCondition(scope, "c")}
    group by s.segment`).execute(db);
  return (rows as { segment: Segment; customers: number | string; revenue_cents: string | number }[]).map((r) => ({
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
  const { rows } = await withVoids(sql`
    select s.customer_id, s.segment, s.revenue_cents
    from (${segmentsSql(asOf, settings)}) s
    join customers c on c.id = s.customer_id
    where ${scopeCondition(scope, "c")}`).execute(db);
  return new Map(
    (rows as { customer_id: string; segment: Segment; revenue_cents: string | number }[]).map((r) => [
      r.customer_id,
      { segment: r.segment, revenueCents: Number(r.revenue_cents) },
    ]),
  );
}

export type ValueChangeRow = { customerId: string; from: Segment; to: Segment; direction: "up" | "down" };

const rankSql = (column: RawBuilder<unknown>) => sql`case ${column}
  when 'prospect' then 0 when 'inactive' then 1 when 'small' then 2 when 'medium' then 3 when 'big' then 4 else 5 end`;

/** Customers whose segment at D differs from their segment at D − 90, by id. */
export async function valueChangeRows(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<ValueChangeRow[]> {
  const { rows } = await withVoids(sql`
    select a.customer_id, b.segment as from_segment, a.segment as to_segment,
      case when ${rankSql(sql`a.segment`)} > ${rankSql(sql`b.segment`)} then 'up' else 'down' end as direction
    from (${segmentsSql(asOf, settings)}) a
    join (${segmentsSql(addDays(asOf, -90), settings)}) b on b.customer_id = a.customer_id
    join customers c on c.id = a.customer_id
    where a.segment <> b.segment and ${scopeCondition(scope, "c")}
    order by a.customer_id collate "C"`).execute(db);
  return (rows as { customer_id: string; from_segment: Segment; to_segment: Segment; direction: "up" | "down" }[]).map((r) => ({
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
  const { rows } = await withVoids(sql`
    select f.customer_id, f.size, f.reasons, f.record, ${creditPolicySql} as policy, f.payments_with_due, f.payments_on_time
    from (${problemsSql(asOf, settings, scope)}) f
    where ${options.onlyProblems ? sql`cardinality(f.reasons) > 0` : sql`true`}
    order by f.customer_id collate "C"`).execute(db);
  return (rows as RawProblemRow[]).map(toProblemRow);
}

/** For the registry: segment and credit policy of every customer at D, as a derived table. */
export function customerStandingSql(asOf: string, settings: AccountSettings): RawBuilder<unknown> {
  return sql`
    select s.customer_id, s.segment, ${creditPolicySql} as credit_policy
    from (${segmentsSql(asOf, settings)}) s
    join (${problemsSql(asOf, settings)}) f on f.customer_id = s.customer_id`;
}

export { withVoids };
