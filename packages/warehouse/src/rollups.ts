import { sql, type Kysely, type RawBuilder } from "kysely";
import { NO_MANAGER, type Database } from "@retain/db";
import { factTables, foldFacts, rebuildFacts, type FactEvent } from "./facts";

/*
 * Rollups of the event-local metrics, in the organisation's local day:
 *   rollup_daily            day × department × account manager → counts and exact sums
 *   rollup_department_daily day × department → the same, summed over managers (department reads)
 *   rollup_customer_daily   customer × day × department × account manager → orders, campaign touches,
 *                           order revenue, complaints
 * Both are folded inside every ingest transaction (foldEvents) and can be recomputed from raw
 * events (rebuildRollups). The measures below are the single description both use, so the two
 * paths cannot drift apart. The zone the rollups are cut in is the settings row `rollupTimeZone`;
 * without it the rollups are not maintained and metric reads use raw events. The facts of the
 * metrics that are not event-local (./facts.ts) are folded and rebuilt with them.
 */

/** Settings key holding (as a JSON string) the zone the rollups are built in. */
export const ROLLUP_TIME_ZONE = "rollupTimeZone";

/** An event as it is folded: the stored columns a measure can depend on. */
export type FoldEvent = {
  customerId: string;
  source: string;
  id: string;
  type: string;
  /** ISO-8601 instant. */
  occurredAt: string;
  department: string;
  accountManagerId: string | null;
  amount: string | null;
  refId: string | null;
  dueAt: string | null;
  promisedAt: string | null;
  scale: number | null;
  score: number | null;
  hours: string | null;
};

export type FoldOptions = { onTiming?: (phase: string, ms: number) => void };

type Measure = { column: string; when: string; sum?: "amount" | "hours" };

// Conditions on the source relation `e` (see `sourceColumns`). Every event of a type listed here
// adds to at least one measure, so a rollup row with only zeros has no live event behind it.
const dailyMeasures: readonly Measure[] = [
  { column: "orders", when: "e.type = 'order'" },
  { column: "revenue", when: "e.type = 'order'", sum: "amount" },
  { column: "payments", when: "e.type = 'payment'" },
  { column: "payments_amount", when: "e.type = 'payment'", sum: "amount" },
  { column: "payments_with_due", when: "e.type = 'payment' and e.due_at is not null" },
  {
    column: "payments_on_time",
    when: "e.type = 'payment' and e.due_at is not null and e.occurred_at <= e.due_at",
  },
  { column: "opportunities_won", when: "e.type = 'opportunity_won'" },
  { column: "opportunities_lost", when: "e.type = 'opportunity_lost'" },
  { column: "visits", when: "e.type = 'visit'" },
  { column: "complaints", when: "e.type = 'complaint'" },
  { column: "praise", when: "e.type = 'praise'" },
  { column: "csat_surveys", when: "e.type = 'survey' and e.scale = 5" },
  { column: "csat_positive", when: "e.type = 'survey' and e.scale = 5 and e.score >= 4" },
  { column: "nps_surveys", when: "e.type = 'survey' and e.scale = 10" },
  { column: "nps_promoters", when: "e.type = 'survey' and e.scale = 10 and e.score >= 9" },
  { column: "nps_detractors", when: "e.type = 'survey' and e.scale = 10 and e.score <= 6" },
  { column: "feedback_items", when: "e.type = 'feedback'" },
  { column: "deliveries", when: "e.type = 'delivery'" },
  {
    column: "deliveries_on_time",
    when: "e.type = 'delivery' and e.promised_at is not null and e.occurred_at <= e.promised_at",
  },
  { column: "supplier_issues", when: "e.type = 'supplier_issue'" },
  { column: "defects", when: "e.type = 'defect'" },
  { column: "training_hours", when: "e.type = 'training'", sum: "hours" },
];
const dailyTypes = [
  "order",
  "payment",
  "opportunity_won",
  "opportunity_lost",
  "visit",
  "complaint",
  "praise",
  "survey",
  "feedback",
  "delivery",
  "supplier_issue",
  "defect",
  "training",
] as const;

const customerMeasures: readonly Measure[] = [
  { column: "orders", when: "e.type = 'order'" },
  { column: "campaign_touches", when: "e.type = 'campaign_touch'" },
  // The customer's day for the §8 date reads (value pyramid, falling spend, rising complaints).
  { column: "revenue", when: "e.type = 'order'", sum: "amount" },
  { column: "complaints", when: "e.type = 'complaint'" },
];
const customerTypes = ["order", "campaign_touch", "complaint"] as const;

type RollupTable = {
  name: "rollup_daily" | "rollup_department_daily" | "rollup_customer_daily";
  /** Key columns with their expression over `e`; `day` is the local day in the rollup zone. */
  key: readonly (readonly [string, string])[];
  measures: readonly Measure[];
  types: readonly string[];
};

const noManager = `coalesce(e.account_manager_id, '${NO_MANAGER}'::uuid)`;
const tables: readonly RollupTable[] = [
  {
    name: "rollup_daily",
    key: [
      ["department", "e.department"],
      ["day", ""],
      ["account_manager_id", noManager],
    ],
    measures: dailyMeasures,
    types: dailyTypes,
  },
  {
    name: "rollup_department_daily",
    key: [
      ["department", "e.department"],
      ["day", ""],
    ],
    measures: dailyMeasures,
    types: dailyTypes,
  },
  {
    name: "rollup_customer_daily",
    key: [
      ["customer_id", "e.customer_id"],
      ["day", ""],
      ["department", "e.department"],
      ["account_manager_id", noManager],
    ],
    measures: customerMeasures,
    types: customerTypes,
  },
];

const sourceColumns =
  "customer_id, type, occurred_at, department, account_manager_id, amount, due_at, promised_at, scale, score, hours, sign";

const localDay = (zone: string) => sql`(e.occurred_at at time zone cast(${zone} as text))::date`;

function aggregate(measure: Measure): RawBuilder<unknown> {
  const value = measure.sum ? `e.sign * e.${measure.sum}` : "e.sign";
  const cast = measure.sum ? "" : "::integer";
  return sql.raw(`coalesce(sum(${value}) filter (where ${measure.when}), 0)${cast}`);
}

/**
 * `insert into <table> select <key>, <measures> from (source) e group by <key>`, in key order (a
 * rebuilt table is laid out in key order, so a read of a department's days touches few pages).
 * `add`: add onto existing rows (the fold); otherwise the table is expected to be empty (rebuild).
 */
function rollupInsert(table: RollupTable, source: RawBuilder<unknown>, zone: string, add: boolean) {
  const keyNames = table.key.map(([name]) => sql.ref(name));
  const columns = [...keyNames, ...table.measures.map((m) => sql.ref(m.column))];
  const positions = sql.raw(table.key.map((_, i) => String(i + 1)).join(", "));
  // Sorted by key: concurrent writers then lock shared rows in the same order and cannot deadlock.
  return sql`
    insert into ${sql.table(table.name)} (${sql.join(columns)})
    ${rollupAggregate(table, source, zone)}
    order by ${positions}
    ${add ? addOnConflict(table) : sql``}`;
}

/** `select <key>, <measures> from (source) e group by <key>`: the key columns first, in table order. */
function rollupAggregate(table: RollupTable, source: RawBuilder<unknown>, zone: string): RawBuilder<unknown> {
  const keyValues = table.key.map(([name, expr]) =>
    name === "day" ? sql`${localDay(zone)} as day` : sql`${sql.raw(expr)} as ${sql.ref(name)}`,
  );
  const positions = sql.raw(table.key.map((_, i) => String(i + 1)).join(", "));
  const measures = table.measures.map((m) => sql`${aggregate(m)} as ${sql.ref(m.column)}`);
  return sql`
    select ${sql.join([...keyValues, ...measures])}
    from (${source}) e
    where e.type in (${sql.join([...table.types])})
    group by ${positions}`;
}

/**
 * The fold of `source` (a batch of signed events) into every rollup table, as one statement with a
 * data-modifying CTE per table, in table order and each in key order. The department rows are the
 * batch's day × department × manager deltas summed over managers, not a second pass over the batch.
 */
function foldStatement(source: RawBuilder<unknown>, zone: string): RawBuilder<unknown> {
  const [daily, departments, customers] = tables as [RollupTable, RollupTable, RollupTable];
  const measures = dailyMeasures.map((m) => sql.ref(m.column));
  const dailyKey = daily.key.map(([name]) => sql.ref(name));
  return sql`
    with batch as materialized (${source}),
    daily as materialized (${rollupAggregate(daily, sql`select * from batch`, zone)}),
    t0 as (
      insert into rollup_daily (${sql.join([...dailyKey, ...measures])})
      select * from daily
      order by ${sql.join(dailyKey)}
      ${addOnConflict(daily)}),
    t1 as (${departmentsFromManagers(sql`daily`)} ${addOnConflict(departments)}),
    t2 as (${rollupInsert(customers, sql`select * from batch`, zone, true)})
    select 1`;
}

/** `on conflict (<key>) do update`, adding the new measures onto the stored ones. */
function addOnConflict(table: RollupTable): RawBuilder<unknown> {
  const keyNames = table.key.map(([name]) => sql.ref(name));
  return sql`on conflict (${sql.join(keyNames)}) do update set ${sql.join(
    table.measures.map((m) => sql.raw(`${m.column} = ${table.name}.${m.column} + excluded.${m.column}`)),
  )}`;
}

/**
 * rollup_department_daily from day × department × manager rows (`managers`, shaped like
 * rollup_daily): the rebuild sums rollup_daily, the fold its batch's deltas. In key order.
 */
function departmentsFromManagers(managers: RawBuilder<unknown>) {
  const columns = dailyMeasures.map((m) => sql.ref(m.column));
  return sql`
    insert into rollup_department_daily (department, day, ${sql.join(columns)})
    select department, day, ${sql.join(dailyMeasures.map((m) => sql`sum(${sql.ref(m.column)})`))}
    from ${managers}
    group by department, day
    order by department, day`;
}

/** Live (not voided) events as a fold source with sign 1. */
function liveEventSource(): RawBuilder<unknown> {
  return sql`
    select e.customer_id, e.type, e.occurred_at, e.department, e.account_manager_id, e.amount, e.due_at,
      e.promised_at, e.scale, e.score, e.hours, 1 as sign
    from events e
    where not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)`;
}

type Signed = FoldEvent & { sign: 1 | -1 };

/** A batch of events as a fold source, sent as one array per column. */
function batchSource(events: readonly Signed[]): RawBuilder<unknown> {
  const col = <T>(f: (e: Signed) => T) => events.map(f);
  return sql`
    select * from unnest(
      ${col((e) => e.customerId)}::text[], ${col((e) => e.type)}::text[], ${col((e) => e.occurredAt)}::timestamptz[],
      ${col((e) => e.department)}::text[], ${col((e) => e.accountManagerId)}::uuid[],
      ${col((e) => e.amount)}::numeric(16, 2)[], ${col((e) => e.dueAt)}::timestamptz[],
      ${col((e) => e.promisedAt)}::timestamptz[], ${col((e) => e.scale)}::smallint[], ${col((e) => e.score)}::smallint[],
      ${col((e) => e.hours)}::numeric(10, 2)[], ${col((e) => e.sign)}::integer[]
    ) as e(${sql.raw(sourceColumns)})`;
}

/** Deletes rows of `table` at the keys of `events` whose measures are all 0 (every event behind them voided). */
function deleteEmptyRows(table: RollupTable, events: readonly Signed[], zone: string) {
  const keyNames = table.key.map(([name]) => sql.ref(`r.${name}`));
  const keyValues = table.key.map(([name, expr]) => (name === "day" ? localDay(zone) : sql.raw(expr)));
  const zero = table.measures.map((m) => sql.raw(`r.${m.column} = 0`));
  return sql`
    delete from ${sql.table(table.name)} as r
    where (${sql.join(keyNames)}) in (select ${sql.join(keyValues)} from (${batchSource(events)}) e)
      and ${sql.join(zero, sql` and `)}`;
}

const IANA = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** An IANA zone name (offsets such as +01:00 are refused: PostgreSQL reads them with the opposite sign). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || !IANA.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

async function setting(db: Kysely<Database>, key: string, lock = false): Promise<unknown> {
  const { rows } = await sql<{ value: unknown }>`
    select value from settings where key = ${key} ${lock ? sql`for share` : sql``}`.execute(db);
  return rows[0]?.value;
}

/** The zone the rollups are built in, or null when they are not maintained. */
export async function rollupTimeZone(db: Kysely<Database>): Promise<string | null> {
  const zone = await setting(db, ROLLUP_TIME_ZONE);
  return typeof zone === "string" ? zone : null;
}

/**
 * The rollup zone, locked in share mode until the transaction ends: a rebuild (which updates the
 * row) waits for folds in progress, and folds that start later wait for the rebuild, so every event
 * is either in the rebuild's snapshot or folded after it — never both, never neither.
 * On a database without events the rollups start here, in the organisation's zone.
 */
async function lockRollupZone(
  db: Kysely<Database>,
  events: readonly { source: string; id: string }[],
): Promise<string | null> {
  const zone = await setting(db, ROLLUP_TIME_ZONE, true);
  if (typeof zone === "string") return zone;
  const configured = await setting(db, "timeZone");
  const initial = configured === undefined ? "UTC" : configured;
  if (!isTimeZone(initial)) return null;
  await sql`
    insert into settings (key, value)
    select ${ROLLUP_TIME_ZONE}, ${JSON.stringify(initial)}::jsonb
    where not exists (
      select 1 from events e
      where not exists (
        select 1 from unnest(${events.map((e) => e.source)}::text[], ${events.map((e) => e.id)}::text[]) as b(source, id)
        where b.source = e.source and b.id = e.id))
    on conflict (key) do nothing`.execute(db);
  const created = await setting(db, ROLLUP_TIME_ZONE, true);
  return typeof created === "string" ? created : null;
}

const key = (source: string, id: string) => `${source}\u0000${id}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

type StoredEventRow = {
  customer_id: string;
  source: string;
  id: string;
  type: string;
  occurred_at: string;
  department: string;
  account_manager_id: string | null;
  amount: string | null;
  ref_id: string | null;
  due_at: string | null;
  promised_at: string | null;
  scale: number | null;
  score: number | null;
  hours: string | null;
};

/**
 * Stored events voided by `voids` that no other stored void had voided already. The targets are
 * locked first (in key order), and only then are other voids looked for, in a new statement: two
 * batches voiding the same event concurrently are serialised, and the second sees the first's void.
 */
async function newlyVoided(db: Kysely<Database>, voids: readonly StoredEventKey[]): Promise<FoldEvent[]> {
  const unique = new Map<string, { source: string; id: string }>();
  for (const v of voids) unique.set(key(v.source, v.refId ?? ""), { source: v.source, id: v.refId ?? "" });
  // Locked in the order of the unique index (source, id), as every writer does.
  const targets = [...unique.values()].sort((a, b) => compare(a.source, b.source) || compare(a.id, b.id));
  const sources = targets.map((t) => t.source);
  const ids = targets.map((t) => t.id);
  const { rows } = await sql<StoredEventRow>`
    select e.customer_id, e.source, e.id, e.type,
      to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at,
      e.department, e.account_manager_id, e.amount, e.ref_id,
      to_char(e.due_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as due_at,
      to_char(e.promised_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as promised_at,
      e.scale, e.score, e.hours
    from events e
    join unnest(${sources}::text[], ${ids}::text[]) as t(source, id) on e.source = t.source and e.id = t.id
    order by e.source, e.id
    for update of e`.execute(db);
  if (rows.length === 0) return [];
  const { rows: voided } = await sql<{ source: string; ref_id: string }>`
    select distinct v.source, v.ref_id
    from events v
    join unnest(${sources}::text[], ${ids}::text[]) as t(source, id) on v.source = t.source and v.ref_id = t.id
    where v.type = 'void'
      and not exists (
        select 1 from unnest(${voids.map((v) => v.source)}::text[], ${voids.map((v) => v.id)}::text[]) as b(source, id)
        where b.source = v.source and b.id = v.id)`.execute(db);
  const before = new Set(voided.map((v) => key(v.source, v.ref_id)));
  return rows
    .filter((r) => !before.has(key(r.source, r.id)))
    .map((r) => ({
      customerId: r.customer_id,
      source: r.source,
      id: r.id,
      type: r.type,
      occurredAt: r.occurred_at,
      department: r.department,
      accountManagerId: r.account_manager_id,
      amount: r.amount,
      refId: r.ref_id,
      dueAt: r.due_at,
      promisedAt: r.promised_at,
      scale: r.scale,
      score: r.score,
      hours: r.hours,
    }));
}

async function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** An event this transaction just stored, by key; the fold reads its columns from `fold_batch`. */
export type StoredEventKey = { source: string; id: string; type: string; refId: string | null };

/**
 * The session's staging table for the fold, temporary (one per connection, never shared) and
 * emptied at every commit. Once prepared, every row the transaction inserts into `events` is also
 * written there by the trigger `events_stage` (migration 2026_12_01_0001), whether by INSERT or by
 * COPY, so the fold reads the batch without looking each event up again and without the writer
 * sending it twice. Call it in the transaction that stores the batch, before storing it.
 */
export async function prepareStaging(db: Kysely<Database>): Promise<void> {
  await sql`
    create temp table if not exists fold_batch (
      customer_id text, source text, id text, type text, occurred_at timestamptz, department text,
      account_manager_id uuid, amount numeric(16, 2), due_at timestamptz, promised_at timestamptz,
      scale smallint, score smallint, hours numeric(10, 2)
    ) on commit delete rows`.execute(db);
  await sql`select set_config('retain.stage_events', 'on', true)`.execute(db);
}

/** The staged batch as a fold source with sign 1, minus voids and the events a void among `keys` takes out. */
function stagedBatchSource(keys: readonly StoredEventKey[]): RawBuilder<unknown> {
  const voids = keys.filter((k) => k.type === "void" && k.refId !== null);
  return sql`
    select e.customer_id, e.type, e.occurred_at, e.department, e.account_manager_id, e.amount, e.due_at,
      e.promised_at, e.scale, e.score, e.hours, 1 as sign
    from fold_batch e
    where e.type <> 'void'
      and not exists (
        select 1
        from unnest(${voids.map((v) => v.source)}::text[], ${voids.map((v) => v.refId)}::text[]) as v(source, ref_id)
        where v.source = e.source and v.ref_id = e.id)`;
}

/**
 * Folds events that were just stored into the rollups: each adds its measures to its local day,
 * late and out-of-order events included; a void takes its target out (once, however many voids it
 * gets, whether the target came in this batch or earlier). Pre-aggregated in SQL per rollup key and
 * upserted in key order, all three tables in one statement that reads the batch from the staging
 * table `fold_batch`, which must hold exactly the events of `stored` (see prepareStaging). `db` is
 * the transaction that stored them.
 */
export async function foldEvents(
  db: Kysely<Database>,
  stored: readonly StoredEventKey[],
  options: FoldOptions = {},
): Promise<void> {
  if (stored.length === 0) return;
  const timed = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      options.onTiming?.(phase, performance.now() - started);
    }
  };
  const zone = await timed("rollup.lock", () => lockRollupZone(db, stored));
  // Not maintained yet (no rollupTimeZone): a rebuild builds them.
  if (zone === null) return;

  const inBatch = new Set(stored.map((e) => key(e.source, e.id)));
  const storedVoids = stored.filter(
    (e) => e.type === "void" && e.refId !== null && !inBatch.has(key(e.source, e.refId)),
  );
  const negatives =
    storedVoids.length > 0 ? await timed("rollup.voids", () => newlyVoided(db, storedVoids)) : [];

  const signed = negatives.map((e) => ({ ...e, sign: -1 as const }));
  const source =
    signed.length === 0
      ? stagedBatchSource(stored)
      : sql`${stagedBatchSource(stored)} union all ${batchSource(signed)}`;
  await timed("rollup.upsert", async () => {
    // One statement for the batch and what its voids take out, with data-modifying CTEs, one per
    // table, always in the same order and each in key order: concurrent folds lock rows alike. (A
    // second pass for the voids locked rows out of that order and could deadlock with another fold.)
    await foldStatement(source, zone).execute(db);
    // Rows left at zero lose their last live event; this statement locked them all already.
    for (const table of tables) {
      const removed = signed.filter((e) => table.types.includes(e.type));
      if (removed.length > 0) await deleteEmptyRows(table, removed, zone).execute(db);
    }
  });
  // The facts of the keys the batch touches, from the same source and the events by key.
  const events: FactEvent[] = [
    ...stored.map((e) => ({ source: e.source, id: e.id, type: e.type, refId: e.refId, sign: 1 as const })),
    ...negatives.map((e) => ({
      source: e.source,
      id: e.id,
      type: e.type,
      refId: e.refId,
      sign: -1 as const,
    })),
  ];
  await timed("rollup.facts", () => foldFacts(db, source, events));
}

/**
 * Refreshes the planner's statistics of every table ingest writes to (raw events, customers and
 * their histories, the rollups): after a bulk load, and where no autovacuum does it (PGlite).
 */
export async function analyzeIngestedTables(db: Kysely<Database>): Promise<void> {
  const ingested = [
    "events",
    "customers",
    "customer_assignments",
    "customer_tier_changes",
    ...tables.map((t) => t.name),
    ...factTables,
  ];
  await sql`analyze ${sql.join(ingested.map((t) => sql.table(t)))}`.execute(db);
}

export type RebuildOptions = FoldOptions & {
  /** Zone to cut local days in; default: the `timeZone` setting, else UTC. */
  timeZone?: string;
};

export type RebuildResult = {
  timeZone: string;
  /** Rows written per rollup and fact table. */
  rows: Record<RollupTable["name"] | (typeof factTables)[number], number>;
  ms: number;
};

export class RollupZoneError extends Error {
  override name = "RollupZoneError";
}

/**
 * Recomputes every rollup from raw events in one transaction: records the zone, empties the
 * rollups and fills them with one INSERT … SELECT … GROUP BY per table. Metric reads and ingest
 * transactions that fold meanwhile wait for it (TRUNCATE, and the zone row; see lockRollupZone).
 */
export async function rebuildRollups(
  db: Kysely<Database>,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = performance.now();
  return inTransaction(db, async (trx) => {
    const configured = options.timeZone ?? (await setting(trx, "timeZone")) ?? "UTC";
    if (!isTimeZone(configured))
      throw new RollupZoneError(`time zone must be an IANA name, got ${JSON.stringify(configured)}`);
    const zone = configured;
    // Taking the row lock first waits for folds that hold it in share mode.
    await sql`
      insert into settings (key, value) values (${ROLLUP_TIME_ZONE}, ${JSON.stringify(zone)}::jsonb)
      on conflict (key) do update set value = excluded.value, updated_at = now()`.execute(trx);
    const rebuilt = [...tables.map((t) => t.name), ...factTables];
    await sql`truncate ${sql.join(rebuilt.map((t) => sql.table(t)))}`.execute(trx);
    const rows = { rollup_daily: 0, rollup_department_daily: 0, rollup_customer_daily: 0 };
    for (const table of tables) {
      // Departments are the manager rows summed up: no second pass over the events.
      const statement =
        table.name === "rollup_department_daily"
          ? departmentsFromManagers(sql`rollup_daily`)
          : rollupInsert(table, liveEventSource(), zone, false);
      const at = performance.now();
      const { numAffectedRows } = await statement.execute(trx);
      options.onTiming?.(table.name, performance.now() - at);
      rows[table.name] = Number(numAffectedRows ?? 0);
    }
    const facts = await rebuildFacts(trx, options.onTiming);
    // Fresh statistics for the planner: the tables were just emptied and refilled.
    await sql`analyze ${sql.join(rebuilt.map((t) => sql.table(t)))}`.execute(trx);
    return { timeZone: zone, rows: { ...rows, ...facts }, ms: performance.now() - started };
  });
}
