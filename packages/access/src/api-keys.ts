import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { ApiKey, ApiKeyScope, Database } from "@retain/db";
import { recordAudit, type Actor } from "./audit";
import { authChanged } from "./caller-cache";
import { AccessError } from "./errors";
import { hashToken } from "./sessions";

export const apiKeyScopes = ["ingest", "read"] as const satisfies readonly ApiKeyScope[];
export type { ApiKeyScope };

export type ApiKeyView = {
  id: string;
  name: string;
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function toApiKeyView(key: ApiKey): ApiKeyView {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.created_at.toISOString(),
    lastUsedAt: key.last_used_at?.toISOString() ?? null,
    revokedAt: key.revoked_at?.toISOString() ?? null,
  };
}

export const isApiKeyToken = (token: string) => token.startsWith("rk_");

/** Creates a key; the secret is returned once and only its SHA-256 is stored. */
export async function createApiKey(
  db: Kysely<Database>,
  actor: Actor,
  input: { name: string; scopes: ApiKeyScope[] },
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const scopes = [...new Set(input.scopes)].sort();
  if (scopes.length === 0) throw new AccessError("BAD_REQUEST", "scopes: choose ingest and/or read", "scopes");
  const prefix = randomBytes(6).toString("hex");
  const key = `rk_${prefix}_${randomBytes(32).toString("base64url")}`;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("api_keys")
      .values({ name: input.name.trim(), prefix, key_hash: hashToken(key), scopes, created_by: actor.id })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = toApiKeyView(row);
    await recordAudit(trx, actor, { action: "api_key.create", entityType: "api_key", entityId: row.id, after: view });
    return { key, apiKey: view };
  });
}

export async function revokeApiKey(db: Kysely<Database>, actor: Actor, id: string): Promise<ApiKeyView> {
  const revoked = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("api_keys").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw new AccessError("NOT_FOUND", `no API key ${id}`);
    if (before.revoked_at) return toApiKeyView(before);
    const after = await trx
      .updateTable("api_keys")
      .set({ revoked_at: new Date() })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: "api_key.revoke",
      entityType: "api_key",
      entityId: id,
      before: toApiKeyView(before),
      after: toApiKeyView(after),
    });
    return toApiKeyView(after);
  });
  authChanged();
  return revoked;
}

export async function listApiKeys(db: Kysely<Database>): Promise<ApiKeyView[]> {
  const rows = await db.selectFrom("api_keys").selectAll().orderBy("created_at", "desc").execute();
  return rows.map(toApiKeyView);
}

// Last use is recorded at most once a minute per key, so busy integrations do not write on every call.
const lastTouched = new Map<string, number>();

/** The API key that is not revoked with this hash (hashToken of the token), without recording its use. */
export async function findApiKey(db: Kysely<Database>, tokenHash: string): Promise<ApiKey | undefined> {
  return db
    .selectFrom("api_keys")
    .selectAll()
    .where("key_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
}

/** Records that the key was used (at most once a minute per key). */
export async function touchApiKey(db: Kysely<Database>, key: ApiKey, now = new Date()): Promise<void> {
  if (now.getTime() - (lastTouched.get(key.id) ?? 0) <= 60_000) return;
  lastTouched.set(key.id, now.getTime());
  await db.updateTable("api_keys").set({ last_used_at: now }).where("id", "=", key.id).execute();
}
