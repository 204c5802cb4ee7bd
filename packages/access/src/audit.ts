import type { Kysely } from "kysely";
import type { AuditRecord, Database } from "@retain/db";

/** Who did something: a signed-in user, an API key, or the system itself (start-up). */
export type Actor = { id: string | null; label: string; requestId?: string | null };

export const systemActor: Actor = { id: null, label: "system" };

export type AuditEntry = {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
};

/** One append-only record per configuration change; call it inside the change's transaction. */
export async function recordAudit(db: Kysely<Database>, actor: Actor, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: actor.id,
      actor: actor.label,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before ? JSON.stringify(entry.before) : null,
      after: entry.after ? JSON.stringify(entry.after) : null,
      request_id: actor.requestId ?? null,
    })
    .execute();
}

export type AuditQuery = {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Records with an id below this one (pages go back in time). */
  before?: number;
  limit: number;
};

export type AuditView = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
};

function toView(r: AuditRecord): AuditView {
  return {
    id: Number(r.id),
    at: r.at.toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    requestId: r.request_id,
  };
}

export async function listAudit(
  db: Kysely<Database>,
  query: AuditQuery,
): Promise<{ items: AuditView[]; nextBefore: number | null }> {
  let q = db.selectFrom("audit_log").selectAll();
  if (query.entityType) q = q.where("entity_type", "=", query.entityType);
  if (query.entityId) q = q.where("entity_id", "=", query.entityId);
  if (query.actor) q = q.where("actor", "ilike", `%${query.actor.replace(/[%_\\]/g, "\\$&")}%`);
  if (query.action) q = q.where("action", "=", query.action);
  if (query.from) q = q.where("at", ">=", query.from);
  if (query.to) q = q.where("at", "<", query.to);
  if (query.before !== undefined) q = q.where("id", "<", query.before);
  const rows = await q.orderBy("id", "desc").limit(query.limit + 1).execute();
  const items = rows.slice(0, query.limit).map(toView);
  const last = items.at(-1);
  return { items, nextBefore: rows.length > query.limit && last ? last.id : null };
}
