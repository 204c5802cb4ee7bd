import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, User } from "@retain/db";

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** Tokens are 256 random bits; only their SHA-256 is stored, so a database leak yields no sessions. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createSession(db: Kysely<Database>, userId: string, now = new Date()): Promise<string> {
  const token = `rs_${randomBytes(32).toString("base64url")}`;
  await db
    .insertInto("sessions")
    .values({ token_hash: hashToken(token), user_id: userId, expires_at: new Date(now.getTime() + SESSION_TTL_MS) })
    .execute();
  return token;
}

export async function userForSession(db: Kysely<Database>, token: string, now = new Date()): Promise<User | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .where("sessions.token_hash", "=", hashToken(token))
    .where("sessions.expires_at", ">", now)
    .where("users.active", "=", true)
    .executeTakeFirst();
  return row;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
}

export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
