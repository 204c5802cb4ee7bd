// Period presets of the top bar and the comparison ranges derived from them.
// Ranges are half-open `[from, to)` like the API's.
import { addDays, addMonths, day, daysBetween, iso, type IsoDate } from "./dates";

export type Grain = "day" | "week" | "month" | "quarter" | "year";
export type PresetKey =
  | "this_month"
  | "this_quarter"
  | "last_quarter"
  | "year_to_date"
  | "last_12_months"
  | "custom";
export type CompareMode = "previous" | "year";
export type DateRange = { from: IsoDate; to: IsoDate };

export type Period = DateRange & {
  preset: PresetKey;
  grain: Grain;
  /** Calendar months to step back for "previous period"; null steps back by the range's length in days. */
  stepMonths: number | null;
};

export const GRAINS: readonly Grain[] = ["day", "week", "month", "quarter", "year"];

export const PRESETS: readonly { key: PresetKey; label: string }[] = [
  { key: "this_month", label: "This month" },
  { key: "this_quarter", label: "This quarter" },
  { key: "last_quarter", label: "Last quarter" },
  { key: "year_to_date", label: "Year to date" },
  { key: "last_12_months", label: "Last 12 months" },
  { key: "custom", label: "Custom range" },
];

export const COMPARE_MODES: readonly { key: CompareMode; label: string }[] = [
  { key: "previous", label: "Previous period" },
  { key: "year", label: "Same period last year" },
];

function startOfMonth(date: IsoDate): IsoDate {
  return iso(day(date).startOf("month"));
}

function startOfQuarter(date: IsoDate): IsoDate {
  const d = day(date);
  return iso(d.month(Math.floor(d.month() / 3) * 3).startOf("month"));
}

/** Resolves a preset against `today` (a date in the organisation's time zone). */
export function resolvePreset(preset: Exclude<PresetKey, "custom">, today: IsoDate): Period {
  const tomorrow = addDays(today, 1);
  switch (preset) {
    case "this_month":
      return { preset, from: startOfMonth(today), to: tomorrow, grain: "day", stepMonths: 1 };
    case "this_quarter":
      return { preset, from: startOfQuarter(today), to: tomorrow, grain: "week", stepMonths: 3 };
    case "last_quarter": {
      const to = startOfQuarter(today);
      return { preset, from: addMonths(to, -3), to, grain: "week", stepMonths: 3 };
    }
    case "year_to_date":
      return { preset, from: iso(day(today).startOf("year")), to: tomorrow, grain: "month", stepMonths: 12 };
    case "last_12_months": {
      const to = startOfMonth(today);
      return { preset, from: addMonths(to, -12), to, grain: "month", stepMonths: 12 };
    }
  }
}

/** A custom range; whole calendar months compare month-aligned, anything else by length. */
export function resolveCustom(range: DateRange): Period {
  const wholeMonths = range.from === startOfMonth(range.from) && range.to === startOfMonth(range.to);
  const months = day(range.to).diff(day(range.from), "month");
  return {
    preset: "custom",
    ...range,
    grain: defaultGrain(range),
    stepMonths: wholeMonths && months > 0 ? months : null,
  };
}

/** A grain that gives a readable number of points for the range. */
export function defaultGrain(range: DateRange): Grain {
  const days = daysBetween(range.from, range.to);
  if (days <= 45) return "day";
  if (days <= 190) return "week";
  if (days <= 1100) return "month";
  return "quarter";
}

export function comparisonRange(period: Period, mode: CompareMode): DateRange {
  if (mode === "year") {
    return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
  }
  if (period.stepMonths !== null) {
    return { from: addMonths(period.from, -period.stepMonths), to: addMonths(period.to, -period.stepMonths) };
  }
  return { from: addDays(period.from, -daysBetween(period.from, period.to)), to: period.from };
}

function periodStart(date: IsoDate, grain: Grain): IsoDate {
  const d = day(date);
  switch (grain) {
    case "day":
      return date;
    case "week":
      // ISO weeks start on Monday; dayjs counts Sunday as 0.
      return iso(d.subtract((d.day() + 6) % 7, "day"));
    case "month":
      return startOfMonth(date);
    case "quarter":
      return startOfQuarter(date);
    case "year":
      return iso(d.startOf("year"));
  }
}

/**
 * The coarsest grain of which the range is made of whole periods ("day"
 * always fits). The API's points cover whole periods, so only such a grain
 * gives exact totals for a range.
 */
export function alignedGrain(range: DateRange): Grain {
  const fits = (grain: Grain) => periodStart(range.from, grain) === range.from && periodStart(range.to, grain) === range.to;
  return [...GRAINS].reverse().find(fits) ?? "day";
}

/** The finer of two grains. */
export function finerGrain(a: Grain, b: Grain): Grain {
  return GRAINS.indexOf(a) <= GRAINS.indexOf(b) ? a : b;
}

/** The last day inside the range (its `to` is exclusive). */
export function lastDay(range: DateRange): IsoDate {
  return addDays(range.to, -1);
}

/** The local dates `[from, to)` of an API period label ("2026-12", "2026-W49", "2026-Q4", …), null if it is none. */
export function bucketRange(label: string): DateRange | null {
  let m = /^(\d{4})$/.exec(label);
  if (m) return { from: `${m[1]}-01-01`, to: `${Number(m[1]) + 1}-01-01` };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const from = `${m[1]}-${String((Number(m[2]) - 1) * 3 + 1).padStart(2, "0")}-01`;
    return { from, to: addMonths(from, 3) };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) {
    // ISO week 1 holds 4 January; weeks start on Monday.
    const jan4 = day(`${m[1]}-01-04`);
    const week1 = jan4.subtract((jan4.day() + 6) % 7, "day");
    const from = iso(week1.add((Number(m[2]) - 1) * 7, "day"));
    return { from, to: addDays(from, 7) };
  }
  m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) return { from: `${label}-01`, to: addMonths(`${label}-01`, 1) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) return { from: label, to: addDays(label, 1) };
  return null;
}

/**
 * For a running period (`range.to` after today), the last bucket when it is still running: its
 * label, its range, and the days of it elapsed up to the range's end. null when every bucket is whole.
 */
export function runningBucket(
  lastLabel: string | undefined,
  range: DateRange,
  today: IsoDate,
): { label: string; range: DateRange; elapsedDays: number } | null {
  if (!lastLabel || range.to <= today) return null;
  const bucket = bucketRange(lastLabel);
  if (!bucket || bucket.to <= range.to) return null;
  return { label: lastLabel, range: bucket, elapsedDays: daysBetween(bucket.from, range.to) };
}
