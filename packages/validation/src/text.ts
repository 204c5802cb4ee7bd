import { z } from "zod";

/*
 * What a string the API takes may hold, decided once for every body, query and path field and for
 * the values of ingested items (SPEC §4):
 * - any printable Unicode, tab, line feed and carriage return;
 * - no other C0 control character (U+0000–U+001F) and no DEL (U+007F): PostgreSQL `text` and
 *   `jsonb` cannot hold U+0000 at all, and the others are never part of a name, key or address;
 * - no unpaired surrogate (U+D800–U+DFFF on its own): it is not Unicode text, and the database
 *   driver would silently store U+FFFD in its place.
 * A string that breaks the rule is refused with 400 naming the field (or, inside an ingest batch,
 * that one item is rejected with its reason); it is never stripped or changed.
 */

/** The characters refused anywhere in a string (tab, LF and CR are allowed). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
export const CONTROL_CHARACTER_MESSAGE = "must not contain control characters";
export const UNPAIRED_SURROGATE_MESSAGE = "must be valid Unicode (no unpaired surrogates)";

/** In Unicode mode a surrogate code unit matches only when it is not part of a pair. */
const UNPAIRED_SURROGATE = /[\uD800-\uDFFF]/u;

/** Documented as the JSON Schema `pattern` of every text field (tab, LF and CR allowed). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
export const TEXT_PATTERN = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

/** The rule a string breaks, or null when it may be stored as it is. */
export function textProblem(value: string): string | null {
  if (CONTROL_CHARACTER.test(value)) return CONTROL_CHARACTER_MESSAGE;
  if (UNPAIRED_SURROGATE.test(value)) return UNPAIRED_SURROGATE_MESSAGE;
  return null;
}

/**
 * A text field: `z.string()` with the rule above. Chain the field's own rules after it, e.g.
 * `text().trim().min(1).max(200)`.
 */
export function text(): z.ZodString {
  return z
    .string()
    .regex(TEXT_PATTERN, CONTROL_CHARACTER_MESSAGE)
    .refine((value) => !UNPAIRED_SURROGATE.test(value), UNPAIRED_SURROGATE_MESSAGE);
}

export type JsonTextProblem = { path: (string | number)[]; message: string };

/**
 * The first string in a JSON value (object keys included) that breaks the rule, with its path;
 * null when every string may be stored (free-form data such as an event's `payload`). It walks the
 * value once without allocating, as it runs on every ingested payload.
 */
export function jsonTextProblem(value: unknown): JsonTextProblem | null {
  const path: (string | number)[] = [];
  const found = walk(value, path);
  return found ? { path, message: found } : null;
}

function walk(value: unknown, path: (string | number)[]): string | null {
  if (typeof value === "string") return textProblem(value);
  if (value === null || typeof value !== "object") return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const found = walk(value[i], path);
      if (found) return found;
      path.pop();
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    path.push(key);
    const keyProblem = textProblem(key);
    if (keyProblem) return `has a key that ${keyProblem}`;
    const found = walk((value as Record<string, unknown>)[key], path);
    if (found) return found;
    path.pop();
  }
  return null;
}

/** A JSON object whose every key and string value follows the text rule (e.g. an event payload). */
export function jsonObject() {
  return z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
    const found = jsonTextProblem(value);
    if (found) ctx.addIssue({ code: "custom", message: found.message, path: found.path });
  });
}
