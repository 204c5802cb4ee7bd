import { z } from "zod";
import { jsonObject, text } from "@retain/validation";
import { complaintSeverities, contactChannels, eventTypeKeys, serviceStages } from "./event-types";

/** Batch limits of SPEC §4. */
export const MAX_BATCH = 10_000;

export const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const ISO_DATE_OR_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
export const DECIMAL = /^\d+(\.\d+)?$/;
export const CUSTOMER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether the calendar date and clock time written at the start of an ISO-8601 text exist
 * (2026-02-30 and 24:00 do not; JavaScript's Date would quietly roll them over).
 */
export function isRealDateTime(value: string): boolean {
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > (DAYS_IN_MONTH[month - 1] ?? 0)) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  if (value.length > 10) {
    const hour = Number(value.slice(11, 13));
    const minute = Number(value.slice(14, 16));
    const second = value[16] === ":" ? Number(value.slice(17, 19)) : 0;
    if (hour > 23 || minute > 59 || second > 59) return false;
  }
  return !Number.isNaN(Date.parse(value));
}

/** A timestamp with an explicit zone (`Z` or an offset); none is rejected, never guessed. */
export const zonedTimestamp = text()
  .regex(ISO_WITH_ZONE, "must be an ISO-8601 timestamp with Z or an offset, e.g. 2026-01-05T09:30:00+01:00")
  .refine(isRealDateTime, "is not a real date and time");

/**
 * The canonical text of a money or quantity value, or the rule it breaks: a number or decimal
 * string, ≥ 0, at most 2 decimals, never rounded ("10.5", 10.5 and "10.50" are all "10.50").
 */
export function canonicalDecimal(value: number | string, maxIntegerDigits: number): { text: string } | { error: string } {
  if (typeof value === "number" && !Number.isFinite(value)) return { error: "must be a finite number" };
  const text = typeof value === "number" ? String(value) : value.trim();
  if (text.startsWith("-")) return { error: "must be ≥ 0" };
  if (!DECIMAL.test(text)) return { error: "must be a plain decimal number such as 1250.50" };
  const [whole = "", fraction = ""] = text.split(".");
  if (fraction.length > 2) return { error: "has more than 2 decimals (values are never rounded)" };
  const integer = whole.replace(/^0+(?=\d)/, "");
  if (integer.length > maxIntegerDigits) return { error: `must have at most ${maxIntegerDigits} digits before the point` };
  return { text: `${integer}.${fraction.padEnd(2, "0")}` };
}

export const MONEY_DIGITS = 14;
export const HOURS_DIGITS = 8;

function decimal(maxIntegerDigits: number) {
  return z.union([z.number(), text()], { error: "must be a number or a decimal string" }).transform((value, ctx) => {
    const result = canonicalDecimal(value, maxIntegerDigits);
    if ("error" in result) {
      ctx.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    }
    return result.text;
  });
}
export const money = decimal(MONEY_DIGITS);
const hours = decimal(HOURS_DIGITS);

const optionalText = (max: number) => text().trim().min(1).max(max).nullish();
const email = text().trim().toLowerCase().pipe(z.email("must be an email address")).pipe(text().max(254));

export const customerInput = z.strictObject({
  id: text().regex(CUSTOMER_ID, "must be 1–128 characters of A-Za-z0-9._:-"),
  name: text().trim().min(1, "is required").max(200, "must be at most 200 characters"),
  industry: optionalText(100),
  region: optionalText(100),
  ownership: z.enum(["state", "private", "foreign", "collective", "group"]).nullish(),
  size: z.enum(["large", "medium", "small"]).nullish(),
  tier: z.enum(["vip", "key", "regular"]).nullish(),
  accountManager: email.nullish(),
  referredBy: text().trim().min(1).max(254).nullish(),
  specialty: optionalText(100),
  createdAt: text()
    .regex(ISO_DATE_OR_TIMESTAMP, "must be an ISO date (2026-01-05) or timestamp")
    .refine(isRealDateTime, "is not a real date")
    .nullish(),
});
export type CustomerInput = z.input<typeof customerInput>;
export type ValidCustomer = z.output<typeof customerInput>;

const eventBase = {
  id: text().min(1, "is required").max(128, "must be at most 128 characters"),
  source: text().min(1).max(128).optional(),
  customerId: text().regex(CUSTOMER_ID, "must be 1–128 characters of A-Za-z0-9._:-").optional(),
  occurredAt: zonedTimestamp,
  department: text()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, "must be a department key")
    .optional(),
  accountManager: email.optional(),
  payload: jsonObject().nullish(),
};
const ref = text().min(1).max(128);

/**
 * The fields every type has, checked on their own when the type itself is missing or unknown, so
 * such an event is told everything that is wrong with it at once, not only its type.
 */
export const eventCommonFields = z.object(eventBase);

/** One schema per event type: fields a type does not take are refused, never dropped. */
export const eventInput = z.discriminatedUnion("type", [
  z.strictObject({ ...eventBase, type: z.literal("order"), amount: money }),
  z.strictObject({ ...eventBase, type: z.literal("payment"), amount: money, dueAt: zonedTimestamp.optional() }),
  z.strictObject({ ...eventBase, type: z.literal("opportunity_won"), amount: money.optional() }),
  z.strictObject({ ...eventBase, type: z.literal("opportunity_lost"), amount: money.optional() }),
  z.strictObject({ ...eventBase, type: z.literal("visit"), refId: ref.optional() }),
  z.strictObject({ ...eventBase, type: z.literal("contact"), channel: z.enum(contactChannels).optional() }),
  z.strictObject({ ...eventBase, type: z.literal("campaign_touch"), campaignId: text().min(1).max(128) }),
  z.strictObject({ ...eventBase, type: z.literal("complaint"), severity: z.enum(complaintSeverities).optional() }),
  z.strictObject({ ...eventBase, type: z.literal("complaint_resolved"), refId: ref }),
  z.strictObject({ ...eventBase, type: z.literal("praise") }),
  z.strictObject({
    ...eventBase,
    type: z.literal("survey"),
    scale: z.union([z.literal(5), z.literal(10)], { error: "must be 5 or 10" }),
    score: z.number().int("must be a whole number"),
  }),
  z.strictObject({ ...eventBase, type: z.literal("service_request"), stage: z.enum(serviceStages).optional() }),
  z.strictObject({ ...eventBase, type: z.literal("service_resolved"), refId: ref }),
  z.strictObject({ ...eventBase, type: z.literal("feedback") }),
  z.strictObject({ ...eventBase, type: z.literal("delivery"), promisedAt: zonedTimestamp }),
  z.strictObject({ ...eventBase, type: z.literal("supplier_issue") }),
  z.strictObject({ ...eventBase, type: z.literal("defect") }),
  z.strictObject({
    ...eventBase,
    type: z.literal("training"),
    hours: hours.refine((v) => Number(v) > 0, "must be > 0"),
    employee: email.optional(),
  }),
  z.strictObject({ ...eventBase, type: z.literal("void"), refId: ref }),
], { error: (issue) => (issue.code === "invalid_union" ? `must be one of ${eventTypeKeys.join(", ")}` : undefined) });

export type EventInput = z.input<typeof eventInput>;
export type ValidEvent = z.output<typeof eventInput>;

export type FieldError = { field: string; code: string; message: string };
