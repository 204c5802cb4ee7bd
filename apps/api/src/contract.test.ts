import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApiKey, createSession, createUser, findUserByEmail } from "@retain/access";
import { TEXT_PATTERN } from "@retain/validation";
import { startApp, type RunningApp } from "./app";
import { DocumentChecker, type DocumentedOperation } from "./contract-support";
import { openApiDocument } from "./http/openapi";
import { appRouter } from "./root";

/*
 * The REST contract, for every operation the OpenAPI document lists (new ones are covered as they
 * are added): a request valid by the document's schemas, and a bounded, seeded set of invalid ones
 * (wrong types, missing and extra fields, empty, huge, control-character, unpaired-surrogate, unicode
 * and generated strings, unknown ids, bodies that are not objects or not JSON, no token, a token
 * without the role). Every answer is < 500 and declared by the document for the operation; a 2xx
 * body has the documented schema; an error has the SPEC §4 shape and leaks no SQL, stack or path.
 */

type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
};
type Parameter = { in: "path" | "query"; name: string; required?: boolean; schema: JsonSchema };
type Request = {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** undefined: no body; `raw`: sent as it is with `contentType`. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  token?: string | null;
};
type Variant = { name: string; request: Request; injected?: string };

const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };
const VIEWER = { email: "contract.viewer@example.com", password: "viewer-password" };
const SEED = 20_260_105;

const built = openApiDocument(appRouter, "/api/v1");
const checker = new DocumentChecker(built);

/** Strings that break the text rule or stress it. */
const hostileStrings: [string, string][] = [
  ["empty", ""],
  ["NUL", "a\u0000b"],
  ["control characters", "\u0001\u0007\u001b[31m\u007f"],
  ["unpaired surrogate", "x\ud800y"],
  ["SQL", "sales' or 1=1--"],
  ["unicode", "Ångström 東京 👩🏽‍🚀 \u202eabc \u0301"],
  ["line breaks", "a\tb\nc\r\nd"],
];
const generatedStrings = fc.sample(fc.string({ unit: "binary", maxLength: 40 }), { seed: SEED, numRuns: 4 });

function parseOrText(text: string): unknown {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return text;
  }
}

const LEAKS = [
  /syntax error/i,
  /violates/i,
  /constraint "/i,
  /relation "/i,
  /column "/i,
  /duplicate key/i,
  /invalid byte sequence/i,
  /\n\s+at /,
  /\/work\/|node_modules|\.ts:\d+|\.js:\d+/,
  /pglite|postgres|kysely/i,
];

describe("the REST contract: every operation of the OpenAPI document", () => {
  let running: RunningApp;
  let url: string;
  let adminToken: string;
  let viewerToken: string;
  let readKey: string;
  /** Real values by field name, the first that fits the field's schema is used. */
  const known: Record<string, string[]> = {};
  /** Path parameters that name a resource, by the path's first segment. */
  const ids: Record<string, string> = {};
  const seen = new Map<string, Set<number>>();

  let adminId: string;
  const freshAdminToken = () => createSession(running.database.db, adminId);

  beforeAll(async () => {
    running = await startApp({
      port: 0,
      seed: "demo",
      demoScale: 0.02,
      adminEmail: ADMIN.email,
      adminPassword: ADMIN.password,
      ingestRatePerSecond: 100_000,
      logLevel: "silent",
      adminDist: "/nonexistent",
    });
    url = running.url;
    const { db } = running.database;
    adminId = (await findUserByEmail(db, ADMIN.email))!.id;
    adminToken = await freshAdminToken();
    const admin = { id: adminId, label: ADMIN.email };
    const viewer = await createUser(db, { ...VIEWER, name: "Contract Viewer", role: "viewer" }, admin);
    viewerToken = await createSession(db, viewer.id);
    // Resources the operations may change: a user of their own and an API key of their own.
    const target = await createUser(
      db,
      {
        email: "contract.target@example.com",
        name: "Contract Target",
        password: "target-password",
        role: "viewer",
      },
      admin,
    );
    const key = await createApiKey(db, admin, { name: "contract", scopes: ["read"] });
    ids.users = target.id;
    ids["api-keys"] = key.apiKey.id;
    readKey = (await createApiKey(db, admin, { name: "contract read", scopes: ["read"] })).key;

    const metrics = (await (
      await fetch(`${url}/api/v1/metrics`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json()) as {
      key: string;
    }[];
    const customer = (await db.selectFrom("customers").select("id").limit(1).executeTakeFirst()) ?? {
      id: "c-none",
    };
    const manager = await db
      .selectFrom("users")
      .select("email")
      .where("role", "=", "account_manager")
      .limit(1)
      .executeTakeFirst();
    Object.assign(known, {
      key: [metrics[0]?.key ?? "revenue"],
      metric: [metrics[0]?.key ?? "revenue"],
      department: ["sales"],
      customer: [customer.id],
      customerId: [customer.id],
      accountManager: [manager?.email ?? ADMIN.email],
      // Days for metric series, months for goal periods.
      from: ["2025-01-01", "2025-01"],
      to: ["2025-03-31", "2025-03"],
      period: ["2026-Q1"],
      timeZone: ["UTC"],
      locale: ["en-GB"],
      occurredAt: [new Date().toISOString()],
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it("serves the document it is built from", async () => {
    const served = await (await fetch(`${url}/api/v1/openapi.json`)).json();
    expect(served).toEqual(JSON.parse(JSON.stringify(built)));
  });

  it("passes the Redocly linter (recommended rules) without an error or a warning", async () => {
    const config = await createConfig({
      extends: ["recommended"],
      // /health and /auth/session answer no client error; that is their contract.
      rules: { "operation-4xx-response": "off" },
    });
    const problems = await lintFromString({
      source: JSON.stringify(built),
      absoluteRef: "openapi.json",
      config,
    });
    expect(
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location[0]?.pointer ?? "?"}`),
    ).toEqual([]);
  });

  it("documents the text rule on every free string an operation takes (body, query, path, batch items)", () => {
    const unruled: string[] = [];
    const visit = (node: unknown, where: string, seen: Set<unknown>) => {
      const schema = checker.resolve<JsonSchema | undefined>(node);
      if (!schema || typeof schema !== "object" || seen.has(schema)) return;
      seen.add(schema);
      const free = typesOf(schema).includes("string") && !("const" in schema) && !Array.isArray(schema.enum);
      const formatted = typeof schema.format === "string";
      if (
        free &&
        !formatted &&
        !patternsOf(schema).some((p) => p.source === TEXT_PATTERN.source) &&
        !schema.anyOf &&
        !schema.oneOf
      ) {
        unruled.push(where);
      }
      for (const [key, value] of Object.entries(schema.properties ?? {}))
        visit(value, `${where}.${key}`, seen);
      if (schema.items) visit(schema.items, `${where}[]`, seen);
      if (schema.additionalProperties && typeof schema.additionalProperties === "object")
        visit(schema.additionalProperties, `${where}.*`, seen);
      for (const key of ["anyOf", "oneOf", "allOf"] as const) {
        for (const [i, option] of ((schema[key] as unknown[] | undefined) ?? []).entries())
          visit(option, `${where}/${key}${i}`, seen);
      }
    };
    for (const operation of checker.operations) {
      const name = `${operation.method} ${operation.template}`;
      for (const parameter of parametersOf(operation))
        visit(parameter.schema, `${name} ${parameter.in} ${parameter.name}`, new Set());
      const body = bodySchemaOf(operation);
      if (body) visit(body, `${name} body`, new Set());
    }
    expect(unruled).toEqual([]);
  });

  it("holds answers to the document (an undeclared status or a wrong body is caught)", () => {
    expect(checker.problemsOf("GET", "/api/v1/health", 200, { status: "ok" })).toEqual([]);
    expect(checker.problemsOf("GET", "/api/v1/health", 200, { status: "fine" })).not.toEqual([]);
    expect(checker.problemsOf("GET", "/api/v1/health", 418, null)).not.toEqual([]);
    expect(
      checker.problemsOf("GET", "/api/v1/users/me", 401, { message: "no", code: "UNAUTHORIZED" }),
    ).not.toEqual([]);
  });

  it.each(checker.operations.map((o) => [`${o.method} ${o.template}`, o] as const))(
    "%s",
    async (_name, operation) => {
      const variants = variantsOf(operation, await listedIdFor(operation));
      const failures: string[] = [];
      for (const variant of variants) {
        const answer = await send(operation, variant.request);
        const label = `${variant.name} → ${answer.status}`;
        const statuses = seen.get(operation.template + operation.method) ?? new Set();
        statuses.add(answer.status);
        seen.set(operation.template + operation.method, statuses);
        if (answer.status >= 500) failures.push(`${label}: server error ${answer.text.slice(0, 200)}`);
        failures.push(
          ...checker
            .problemsOf(operation.method, answer.path, answer.status, answer.body)
            .map((p) => `${label}: ${p}`),
        );
        if (answer.status >= 400) {
          const body = answer.body as { error?: { code?: unknown; message?: unknown } } | null;
          if (typeof body?.error?.code !== "string" || typeof body.error.message !== "string") {
            failures.push(`${label}: not the error shape: ${answer.text.slice(0, 200)}`);
          }
          const scrubbed = variant.injected
            ? answer.text.split(JSON.stringify(variant.injected).slice(1, -1)).join("")
            : answer.text;
          for (const leak of LEAKS)
            if (leak.test(scrubbed)) failures.push(`${label}: leaks ${leak}: ${answer.text.slice(0, 300)}`);
        }
        if (
          variant.name === "valid" &&
          ![...successStatuses(operation), ...domainStatuses(operation)].includes(answer.status)
        ) {
          failures.push(`${label}: a request valid by the document is refused: ${answer.text.slice(0, 300)}`);
        }
        if (variant.name === "no token" && answer.status !== 401) failures.push(`${label}: expected 401`);
      }
      expect(failures).toEqual([]);
    },
  );

  it("reaches the domain on every operation: a success, or a conflict with the data", () => {
    const neverSucceeded = checker.operations
      .filter(
        (o) => ![...(seen.get(o.template + o.method) ?? [])].some((s) => (s >= 200 && s < 300) || s === 409),
      )
      .map((o) => `${o.method} ${o.template}`);
    expect(neverSucceeded).toEqual([]);
  });

  // ---- requests ------------------------------------------------------------------------------

  /** The documented success status: 200, or 201 for an operation that creates. */
  function successStatuses(operation: DocumentedOperation): number[] {
    return Object.keys(operation.operation.responses)
      .map(Number)
      .filter((s) => s >= 200 && s < 300);
  }

  function domainStatuses(operation: DocumentedOperation): number[] {
    // A valid request may still meet the data: an unknown resource or a conflict, never a 400.
    return Object.keys(operation.operation.responses)
      .map(Number)
      .filter((s) => s === 404 || s === 409);
  }

  function isPublic(operation: DocumentedOperation): boolean {
    return Array.isArray(operation.operation.security) && operation.operation.security.length === 0;
  }

  async function send(operation: DocumentedOperation, request: Request) {
    let path = operation.template;
    for (const [name, value] of Object.entries(request.path))
      path = path.replace(`{${name}}`, pathSegment(String(value)));
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query)) {
      if (value !== undefined) query.append(name, typeof value === "string" ? value : JSON.stringify(value));
    }
    const search = query.size > 0 ? `?${query.toString()}` : "";
    const token =
      request.token === null
        ? undefined
        : (request.token ?? (operation.template === "/auth/logout" ? await freshAdminToken() : adminToken));
    const hasBody = request.raw !== undefined || request.body !== undefined;
    const response = await fetch(`${url}/api/v1${path}${search}`, {
      method: operation.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(hasBody ? { "content-type": request.contentType ?? "application/json" } : {}),
      },
      body: request.raw ?? (request.body !== undefined ? JSON.stringify(request.body) : undefined),
    });
    const text = await response.text();
    return { status: response.status, text, body: parseOrText(text), path: `${path}${search}` };
  }

  /** A path segment; an unpaired surrogate (which has no UTF-8 form) goes as its CESU-8 bytes. */
  function pathSegment(value: string): string {
    try {
      return encodeURIComponent(value);
    } catch {
      return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/gu, "")).concat("%ED%A0%80");
    }
  }

  function parametersOf(operation: DocumentedOperation): Parameter[] {
    return ((operation.operation.parameters as unknown[] | undefined) ?? []).map((p) =>
      checker.resolve<Parameter>(p),
    );
  }

  function bodySchemaOf(operation: DocumentedOperation): JsonSchema | undefined {
    const body = checker.resolve<{ content?: Record<string, { schema: JsonSchema }> } | undefined>(
      operation.operation.requestBody,
    );
    return body?.content?.["application/json"]?.schema;
  }

  /**
   * A real id for an operation on `/{resource}/{id}…`: the one made for the test, or the first one
   * `GET /{resource}` lists now (earlier operations may have deleted others).
   */
  async function listedIdFor(operation: DocumentedOperation): Promise<string | undefined> {
    if (!operation.template.includes("{id}")) return undefined;
    const resource = operation.template.split("/")[1] ?? "";
    if (ids[resource]) return ids[resource];
    const response = await fetch(`${url}/api/v1/${resource}`, {
      headers: { authorization: `Bearer ${adminToken}` },
    });
    if (!response.ok) return undefined;
    const listed = (await response.json()) as unknown;
    const items = Array.isArray(listed)
      ? listed
      : (Object.values((listed ?? {}) as Record<string, unknown>).find(Array.isArray) as
          unknown[] | undefined);
    const id = (items?.[0] as { id?: unknown } | undefined)?.id;
    return id === undefined ? undefined : String(id);
  }

  function validRequest(operation: DocumentedOperation, full: boolean, id: string | undefined): Request {
    const request: Request = { path: {}, query: {} };
    for (const parameter of parametersOf(operation)) {
      if (parameter.in === "path") {
        request.path[parameter.name] =
          parameter.name === "id" && id !== undefined ? id : generate(parameter.schema, parameter.name, full);
      } else if (parameter.required || full) {
        request.query[parameter.name] = generate(parameter.schema, parameter.name, full);
      }
    }
    const schema = bodySchemaOf(operation);
    if (schema)
      request.body = operation.template === "/auth/login" ? { ...ADMIN } : generate(schema, "(body)", full);
    return request;
  }

  function variantsOf(operation: DocumentedOperation, id: string | undefined): Variant[] {
    const valid = validRequest(operation, false, id);
    const variants: Variant[] = [
      { name: "valid", request: valid },
      { name: "valid with every optional field", request: validRequest(operation, true, id) },
    ];
    if (!isPublic(operation)) {
      variants.push({ name: "no token", request: { ...valid, token: null } });
      variants.push({ name: "a viewer's token", request: { ...valid, token: viewerToken } });
      variants.push({ name: "an unknown token", request: { ...valid, token: `rs_${"x".repeat(43)}` } });
      variants.push({ name: "a read-only API key", request: { ...valid, token: readKey } });
    }
    variants.push({
      name: "an extra query parameter",
      request: { ...valid, query: { ...valid.query, unexpected: "x\u0000" } },
    });
    for (const parameter of parametersOf(operation)) {
      const place = parameter.in;
      const set = (value: unknown) => ({ ...valid, [place]: { ...valid[place], [parameter.name]: value } });
      if (parameter.in === "query" && parameter.required) {
        const { [parameter.name]: _dropped, ...rest } = valid.query;
        variants.push({ name: `query ${parameter.name} missing`, request: { ...valid, query: rest } });
      }
      if (parameter.in === "path") {
        variants.push({ name: `path ${parameter.name} unknown`, request: set(randomUUID()) });
        variants.push({ name: `path ${parameter.name} not an id`, request: set("does-not-exist") });
      }
      for (const [name, value] of [
        ...hostileStrings,
        ...generatedStrings.map((s, i) => [`generated ${i}`, s] as [string, string]),
      ]) {
        if (parameter.in === "path" && value === "") continue; // an empty segment is another route
        variants.push({ name: `${place} ${parameter.name} ${name}`, request: set(value), injected: value });
      }
      variants.push({
        name: `${place} ${parameter.name} huge`,
        request: set("x".repeat(parameter.in === "path" ? 4_000 : 6_000)),
      });
      if (typesOf(parameter.schema).includes("string"))
        variants.push({ name: `${place} ${parameter.name} a number`, request: set(12345) });
      else variants.push({ name: `${place} ${parameter.name} a word`, request: set("not-a-number") });
    }
    const schema = bodySchemaOf(operation);
    if (schema && typeof valid.body === "object" && valid.body !== null) {
      const body = valid.body as Record<string, unknown>;
      const withField = (name: string, value: unknown) => ({ ...valid, body: { ...body, [name]: value } });
      variants.push({ name: "body null", request: { ...valid, body: undefined, raw: "null" } });
      variants.push({ name: "body an array", request: { ...valid, body: [body] } });
      variants.push({ name: "body a string", request: { ...valid, body: "text" } });
      variants.push({ name: "body empty object", request: { ...valid, body: {} } });
      variants.push({ name: "body not JSON", request: { ...valid, body: undefined, raw: "{not json" } });
      variants.push({ name: "body empty", request: { ...valid, body: undefined, raw: "" } });
      variants.push({
        name: "body as text/xml",
        request: { ...valid, body: undefined, raw: "<x/>", contentType: "text/xml" },
      });
      variants.push({
        name: "body as text/plain",
        request: { ...valid, body: undefined, raw: JSON.stringify(body), contentType: "text/plain" },
      });
      variants.push({ name: "an extra field", request: withField("unexpectedField", "x") });
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(name)) {
          const { [name]: _dropped, ...rest } = body;
          variants.push({ name: `body ${name} missing`, request: { ...valid, body: rest } });
        }
        variants.push({ name: `body ${name} null`, request: withField(name, null) });
        variants.push({ name: `body ${name} an object`, request: withField(name, { nested: true }) });
        variants.push({ name: `body ${name} a number`, request: withField(name, 12345) });
        variants.push({ name: `body ${name} a boolean`, request: withField(name, true) });
        const items = property.items ? (checker.resolve<JsonSchema>(property.items) ?? {}) : undefined;
        // An optional list the valid body leaves out has no item to vary.
        if (items && Array.isArray(body[name]) && (body[name] as unknown[]).length > 0) {
          // Batches: the strings of one item made hostile; the rest of the item stays valid.
          const item = (body[name] as unknown[])[0] as Record<string, unknown>;
          variants.push({
            name: `body ${name} with a bare value`,
            request: withField(name, [item, 7, "x", null]),
          });
          for (const field of Object.keys(item)) {
            for (const [label, value] of hostileStrings) {
              variants.push({
                name: `body ${name}[1].${field} ${label}`,
                request: withField(name, [item, { ...item, [field]: value }]),
                injected: value,
              });
            }
          }
          variants.push({
            name: `body ${name} a payload with NUL`,
            request: withField(name, [{ ...item, payload: { "k\u0000": "v", note: "a\u0000b" } }]),
          });
          continue;
        }
        for (const [label, value] of [
          ...hostileStrings,
          ...generatedStrings.map((s, i) => [`generated ${i}`, s] as [string, string]),
        ]) {
          variants.push({ name: `body ${name} ${label}`, request: withField(name, value), injected: value });
        }
        variants.push({ name: `body ${name} huge`, request: withField(name, "x".repeat(100_000)) });
      }
    }
    return variants;
  }

  // ---- values from schemas ---------------------------------------------------------------------

  function typesOf(schema: JsonSchema): string[] {
    const resolved = checker.resolve<JsonSchema>(schema);
    if (Array.isArray(resolved.type)) return resolved.type;
    if (typeof resolved.type === "string") return [resolved.type];
    const options = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
    return options ? options.flatMap(typesOf) : [];
  }

  function patternsOf(schema: JsonSchema): RegExp[] {
    const own = typeof schema.pattern === "string" ? [new RegExp(schema.pattern, "u")] : [];
    const all = ((schema.allOf as JsonSchema[] | undefined) ?? []).flatMap(patternsOf);
    return [...own, ...all];
  }

  let counter = 0;
  /** A value the schema accepts: required properties only, or every property when `full`. */
  function generate(input: JsonSchema, name: string, full: boolean): unknown {
    const schema = checker.resolve<JsonSchema>(input);
    // A documented example is the way to show a rule a schema cannot express (a real period, a zone…).
    const example = Array.isArray(schema.examples) ? schema.examples[0] : schema.example;
    if (example !== undefined) return example;
    const real = typesOf(schema).includes("string")
      ? known[name]?.find((value) => fitsString(schema, value))
      : undefined;
    if (real !== undefined) return real;
    if ("const" in schema) return schema.const;
    if (Array.isArray(schema.enum)) return schema.enum[0];
    const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[] | undefined;
    if (options) {
      const usable = options.filter((o) => !typesOf(o).every((t) => t === "null"));
      return generate(usable[0] ?? options[0] ?? {}, name, full);
    }
    const type = typesOf(schema).find((t) => t !== "null") ?? "string";
    counter += 1;
    switch (type) {
      case "object": {
        const out: Record<string, unknown> = {};
        for (const [key, property] of Object.entries(schema.properties ?? {})) {
          if (full || schema.required?.includes(key)) out[key] = generate(property, key, full);
        }
        return out;
      }
      case "array": {
        const count = Math.max(1, Number(schema.minItems ?? 1));
        return Array.from({ length: count }, () => generate(schema.items ?? {}, name, full));
      }
      case "integer":
      case "number": {
        const min = Number(
          schema.minimum ?? (schema.exclusiveMinimum !== undefined ? Number(schema.exclusiveMinimum) + 1 : 1),
        );
        const max = Number(schema.maximum ?? min + 100);
        return Math.min(max, min + (counter % 7));
      }
      case "boolean":
        return true;
      default:
        return generateString(schema);
    }
  }

  function fitsString(schema: JsonSchema, value: string): boolean {
    const min = Number(schema.minLength ?? 0);
    const max = Number(schema.maxLength ?? Number.POSITIVE_INFINITY);
    return value.length >= min && value.length <= max && patternsOf(schema).every((p) => p.test(value));
  }

  function generateString(schema: JsonSchema): string {
    if (schema.format === "email") return `contract.${counter}.${Date.now()}@example.com`;
    if (schema.format === "uuid") return randomUUID();
    if (schema.format === "date-time") return new Date().toISOString();
    if (schema.format === "date") return "2025-01-15";
    const min = Number(schema.minLength ?? 1);
    const max = Number(schema.maxLength ?? 64);
    const patterns = patternsOf(schema);
    const fits = (s: string) => s.length >= min && s.length <= max && patterns.every((p) => p.test(s));
    const plain = `v${counter}`.padEnd(Math.max(min, 8), "x").slice(0, max);
    if (fits(plain)) return plain;
    const specific = patterns.find((p) => !p.test(plain)) ?? patterns[0];
    if (specific) {
      const samples = fc.sample(fc.stringMatching(specific), { seed: SEED + counter, numRuns: 200 });
      const found = samples.find(fits);
      if (found !== undefined) return found;
    }
    throw new Error(`no string generated for ${JSON.stringify(schema)}`);
  }
});
