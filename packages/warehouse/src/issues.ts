import type { z } from "zod";
import type { FieldError } from "./inputs";

/** The item's `id` when it has a text one, for a rejection to name it. */
export function idOf(raw: unknown): string | null {
  if (raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string") return raw.id;
  return null;
}

/** The value at `path` inside `input`, or undefined when the path leads nowhere. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const TYPE_NAMES: Record<string, string> = { record: "an object", object: "an object", int: "a whole number", array: "an array" };
const typeName = (expected: string) => TYPE_NAMES[expected] ?? `a ${expected}`;

/** The schema's own wording of the rule, or null where zod's default ("Invalid input: …") stands. */
const schemaRule = (issue: z.core.$ZodIssue) => (issue.message.startsWith("Invalid input") ? null : issue.message);

/**
 * Field-level errors of zod issues for the item `input` they were found in. A field that is
 * absent (or null, which counts as absent) is `required`; one of the wrong type says which type
 * it must be, so `{"id": 123}` is not reported as a missing id.
 */
export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[], input: unknown): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(item)";
    if (issue.code === "unrecognized_keys") {
      return {
        field: issue.keys.join(", "),
        code: "unknown_field",
        message: `${issue.keys.join(", ")}: not a field of this type`,
      };
    }
    const value = valueAt(input, issue.path);
    if (issue.code === "invalid_union" && issue.path.length > 0 && (value === undefined || value === null)) {
      const rule = schemaRule(issue);
      return { field, code: "required", message: `${field}: is required${rule ? ` and ${rule}` : ""}` };
    }
    if (issue.code === "invalid_type") {
      if (value === undefined || value === null) return { field, code: "required", message: `${field}: is required` };
      return { field, code: "invalid_type", message: `${field}: ${schemaRule(issue) ?? `must be ${typeName(issue.expected)}`}` };
    }
    return { field, code: issue.code, message: `${field}: ${issue.message}` };
  });
}
