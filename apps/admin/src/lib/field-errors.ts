// The server's validation messages, placed next to the fields they are about.
// Zod rejections carry `data.details` ([{ field, message }]); domain errors
// name the field as the message's prefix ("department: is required for …").
import { errorCode, errorMessage } from "./trpc-errors";

export type FormErrors = { fields: Record<string, string>; general: string | null };

type Detail = { field: string; message: string };

function detailsOf(error: unknown): Detail[] {
  if (typeof error !== "object" || error === null || !("data" in error)) return [];
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null || !("details" in data) || !Array.isArray(data.details)) return [];
  return data.details.filter(
    (d: unknown): d is Detail =>
      typeof d === "object" && d !== null && "field" in d && "message" in d && typeof d.field === "string" && typeof d.message === "string",
  );
}

const COMPARISONS: Record<string, string> = {
  "<=": "at most",
  "<": "less than",
  ">=": "at least",
  ">": "more than",
  "exactly ": "exactly",
};
const UNITS: Record<string, { one: string; other: string }> = {
  characters: { one: "character", other: "characters" },
  items: { one: "item", other: "items" },
  entries: { one: "entry", other: "entries" },
  bytes: { one: "byte", other: "bytes" },
};
const TYPES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "yes or no",
  array: "a list",
  object: "an object",
};
const FORMATS: Record<string, string> = { "email address": "an email address", UUID: "a valid ID", URL: "a URL" };

/**
 * The validation library's wording ("Too big: expected string to have <=200 characters") as a
 * person would say it ("Must be at most 200 characters"). Messages the server words itself pass as they are.
 */
export function humanMessage(text: string): string {
  const message = text.trim();
  let match = /^Too (?:big|small): expected (\w+) to have (<=|<|>=|>|exactly )(\d+) (\w+)$/.exec(message);
  if (match) {
    const [, , comparison = "", amount = "", unit = ""] = match;
    const count = Number(amount);
    if (comparison === ">=" && count === 1) return "Must not be empty";
    const noun = UNITS[unit];
    const word = noun ? (count === 1 ? noun.one : noun.other) : unit;
    return `Must be ${COMPARISONS[comparison]} ${count.toLocaleString("en-US")} ${word}`.replace("Must be at most 0", "Must be empty");
  }
  match = /^Too (?:big|small): expected \w+ to be (<=|<|>=|>|exactly )(-?[\d.]+)$/.exec(message);
  if (match) return `Must be ${COMPARISONS[match[1] ?? ""]} ${Number(match[2]).toLocaleString("en-US")}`;
  match = /^Invalid input: expected (\w+), received (\w+)$/.exec(message);
  if (match) {
    const [, expected = "", received = ""] = match;
    if (received === "undefined" || received === "null") return "Is required";
    return `Must be ${TYPES[expected] ?? expected}`;
  }
  match = /^Invalid option: expected one of (.+)$/.exec(message);
  if (match) return `Must be one of ${(match[1] ?? "").split("|").map((v) => v.replace(/^"|"$/g, "")).join(", ")}`;
  match = /^Invalid input: expected (.+)$/.exec(message);
  if (match) return `Must be ${(match[1] ?? "").replace(/^"|"$/g, "")}`;
  match = /^Invalid number: must be a multiple of ([\d.]+)$/.exec(message);
  if (match) return `Must be a multiple of ${match[1]}`;
  if (/^Invalid string: must match pattern /.test(message)) return "Is not in the expected format";
  match = /^Invalid (email address|UUID|URL|ISO date|ISO datetime)$/.exec(message);
  if (match) return `Must be ${FORMATS[match[1] ?? ""] ?? `an ${match[1]}`}`;
  if (message === "Invalid input") return "Is not valid";
  return sentence(message);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** "department: is required" → ["department", "Is required"] when `department` is a field of the form. */
function splitPrefix(message: string, fields: readonly string[]): [string, string] | null {
  const match = /^([A-Za-z][\w.]*):\s*(.+)$/s.exec(message);
  if (!match?.[1] || !match[2] || !fields.includes(match[1])) return null;
  return [match[1], humanMessage(match[2])];
}

/**
 * Sorts an error into per-field messages and a general one. `fields` are the form's fields;
 * `submitted` those the request changed: a message naming no field (such as the last-admin
 * conflict) belongs to the only submitted field, if there was one.
 */
export function formErrors(error: unknown, fields: readonly string[], submitted: readonly string[] = []): FormErrors {
  if (!error) return { fields: {}, general: null };
  const result: FormErrors = { fields: {}, general: null };
  const details = detailsOf(error);
  if (details.length > 0) {
    for (const detail of details) {
      const field = detail.field.split(".")[0] ?? detail.field;
      const text = humanMessage(splitPrefix(detail.message, [detail.field])?.[1] ?? detail.message);
      if (fields.includes(field)) result.fields[field] ??= text;
      else result.general = result.general ? `${result.general} ${text}` : text;
    }
    return result;
  }
  const message = errorMessage(error);
  const prefixed = splitPrefix(message, fields);
  if (prefixed) {
    result.fields[prefixed[0]] = prefixed[1];
    return result;
  }
  const only = submitted.length === 1 ? submitted[0] : undefined;
  if (only && fields.includes(only) && errorCode(error) !== null) {
    result.fields[only] = humanMessage(message);
    return result;
  }
  result.general = humanMessage(message);
  return result;
}
