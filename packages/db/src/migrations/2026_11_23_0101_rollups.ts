import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
//
// Rollups of the event-local metrics in the organisation's local day. They are folded inside
// every ingest transaction and can be recomputed from raw events at any time; the zone they were
// built in is the settings row `rollupTimeZone` (absent: not maintained yet, reads use raw events).
export async function up(db: Kysely<any>): Promise<void> {
  const count = "integer";
  const sum = "numeric";
  const measures: [string, string][] = [
    ["orders", count],
    ["revenue", sum],
    ["payments", count],
    ["payments_amount", sum],
    ["payments_with_due", count],
    ["payments_on_time", count],
    ["opportunities_won", count],
    ["opportunities_lost", count],
    ["visits", count],
    ["complaints", count],
    ["praise", count],
    ["csat_surveys", count],
    ["csat_positive", count],
    ["nps_surveys", count],
    ["nps_promoters", count],
    ["nps_detractors", count],
    ["feedback_items", count],
    ["deliveries", count],
    ["deliveries_on_time", count],
    ["supplier_issues", count],
    ["defects", count],
    ["training_hours", sum],
  ];
  // Rows are updated in place by every batch: room on each page keeps those updates HOT.
  const fillfactor = sql`with (fillfactor = 80)`;

  // One wide row per day × department × account manager (a sentinel uuid stands for "none", so
  // the manager can be part of the key). Wide, not one row per measure: a metric reads one to
  // three measures of the same rows, a batch upserts one row per key, and ratios need no join.
  let daily = db.schema
    .createTable("rollup_daily")
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid", (c) => c.notNull());
  for (const [name, type] of measures) {
    daily = daily.addColumn(name, sql.raw(type), (c) => c.notNull().defaultTo(0));
  }
  await daily
    .addPrimaryKeyConstraint("rollup_daily_pk", ["department", "day", "account_manager_id"])
    .modifyEnd(fillfactor)
    .execute();
  await db.schema
    .createIndex("rollup_daily_manager_idx")
    .on("rollup_daily")
    .columns(["account_manager_id", "day"])
    .execute();

  // The same measures summed over managers: what department and organisation reads use (one row
  // per day and department instead of one per manager).
  let departmentDaily = db.schema
    .createTable("rollup_department_daily")
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull());
  for (const [name, type] of measures) {
    departmentDaily = departmentDaily.addColumn(name, sql.raw(type), (c) => c.notNull().defaultTo(0));
  }
  await departmentDaily
    .addPrimaryKeyConstraint("rollup_department_daily_pk", ["department", "day"])
    .modifyEnd(fillfactor)
    .execute();

  // Per customer, for the distinct counts (active customers, purchase frequency, campaign reach).
  await db.schema
    .createTable("rollup_customer_daily")
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("day", "date", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid", (c) => c.notNull())
    .addColumn("orders", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("campaign_touches", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("rollup_customer_daily_pk", [
      "customer_id",
      "day",
      "department",
      "account_manager_id",
    ])
    .modifyEnd(fillfactor)
    .execute();
  await db.schema
    .createIndex("rollup_customer_daily_department_idx")
    .on("rollup_customer_daily")
    .columns(["department", "day"])
    .execute();
  await db.schema
    .createIndex("rollup_customer_daily_manager_idx")
    .on("rollup_customer_daily")
    .columns(["account_manager_id", "day"])
    .execute();

  // Voids are looked up by their target (source, ref_id): live-event filters and the fold.
  await sql`create index events_void_ref_idx on events (source, ref_id) where type = 'void'`.execute(db);
  // Resolutions and follow-up visits are joined to their complaint / request by ref_id.
  await sql`create index events_ref_idx on events (customer_id, source, ref_id) where ref_id is not null`.execute(
    db,
  );
  // Idempotency per (source, id) enforced by the database on one node, so concurrent batches carrying
  // the same id for different customers cannot both be stored (see docs/scaling.md for Citus).
  await sql`create unique index events_source_id_key on events (source, id)`.execute(db);
  await sql`drop index events_source_id_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index events_source_id_idx on events (source, id)`.execute(db);
  await sql`drop index if exists events_source_id_key`.execute(db);
  await sql`drop index if exists events_ref_idx`.execute(db);
  await sql`drop index if exists events_void_ref_idx`.execute(db);
  await db.schema.dropTable("rollup_customer_daily").ifExists().execute();
  await db.schema.dropTable("rollup_department_daily").ifExists().execute();
  await db.schema.dropTable("rollup_daily").ifExists().execute();
  await db.deleteFrom("settings").where("key", "=", "rollupTimeZone").execute();
}
