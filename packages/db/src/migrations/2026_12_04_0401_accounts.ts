import { sql, type Kysely } from "kysely";

/*
 * Customers and account managers (SPEC §8): a manager's profile on the user (specialties, industries,
 * ownerships, capacity; `level` exists already), the customer's `specialty`, and the customer's
 * credit-policy history (a change seen when the policy is recomputed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("specialties", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("industries", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("ownerships", sql`text[]`, (c) =>
      c
        .notNull()
        .defaultTo(sql`'{}'::text[]`)
        .check(sql`ownerships <@ array['state', 'private', 'foreign', 'collective', 'group']::text[]`),
    )
    .addColumn("capacity", "integer", (c) => c.notNull().defaultTo(50).check(sql`capacity >= 0`))
    .execute();
  // The profile's lists take over the single-value columns of the first schema.
  await sql`update users set specialties = array[specialty] where specialty is not null`.execute(db);
  await sql`update users set industries = array[industry_focus] where industry_focus is not null`.execute(db);

  await db.schema.alterTable("customers").addColumn("specialty", "text").execute();
  // Customer search (name and id, case-insensitive substring) and the registry's sort by name.
  await sql`create index customers_name_lower_idx on customers (lower(name) text_pattern_ops)`.execute(db);

  await db.schema
    .createTable("customer_credit_policies")
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("changed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("as_of", "date", (c) => c.notNull())
    .addColumn("from_policy", "text")
    .addColumn("to_policy", "text", (c) => c.notNull().check(sql`to_policy in ('preferential', 'strict', 'standard', 'stop')`))
    .addColumn("record", "text", (c) => c.notNull().check(sql`record in ('good', 'poor', 'none')`))
    .addColumn("on_time_rate", "numeric(5, 2)")
    .addColumn("payments", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_credit_policies_pk", ["customer_id", "seq"])
    .execute();

  // Per-customer reads of §8 (a customer's payments, complaints, orders in a window).
  await db.schema
    .createIndex("events_customer_type_time_idx")
    .on("events")
    .columns(["customer_id", "type", "occurred_at"])
    .execute();
  await db.schema.createIndex("customer_assignments_user_idx").on("customer_assignments").columns(["user_id", "valid_from"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("customer_assignments_user_idx").execute();
  await db.schema.dropIndex("events_customer_type_time_idx").execute();
  await db.schema.dropTable("customer_credit_policies").execute();
  await db.schema.dropIndex("customers_name_lower_idx").execute();
  await db.schema.alterTable("customers").dropColumn("specialty").execute();
  await db.schema
    .alterTable("users")
    .dropColumn("specialties")
    .dropColumn("industries")
    .dropColumn("ownerships")
    .dropColumn("capacity")
    .execute();
}
