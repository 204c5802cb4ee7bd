import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { generateOpenApiDocument, type OpenApiRouter } from "trpc-to-openapi";
import { z } from "zod";
import type { Meta } from "../trpc";

/*
 * The OpenAPI document of the REST surface, built from the procedures themselves: request and
 * response schemas are their zod schemas (trpc-to-openapi), and every status an operation can answer
 * is declared with the error shape actually served (SPEC §4, errors.ts):
 * - generic statuses follow from the procedure: 400 when it takes input or a body, 401/403 unless it
 *   is public, 403 for a cross-site state change, 413/415 for a request body, 429 when rate-limited,
 *   500 always;
 * - domain statuses (404, 409, …) come from `meta.openapi.errorResponses`.
 */

type JsonSchema = Record<string, unknown>;
type ResponseObject = { description: string; content?: Record<string, { schema: JsonSchema }> };
type Operation = {
  operationId?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, ResponseObject | { $ref: string }>;
  [key: string]: unknown;
};
export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas?: Record<string, JsonSchema>;
    responses?: Record<string, unknown>;
    [key: string]: unknown;
  };
  tags?: { name: string; description?: string }[];
};

export const BODY_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** Item schemas documented for batches that are validated item by item (see `documentedBatch`). */
const itemSchemas = new Map<string, JsonSchema>();

/**
 * An array documented with the schema of its items and a size cap, while it accepts any items: the
 * procedure validates each one on its own, so one bad item is rejected with its reason and never
 * fails the batch, and a batch over the cap answers 413, not 400.
 */
export function documentedBatch(name: string, item: z.ZodType, maxItems: number, description: string) {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(item, {
    io: "input",
    unrepresentable: "any",
  }) as JsonSchema;
  itemSchemas.set(name, schema);
  return z.array(z.unknown()).meta({
    description,
    override: { items: { $ref: `#/components/schemas/${name}` }, maxItems },
  });
}

const errorSchema: JsonSchema = {
  type: "object",
  description:
    "Every error: a stable code, a message safe to show, and for invalid input the fields at fault.",
  required: ["error"],
  additionalProperties: false,
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: {
          type: "string",
          examples: ["BAD_REQUEST"],
          description:
            "BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS or INTERNAL_SERVER_ERROR",
        },
        message: { type: "string", examples: ["invalid input: name: must not contain control characters"] },
        details: {
          type: "array",
          description: "The fields at fault and the rule each breaks.",
          items: {
            type: "object",
            required: ["field", "message"],
            properties: { field: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};

/** The error responses, by status, each with the error shape served. */
const errorResponses: Record<number, { name: string; description: string }> = {
  400: {
    name: "BadRequest",
    description: "Invalid input: `details` names each field and the rule it breaks",
  },
  401: { name: "Unauthorized", description: "No valid token (or, signing in, wrong credentials)" },
  403: {
    name: "Forbidden",
    description: "The caller lacks the role or scope, or a browser sent a cross-site state change",
  },
  404: { name: "NotFound", description: "The resource, or a value a filter names, does not exist" },
  409: { name: "Conflict", description: "The change conflicts with stored data" },
  413: { name: "PayloadTooLarge", description: "The request body (or batch) is too large" },
  415: { name: "UnsupportedMediaType", description: "The request body is not application/json" },
  429: { name: "TooManyRequests", description: "Too many requests; retry later" },
  500: {
    name: "InternalServerError",
    description: "An internal error; the message names the request id to report",
  },
};

const tagDescriptions: Record<string, string> = {
  system: "Health of the server",
  auth: "Signing in and out",
  users: "Users, their roles and departments (SPEC §7)",
  settings: "Organisation settings: time zone, churn days, complaint SLA, currency, locale",
  departments: "The departments",
  metrics: "The metric catalog and metric series (SPEC §5)",
  ingest: "Pushing customers and events (SPEC §4): each item is validated on its own",
  "api keys": "API keys for integrating systems",
  audit: "The audit trail of configuration changes",
  goals: "Goals, scorecards and the bill of rights (SPEC §6)",
};

type ProcedureFacts = { meta: Meta; method: string; takesInput: boolean };

/** Every REST procedure by `METHOD path`, with what decides its statuses. */
function restProcedures(router: AnyRouter): Map<string, ProcedureFacts> {
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  const facts = new Map<string, ProcedureFacts>();
  for (const procedure of Object.values(procedures)) {
    const meta = procedure._def.meta as Meta | undefined;
    const openapi = meta?.openapi;
    if (!meta || !openapi || openapi.enabled === false) continue;
    const inputs = (procedure._def as { inputs?: unknown[] }).inputs ?? [];
    const takesInput = !(inputs.length === 0 || inputs[0] instanceof z.ZodVoid);
    facts.set(`${openapi.method} ${openapi.path}`, { meta, method: openapi.method, takesInput });
  }
  return facts;
}

/** The statuses other than 200 an operation can answer. */
export function errorStatusesOf(facts: ProcedureFacts): number[] {
  const statuses = new Set<number>([500]);
  const body = BODY_METHODS.has(facts.method);
  if (facts.takesInput || body) statuses.add(400);
  if (facts.meta.access !== "public") {
    statuses.add(401);
    statuses.add(403);
  }
  if (body) {
    statuses.add(403);
    statuses.add(413);
    statuses.add(415);
  }
  if (facts.meta.rateLimited) statuses.add(429);
  const domain = facts.meta.openapi?.errorResponses;
  for (const status of Array.isArray(domain) ? domain : Object.keys(domain ?? {}).map(Number))
    statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

/**
 * zod renders a record over an enum (`z.record(z.enum([...]), value)`) as `required` keys with no
 * `properties`; spell those keys out as properties of the record's value schema, which says the same.
 */
function nameRequiredRecordKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) nameRequiredRecordKeys(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const schema = node as JsonSchema;
  const required = schema.required;
  const values = schema.additionalProperties;
  if (Array.isArray(required) && !schema.properties && values && typeof values === "object") {
    schema.properties = Object.fromEntries(required.map((key) => [String(key), values]));
  }
  for (const value of Object.values(schema)) nameRequiredRecordKeys(value);
}

export function openApiDocument(router: OpenApiRouter, baseUrl: string): OpenApiDocument {
  const document = generateOpenApiDocument(router, {
    title: "Retain API",
    description:
      "Customer-retention KPI warehouse: ingest customers and events, read metrics (SPEC §4). " +
      "Authenticate with `Authorization: Bearer <token>` from `POST /auth/login` or an API key made by an admin. " +
      'Errors are `{"error":{"code","message","details"?}}`. ' +
      "Every string may hold any printable Unicode, tab and line breaks; other control characters (U+0000–U+001F, U+007F) " +
      "and unpaired surrogates are refused with 400 naming the field (in an ingest batch, the item is rejected with its reason).",
    version: "1.0.0",
    baseUrl,
    license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "A session token or an API key" },
    },
  }) as unknown as OpenApiDocument;

  document.servers = [{ url: baseUrl, description: "This server" }];
  const facts = restProcedures(router as unknown as AnyRouter);
  const used = new Set<number>();
  const tags = new Set<string>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      const procedure = facts.get(`${method.toUpperCase()} ${path}`);
      if (!procedure) throw new Error(`no procedure behind ${method.toUpperCase()} ${path}`);
      operation.security = procedure.meta.access === "public" ? [] : [{ bearer: [] }];
      const success = operation.responses["200"];
      const responses: Operation["responses"] = success
        ? { [procedure.meta.created ? 201 : 200]: success }
        : {};
      for (const status of errorStatusesOf(procedure)) {
        const known = errorResponses[status];
        if (!known)
          throw new Error(`${method.toUpperCase()} ${path}: no error response for status ${status}`);
        responses[status] = { $ref: `#/components/responses/${known.name}` };
        used.add(status);
      }
      operation.responses = responses;
      for (const tag of operation.tags ?? []) tags.add(tag);
    }
  }

  // The generator's own error schemas (`error.CODE`) describe a shape this server does not serve.
  const schemas = Object.entries(document.components.schemas ?? {}).filter(
    ([name]) => !name.startsWith("error."),
  );
  document.components.schemas = {
    ...Object.fromEntries(schemas),
    Error: errorSchema,
    ...Object.fromEntries(itemSchemas),
  };
  document.components.responses = Object.fromEntries(
    [...used]
      .sort((a, b) => a - b)
      .map((status) => {
        const { name, description } = errorResponses[status] as { name: string; description: string };
        return [
          name,
          {
            description,
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
        ];
      }),
  );
  nameRequiredRecordKeys(document.paths);
  document.tags = [...tags]
    .sort()
    .map((name) => ({ name, description: tagDescriptions[name] ?? `Operations on ${name}` }));
  return document;
}
