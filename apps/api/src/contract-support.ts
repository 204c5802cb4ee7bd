import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import type { OpenApiDocument } from "./http/openapi";

/*
 * Checks answers of the REST surface against its own OpenAPI document: the status is one the
 * operation declares, and the body has the documented schema for that status (JSON Schema
 * 2020-12, as OpenAPI 3.1 uses). Used by the contract test and by every integration test's
 * REST calls (rest-test-client.ts).
 */

type JsonSchema = Record<string, unknown>;
export type DocumentedOperation = {
  method: string;
  template: string;
  operationId: string;
  operation: Record<string, unknown> & { responses: Record<string, unknown>; security?: unknown[] };
};

const DOCUMENT_ID = "https://retain.invalid/api/v1/openapi.json";
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

const FORMATS: Record<string, RegExp | ((value: string) => boolean)> = {
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "date-time": (value) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(value) &&
    !Number.isNaN(Date.parse(value)),
  date: /^\d{4}-\d{2}-\d{2}$/,
};

export class DocumentChecker {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly operations: DocumentedOperation[];
  private readonly matchers: {
    method: string;
    regex: RegExp;
    params: number;
    operation: DocumentedOperation;
  }[];

  constructor(readonly document: OpenApiDocument) {
    for (const [name, format] of Object.entries(FORMATS)) this.ajv.addFormat(name, format);
    this.ajv.addSchema({ ...(document as unknown as JsonSchema), $id: DOCUMENT_ID });
    this.operations = Object.entries(document.paths).flatMap(([template, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        operationId: String(operation.operationId ?? `${method} ${template}`),
        operation: operation as DocumentedOperation["operation"],
      })),
    );
    this.matchers = this.operations.map((operation) => ({
      method: operation.method,
      regex: new RegExp(
        `^${operation.template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`,
      ),
      params: (operation.template.match(/\{/g) ?? []).length,
      operation,
    }));
  }

  /**
   * The documented operation answering `method path` (a literal path wins over a template); the
   * path is relative to the server URL (`/users/me`) or includes it (`/api/v1/users/me`).
   */
  operationFor(method: string, path: string): DocumentedOperation | undefined {
    const base = this.document.servers?.[0]?.url ?? "";
    const full = path.split("?")[0] ?? path;
    const bare = base && full.startsWith(`${base}/`) ? full.slice(base.length) : full;
    return this.matchers
      .filter((m) => m.method === method.toUpperCase() && m.regex.test(bare))
      .sort((a, b) => a.params - b.params)[0]?.operation;
  }

  /** Resolves a local `$ref` of the document. */
  resolve<T = unknown>(value: unknown): T {
    let current = value as { $ref?: string } | undefined;
    while (current && typeof current === "object" && typeof current.$ref === "string") {
      const parts = current.$ref
        .replace(/^#\//, "")
        .split("/")
        .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
      current = parts.reduce<unknown>(
        (node, key) => (node as Record<string, unknown> | undefined)?.[key],
        this.document,
      ) as { $ref?: string } | undefined;
    }
    return current as T;
  }

  /** The validator of the documented JSON body for `status` of an operation, or undefined if it has none. */
  private validatorFor(operation: DocumentedOperation, status: string): ValidateFunction | undefined {
    const key = `${operation.method} ${operation.template} ${status}`;
    const known = this.compiled.get(key);
    if (known) return known;
    const response = operation.operation.responses[status] as { $ref?: string } | undefined;
    if (!response) return undefined;
    const base = response.$ref
      ? `${DOCUMENT_ID}#/${response.$ref.replace(/^#\//, "")}`
      : `${DOCUMENT_ID}#/${pointer("paths", operation.template, operation.method.toLowerCase(), "responses", status)}`;
    const resolved = this.resolve<{ content?: Record<string, unknown> }>(response);
    if (!resolved?.content?.["application/json"]) return undefined;
    const validate = this.ajv.compile({
      $ref: `${base}/${pointer("content", "application/json", "schema")}`,
    });
    this.compiled.set(key, validate);
    return validate;
  }

  /** What is wrong with an answer, measured against the document; an empty list when nothing is. */
  problemsOf(method: string, path: string, status: number, body: unknown): string[] {
    const operation = this.operationFor(method, path);
    if (!operation) return [];
    const where = `${method} ${path.split("?")[0]} → ${status}`;
    if (!(String(status) in operation.operation.responses)) {
      return [
        `${where}: status not declared for ${operation.method} ${operation.template} (declared: ${Object.keys(operation.operation.responses).join(", ")})`,
      ];
    }
    const validate = this.validatorFor(operation, String(status));
    if (!validate) return [];
    if (validate(body)) return [];
    return (validate.errors ?? [])
      .slice(0, 5)
      .map((e) => `${where}: body${e.instancePath} ${e.message ?? "is invalid"} ${JSON.stringify(e.params)}`);
  }
}

const checkers = new Map<string, Promise<DocumentChecker>>();

/** The checker of the document a server serves, fetched once per server. */
export function checkerFor(baseUrl: string): Promise<DocumentChecker> {
  let checker = checkers.get(baseUrl);
  if (!checker) {
    checker = fetch(`${baseUrl}/api/v1/openapi.json`)
      .then((response) => response.json() as Promise<OpenApiDocument>)
      .then((document) => new DocumentChecker(document));
    checker.catch(() => checkers.delete(baseUrl));
    checkers.set(baseUrl, checker);
  }
  return checker;
}
