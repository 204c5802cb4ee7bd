import { sql, type Kysely } from "kysely";

/*
 * Each customer's standing of the day (SPEC §8 segment and credit policy), recomputed set-based when
 * the date, the events, the customers or the §8 settings change since it was computed: the registry
 * filters and sorts on it, and a credit-policy change is seen (and recorded) when it is recomputed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("customer_standings")
    .addColumn("customer_id", "text", (c) => c.primaryKey())
    .addColumn("segment", "text", (c) =>
      c.notNull().check(sql`segment in ('top', 'big', 'medium', 'small', 'inactive', 'prospect')`),
    )
    .addColumn("revenue", "numeric(18, 2)", (c) => c.notNull())
    .addColumn("credit_policy", "text", (c) => c.notNull().check(sql`credit_policy in ('preferential', 'strict', 'standard', 'stop')`))
    .addColumn("record", "text", (c) => c.notNull().check(sql`record in ('good', 'poor', 'none')`))
    .addColumn("on_time_rate", "numeric(5, 2)")
    .addColumn("payments", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("customer_standings_segment_idx").on("customer_standings").column("segment").execute();
  await db.schema.createIndex("customer_standings_policy_idx").on("customer_standings").column("credit_policy").execute();
  // One row: what the standings were computed from (date, last event, customers, settings).
  await db.schema
    .createTable("customer_standings_state")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("stamp", "text", (c) => c.notNull())
    .addColumn("as_of", "date", (c) => c.notNull())
    .addColumn("computed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("customer_standings_state").execute();
  await db.schema.dropTable("customer_standings").execute();
}
