// The organisation form's rules, the same as the server's (apps/api/src/router/system.ts): a
// cleared or out-of-range field is an error on that field, never a value made up for it.
import type { LocaleSettings } from "./format";

export type OrgSettingsValues = LocaleSettings & {
  timeZone: string;
  churnDays: number;
  complaintSlaHours: number;
  /** §8, in percent of the customers with revenue: top, top + big, top + big + medium. */
  pyramidTopPercent: number;
  pyramidBigPercent: number;
  pyramidMediumPercent: number;
  /** §8: a payment record is good when its on-time rate is at least this percent. */
  onTimePaymentThreshold: number;
};

/** The settings typed as numbers; the inputs hold them as text. */
export const NUMBER_FIELDS = [
  "churnDays",
  "complaintSlaHours",
  "pyramidTopPercent",
  "pyramidBigPercent",
  "pyramidMediumPercent",
  "onTimePaymentThreshold",
] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];

/** The §8 percentages, in the form's "Customer value and credit" section. */
export const PERCENT_FIELDS = [
  "pyramidTopPercent",
  "pyramidBigPercent",
  "pyramidMediumPercent",
  "onTimePaymentThreshold",
] as const;
type PercentField = (typeof PERCENT_FIELDS)[number];

/** What the inputs hold: numbers as typed, so "" and "1." are seen as typed. */
export type SettingsDraft = Omit<OrgSettingsValues, NumberField> & Record<NumberField, string>;

export type SettingsField = keyof OrgSettingsValues;

export const CHURN_DAYS = { min: 1, max: 3650 } as const;
/** Above 0 (exclusive), at most a year. */
export const SLA_HOURS = { max: 24 * 365 } as const;

export const FIELD_LABELS: Record<SettingsField, string> = {
  timeZone: "Time zone",
  currency: "Currency",
  locale: "Locale",
  churnDays: "Churn after",
  complaintSlaHours: "Complaint SLA",
  pyramidTopPercent: "Top customers",
  pyramidBigPercent: "Top and big customers",
  pyramidMediumPercent: "Top, big and medium customers",
  onTimePaymentThreshold: "On-time payment threshold",
};

export function draftOf(settings: OrgSettingsValues): SettingsDraft {
  const draft = { ...settings } as unknown as SettingsDraft;
  for (const field of NUMBER_FIELDS) draft[field] = String(settings[field]);
  return draft;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)$/;

function churnDaysError(text: string): string | null {
  const trimmed = text.trim();
  const rule = `a whole number of days from ${CHURN_DAYS.min} to ${CHURN_DAYS.max}`;
  if (trimmed === "") return `Enter the days without an order: ${rule}`;
  if (!NUMBER.test(trimmed)) return `Must be ${rule}`;
  const value = Number(trimmed);
  if (!Number.isInteger(value))
    return `Must be a whole number of days (${CHURN_DAYS.min} to ${CHURN_DAYS.max})`;
  if (value < CHURN_DAYS.min) return `Must be at least ${CHURN_DAYS.min} day`;
  if (value > CHURN_DAYS.max) return `Must be at most ${CHURN_DAYS.max} days`;
  return null;
}

function slaHoursError(text: string): string | null {
  const trimmed = text.trim();
  const rule = `more than 0 and at most ${SLA_HOURS.max} hours (decimals allowed)`;
  if (trimmed === "") return `Enter the hours: ${rule}`;
  if (!NUMBER.test(trimmed)) return `Must be a number of hours, ${rule}`;
  const value = Number(trimmed);
  if (value <= 0) return "Must be more than 0 hours";
  if (value > SLA_HOURS.max) return `Must be at most ${SLA_HOURS.max} hours (a year)`;
  return null;
}

/** More than 0, at most 100, at most 2 decimals: as the server takes them, never rounded. */
function percentError(text: string): string | null {
  const trimmed = text.trim();
  const rule = "more than 0 and at most 100, up to 2 decimals";
  if (trimmed === "") return `Enter the percent: ${rule}`;
  if (!NUMBER.test(trimmed)) return `Must be a number in percent, ${rule}`;
  const value = Number(trimmed);
  if (value <= 0) return "Must be more than 0 %";
  if (value > 100) return "Must be at most 100 %";
  if (/\.\d{3,}$/.test(trimmed.replace(/0+$/, ""))) return "At most 2 decimals (e.g. 12.5 or 12.25)";
  return null;
}

/** The pyramid's cut-offs nest: top ≤ big ≤ medium. */
const PYRAMID_ORDER = [
  ["pyramidTopPercent", "pyramidBigPercent"],
  ["pyramidBigPercent", "pyramidMediumPercent"],
] as const;

const SHORT_LABELS: Record<PercentField, string> = {
  pyramidTopPercent: "top",
  pyramidBigPercent: "top and big",
  pyramidMediumPercent: "top, big and medium",
  onTimePaymentThreshold: "on-time threshold",
};

export type DraftCheck =
  | { ok: true; values: OrgSettingsValues; errors: Partial<Record<SettingsField, string>> }
  | { ok: false; values: null; errors: Partial<Record<SettingsField, string>> };

/**
 * The draft's values, or the message of every field that breaks its rule. A broken order of the
 * pyramid's cut-offs is named on the field(s) changed from `saved` (on both when neither or both).
 */
export function checkDraft(draft: SettingsDraft, saved?: OrgSettingsValues): DraftCheck {
  const errors: Partial<Record<SettingsField, string>> = {};
  const churn = churnDaysError(draft.churnDays);
  if (churn) errors.churnDays = churn;
  const sla = slaHoursError(draft.complaintSlaHours);
  if (sla) errors.complaintSlaHours = sla;
  for (const field of PERCENT_FIELDS) {
    const error = percentError(draft[field]);
    if (error) errors[field] = error;
  }
  for (const [lower, upper] of PYRAMID_ORDER) {
    if (errors[lower] || errors[upper]) continue;
    const low = Number(draft[lower].trim());
    const high = Number(draft[upper].trim());
    if (low <= high) continue;
    const lowerChanged = !saved || low !== saved[lower];
    const upperChanged = !saved || high !== saved[upper];
    const both = lowerChanged === upperChanged;
    const rule = "the cut-offs nest, top ≤ big ≤ medium";
    if (lowerChanged || both)
      errors[lower] = `Must be at most the ${SHORT_LABELS[upper]} percent (${high} %): ${rule}`;
    if (upperChanged || both)
      errors[upper] = `Must be at least the ${SHORT_LABELS[lower]} percent (${low} %): ${rule}`;
  }
  if (!draft.timeZone) errors.timeZone = "Choose a time zone";
  if (!/^[A-Z]{3}$/.test(draft.currency))
    errors.currency = "Choose a currency (an ISO 4217 code such as EUR)";
  if (!draft.locale) errors.locale = "Choose a locale";
  if (Object.keys(errors).length > 0) return { ok: false, values: null, errors };
  const values = { ...draft } as unknown as OrgSettingsValues;
  for (const field of NUMBER_FIELDS) values[field] = Number(draft[field].trim());
  return { ok: true, values, errors };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * For each change that recomputes every metric of every period, the sentence that says so; the
 * form asks for confirmation with them. Currency and locale change only how numbers are written.
 */
export function recomputingEffects(saved: OrgSettingsValues, next: OrgSettingsValues): string[] {
  const effects: string[] = [];
  if (next.churnDays !== saved.churnDays) {
    effects.push(
      `Churn after ${saved.churnDays} → ${plural(next.churnDays, "day", "days")} changes churned customers for every period, past ones included, on every dashboard and in every goal that reads them.`,
    );
  }
  if (next.complaintSlaHours !== saved.complaintSlaHours) {
    effects.push(
      `Complaint SLA ${saved.complaintSlaHours} → ${plural(next.complaintSlaHours, "hour", "hours")} changes complaints within SLA for every period, past ones included, on every dashboard and in every goal that reads them.`,
    );
  }
  if (next.timeZone !== saved.timeZone) {
    effects.push(
      `Time zone ${saved.timeZone} → ${next.timeZone} cuts every day, week, month and quarter anew: every metric of every period changes, and the daily rollups are rebuilt.`,
    );
  }
  const cutOffs = (s: OrgSettingsValues) =>
    `${s.pyramidTopPercent} / ${s.pyramidBigPercent} / ${s.pyramidMediumPercent} %`;
  if (cutOffs(next) !== cutOffs(saved)) {
    effects.push(
      `Value pyramid ${cutOffs(saved)} → ${cutOffs(next)} recomputes every customer's segment, for today and for any date looked at: the pyramid, value changes, suggested actions and the credit policies of large and small customers change with it.`,
    );
  }
  if (next.onTimePaymentThreshold !== saved.onTimePaymentThreshold) {
    effects.push(
      `On-time payment threshold ${saved.onTimePaymentThreshold} → ${next.onTimePaymentThreshold} % recomputes every customer's payment record and credit policy (each changed policy is recorded in the customer's history) and which customers have late payments.`,
    );
  }
  return effects;
}

/** Whether a change recomputes the §5 metrics (churn, SLA, zone), not only segments and credit. */
export function recomputesMetrics(saved: OrgSettingsValues, next: OrgSettingsValues): boolean {
  return (
    next.churnDays !== saved.churnDays ||
    next.complaintSlaHours !== saved.complaintSlaHours ||
    next.timeZone !== saved.timeZone
  );
}
