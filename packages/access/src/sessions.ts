import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database, User } from "@retain/db";
import { authChanged } from "./caller-cache";

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

/** The active user of a live session, with the session's expiry; `tokenHash` is hashToken(token). */
export async function findSession(
  db: Kysely<Database>,
  tokenHash: string,
  now = new Date(),
): Promise<{ user: User; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select("sessions.expires_at as session_expires_at")
    .where("sessions.token_hash", "=", tokenHash)
    .where("sessions.expires_at", ">", now)
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_expires_at: expiresAt, ...user } = row;
  return { user, expiresAt };
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("token_hash", "=", hashToken(token)).execute();
  authChanged();
}

/** Inside a transaction, the caller calls authChanged() again once it has committed. */
export async function deleteUserSessions(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  authChanged();
}
