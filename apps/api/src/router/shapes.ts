import { z } from "zod";
import { roles } from "@retain/access";

export const publicUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  department: z.string().nullable(),
  level: z.enum(["senior", "intermediate", "junior"]).nullable(),
  active: z.boolean(),
});

export const fieldError = z.object({ field: z.string(), code: z.string(), message: z.string() });
export const rejection = z.object({ index: z.number().int(), id: z.string().nullable(), errors: z.array(fieldError) });

export const auditView = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  requestId: z.string().nullable(),
});

export const apiKeyView = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(["ingest", "read"])),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
