import type { FieldError } from "@retain/warehouse";

export type ImportKind = "customers" | "events";
export type ImportFormat = "csv" | "ndjson";

/** CSV columns are the SPEC §4 field names. */
export const csvColumns: Record<ImportKind, readonly string[]> = {
  customers: [
    "id",
    "name",
    "industry",
    "region",
    "ownership",
    "size",
    "tier",
    "accountManager",
    "referredBy",
    "createdAt",
  ],
  events: [
    "id",
    "source",
    "type",
    "customerId",
    "occurredAt",
    "amount",
    "department",
    "accountManager",
    "refId",
    "dueAt",
    "promisedAt",
    "severity",
    "channel",
    "campaignId",
    "scale",
    "score",
    "stage",
    "hours",
    "employee",
    "payload",
  ],
};

/** Fields that are JSON numbers in the API; amount and hours stay decimal strings (never floats). */
const NUMERIC_FIELDS = new Set(["scale", "score"]);
const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;

export class ImportFileError extends Error {
  override name = "ImportFileError";
}

/** What the file's name says it holds: "customer" in the name → customers; .csv / .ndjson / .jsonl. */
export function detectFile(path: string): { kind: ImportKind; format: ImportFormat } {
  const name = path.split(/[\\/]/).pop()?.toLowerCase() ?? "";
  const format = name.endsWith(".csv")
    ? "csv"
    : name.endsWith(".ndjson") || name.endsWith(".jsonl")
      ? "ndjson"
      : null;
  if (!format) throw new ImportFileError(`${name}: unknown file type; use .csv, .ndjson or .jsonl`);
  return { kind: name.includes("customer") ? "customers" : "events", format };
}

/** Refuses a header with unknown or repeated columns before any row is read. */
export function checkHeader(kind: ImportKind, header: string[]): string[] {
  const names = header.map((h) => h.trim());
  const known = new Set(csvColumns[kind]);
  const unknown = names.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new ImportFileError(
      `unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")} in the header; ${kind} columns are ${csvColumns[kind].join(",")}`,
    );
  }
  const repeated = names.find((n, i) => names.indexOf(n) !== i);
  if (repeated) throw new ImportFileError(`column "${repeated}" appears twice in the header`);
  if (!names.includes("id")) throw new ImportFileError(`the header has no "id" column`);
  return names;
}

/** One CSV record as the API input: empty cells are absent, scale/score numbers, payload parsed JSON. */
export function csvRecordToInput(
  record: Record<string, string>,
  defaults: { source?: string },
): { value: Record<string, unknown> } | { errors: FieldError[] } {
  const value: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [field, cell] of Object.entries(record)) {
    if (cell.trim() === "") continue;
    if (NUMERIC_FIELDS.has(field)) value[field] = NUMBER_TEXT.test(cell.trim()) ? Number(cell) : cell;
    else if (field === "payload") {
      try {
        value[field] = JSON.parse(cell);
      } catch {
        errors.push({ field, code: "invalid_json", message: "payload: is not valid JSON" });
      }
    } else value[field] = cell;
  }
  if (errors.length > 0) return { errors };
  return { value: withDefaultSource(value, defaults) };
}

export function withDefaultSource<T>(value: T, defaults: { source?: string }): T {
  if (
    defaults.source &&
    value &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !("source" in value)
  ) {
    return { ...value, source: defaults.source };
  }
  return value;
}
