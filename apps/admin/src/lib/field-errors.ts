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

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

/** "department: is required" → ["department", "Is required"] when `department` is a field of the form. */
function splitPrefix(message: string, fields: readonly string[]): [string, string] | null {
  const match = /^([A-Za-z][\w.]*):\s*(.+)$/s.exec(message);
  if (!match?.[1] || !match[2] || !fields.includes(match[1])) return null;
  return [match[1], sentence(match[2])];
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
      const text = splitPrefix(detail.message, [detail.field])?.[1] ?? sentence(detail.message);
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
    result.fields[only] = sentence(message);
    return result;
  }
  result.general = sentence(message);
  return result;
}
