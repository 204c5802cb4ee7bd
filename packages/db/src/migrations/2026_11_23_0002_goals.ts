import { sql, type Kysely } from "kysely";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("goals")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("department", "text", (c) => c.notNull().references("departments.key"))
    .addColumn("metric", "text", (c) => c.notNull())
    .addColumn("filter", "jsonb")
    .addColumn("period", "text", (c) => c.notNull().check(sql`period ~ '^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'`))
    .addColumn("target", "numeric(18, 4)", (c) => c.notNull())
    .addColumn("direction", "text", (c) => c.check(sql`direction in ('higher', 'lower')`))
    .addColumn("perspective", "text", (c) =>
      c.notNull().defaultTo("customer").check(sql`perspective in ('financial', 'customer', 'process', 'learning')`),
    )
    .addColumn("kind", "text", (c) => c.notNull().defaultTo("internal").check(sql`kind in ('internal', 'external')`))
    .addColumn("weight", "numeric(8, 2)", (c) => c.notNull().defaultTo(1).check(sql`weight > 0`))
    .addColumn("owner_id", "uuid", (c) => c.references("users.id"))
    .addColumn("title", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("goals_department_period_idx").on("goals").columns(["department", "period"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("goals").ifExists().execute();
}
