import { z } from "zod";
import { text } from "@retain/validation";
import { apiKeyScopes, createApiKey, listApiKeys, listAudit, revokeApiKey } from "@retain/access";
import { actorOf } from "../context";
import { adminProcedure, router } from "../trpc";
import { apiKeyView, auditView } from "./shapes";

export const apiKeysRouter = router({
  list: adminProcedure
    .meta({ openapi: { method: "GET", path: "/api-keys", tags: ["api keys"], summary: "API keys (admin)" } })
    .input(z.void())
    .output(z.array(apiKeyView))
    .query(({ ctx }) => listApiKeys(ctx.db)),

  create: adminProcedure
    .meta({ openapi: { method: "POST", path: "/api-keys", tags: ["api keys"], summary: "Create an API key; the key is shown once (admin)" } })
    .input(z.object({ name: text().trim().min(1).max(100), scopes: z.array(z.enum(apiKeyScopes)).min(1, "choose ingest and/or read") }))
    .output(z.object({ key: z.string(), apiKey: apiKeyView }))
    .mutation(({ ctx, input }) => createApiKey(ctx.db, actorOf(ctx), input)),

  revoke: adminProcedure
    .meta({ openapi: { method: "POST", path: "/api-keys/{id}/revoke", tags: ["api keys"], summary: "Revoke an API key (admin)", errorResponses: [404] } })
    .input(z.object({ id: z.uuid() }))
    .output(apiKeyView)
    .mutation(({ ctx, input }) => revokeApiKey(ctx.db, actorOf(ctx), input.id)),
});

export const auditRouter = router({
  list: adminProcedure
    .meta({ openapi: { method: "GET", path: "/audit", tags: ["audit"], summary: "Browse the audit trail, newest first (admin)" } })
    .input(
      z.object({
        entityType: text().max(40).optional(),
        entityId: text().max(128).optional(),
        actor: text().max(254).optional(),
        action: text().max(60).optional(),
        from: z.iso.datetime({ offset: true }).optional(),
        to: z.iso.datetime({ offset: true }).optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
      }),
    )
    .output(z.object({ items: z.array(auditView), nextBefore: z.number().int().nullable() }))
    .query(({ ctx, input }) =>
      listAudit(ctx.db, {
        ...input,
        from: input.from ? new Date(input.from) : undefined,
        to: input.to ? new Date(input.to) : undefined,
      }),
    ),
});
