import type { Kysely } from "kysely";
import type { Database } from "@retain/db";

/** A user's stored preferences by key; a key never set is absent. */
export async function readPreferences(db: Kysely<Database>, userId: string): Promise<Map<string, unknown>> {
  const rows = await db
    .selectFrom("user_preferences")
    .select(["key", "value"])
    .where("user_id", "=", userId)
    .execute();
  return new Map(rows.map((row) => [row.key, row.value]));
}

/** Stores one preference (`null` removes it, back to the default). The caller validates the value. */
export async function writePreference(
  db: Kysely<Database>,
  userId: string,
  key: string,
  value: unknown,
): Promise<void> {
  if (value === null) {
    await db.deleteFrom("user_preferences").where("user_id", "=", userId).where("key", "=", key).execute();
    return;
  }
  const json = JSON.stringify(value);
  await db
    .insertInto("user_preferences")
    .values({ user_id: userId, key, value: json })
    .onConflict((oc) => oc.columns(["user_id", "key"]).doUpdateSet({ value: json, updated_at: new Date() }))
    .execute();
}
