// The organisation form's rules, the same as the server's (apps/api/src/router/system.ts): a
// cleared or out-of-range field is an error on that field, never a value made up for it.
import type { LocaleSettings } from "./format";

export type OrgSettingsValues = LocaleSettings & {
  timeZone: string;
  churnDays: number;
  complaintSlaHours: number;
};

/** What the inputs hold: numbers as typed, so "" and "1." are seen as typed. */
export type SettingsDraft = Omit<OrgSettingsValues, "churnDays" | "complaintSlaHours"> & {
  churnDays: string;
  complaintSlaHours: string;
};

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
};

export function draftOf(settings: OrgSettingsValues): SettingsDraft {
  return {
    ...settings,
    churnDays: String(settings.churnDays),
    complaintSlaHours: String(settings.complaintSlaHours),
  };
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

export type DraftCheck =
  | { ok: true; values: OrgSettingsValues; errors: Partial<Record<SettingsField, string>> }
  | { ok: false; values: null; errors: Partial<Record<SettingsField, string>> };

/** The draft's values, or the message of every field that breaks its rule. */
export function checkDraft(draft: SettingsDraft): DraftCheck {
  const errors: Partial<Record<SettingsField, string>> = {};
  const churn = churnDaysError(draft.churnDays);
  if (churn) errors.churnDays = churn;
  const sla = slaHoursError(draft.complaintSlaHours);
  if (sla) errors.complaintSlaHours = sla;
  if (!draft.timeZone) errors.timeZone = "Choose a time zone";
  if (!/^[A-Z]{3}$/.test(draft.currency))
    errors.currency = "Choose a currency (an ISO 4217 code such as EUR)";
  if (!draft.locale) errors.locale = "Choose a locale";
  if (Object.keys(errors).length > 0) return { ok: false, values: null, errors };
  return {
    ok: true,
    values: {
      ...draft,
      churnDays: Number(draft.churnDays.trim()),
      complaintSlaHours: Number(draft.complaintSlaHours.trim()),
    },
    errors,
  };
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
  return effects;
}
