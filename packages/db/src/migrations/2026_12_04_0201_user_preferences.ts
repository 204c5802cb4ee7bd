import { sql, type Kysely } from "kysely";

/*
 * A user's personal choices (which metrics their overview shows, …): one row per user and
 * preference, the value as JSON. Personal, so not audited; gone with the user.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("user_preferences")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("user_preferences_pkey", ["user_id", "key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("user_preferences").ifExists().execute();
}
