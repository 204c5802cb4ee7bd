import type { Kysely } from "kysely";
import type { Database } from "@retain/db";

export async function departmentKeys(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db.selectFrom("departments").select("key").execute();
  return new Set(rows.map((r) => r.key));
}

/** Active users by lower-case email, for the emails a batch names. */
export async function usersByEmail(db: Kysely<Database>, emails: Iterable<string>): Promise<Map<string, string>> {
  const list = [...new Set(emails)];
  if (list.length === 0) return new Map();
  const rows = await db
    .selectFrom("users")
    .select(["id", "email"])
    .where("email", "in", list)
    .where("active", "=", true)
    .execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}
