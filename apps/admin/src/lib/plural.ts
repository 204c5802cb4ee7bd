// Nouns that agree with their count ("1 day", "2 days", "1.5 hours"), by the
// language's plural rules (Intl.PluralRules) rather than `count === 1`.
// The admin's words are English; numbers follow the organisation's locale.

const rules = new Intl.PluralRules("en");

export type Noun = { one: string; other: string };

/** The noun's form for `count`: `plural(1, DAY)` → "day", `plural(0, DAY)` → "days". */
export function plural(count: number, noun: Noun): string {
  return rules.select(count) === "one" ? noun.one : noun.other;
}

/** The count and its noun: "1 day", "1,234 users" (the number in `locale`). */
export function countOf(count: number, noun: Noun, locale = "en-US"): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(count)} ${plural(count, noun)}`;
}

/** The unit after a field's typed value ("1" → "day", "" → "days"); the plural when nothing is typed. */
export function unitFor(typed: string, noun: Noun): string {
  const value = Number(typed.trim());
  return typed.trim() !== "" && Number.isFinite(value) ? plural(value, noun) : noun.other;
}

export const DAY: Noun = { one: "day", other: "days" };
export const HOUR: Noun = { one: "hour", other: "hours" };
export const MINUTE: Noun = { one: "minute", other: "minutes" };
export const USER: Noun = { one: "user", other: "users" };
export const RECORD: Noun = { one: "record", other: "records" };
export const CUSTOMER: Noun = { one: "customer", other: "customers" };
