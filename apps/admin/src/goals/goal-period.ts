// Goal periods as the API names them: a month `2026-03`, a quarter `2026-Q1`, a year `2026`.
// Every date is a calendar day in the organisation's time zone; ranges are half-open [from, to).
import { addDays, addMonths, daysBetween, type IsoDate } from "../lib/dates";

export type GoalGrain = "month" | "quarter" | "year";
export type GoalPeriodRange = { label: string; grain: GoalGrain; from: IsoDate; to: IsoDate };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const pad = (value: number, width: number) => String(value).padStart(width, "0");

/** The grain and dates of a label; null for anything that is not a month, quarter or year. */
export function parseGoalPeriod(label: string): GoalPeriodRange | null {
  let match = MONTH.exec(label);
  if (match) {
    const from = `${match[1]}-${match[2]}-01`;
    return { label, grain: "month", from, to: addMonths(from, 1) };
  }
  match = QUARTER.exec(label);
  if (match) {
    const from = `${match[1]}-${pad((Number(match[2]) - 1) * 3 + 1, 2)}-01`;
    return { label, grain: "quarter", from, to: addMonths(from, 3) };
  }
  match = YEAR.exec(label);
  if (match) {
    const from = `${match[1]}-01-01`;
    return { label, grain: "year", from, to: addMonths(from, 12) };
  }
  return null;
}

/** The label of the `grain` period that contains `date`. */
export function periodContaining(date: IsoDate, grain: GoalGrain): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  switch (grain) {
    case "month":
      return `${year}-${pad(month, 2)}`;
    case "quarter":
      return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
    case "year":
      return year;
  }
}

/** The period of the same grain `offset` periods away (negative: earlier). */
export function shiftGoalPeriod(label: string, offset: number): string {
  const period = parseGoalPeriod(label);
  if (!period) throw new Error(`not a goal period: ${label}`);
  const months = period.grain === "month" ? 1 : period.grain === "quarter" ? 3 : 12;
  return periodContaining(addMonths(period.from, offset * months), period.grain);
}

/** `count` periods ending with `label`, oldest first. */
export function periodsUpTo(label: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftGoalPeriod(label, i - count + 1));
}

/** The default period of the goal pages: the running quarter (the demo and most goals are quarterly). */
export function defaultGoalPeriod(today: IsoDate): string {
  return periodContaining(today, "quarter");
}

/** A URL value read as a period label; anything else is the default. */
export function goalPeriodParam(value: string | null, today: IsoDate): string {
  return value !== null && parseGoalPeriod(value) ? value : defaultGoalPeriod(today);
}

export type PeriodOption = { value: string; label: string };
export type PeriodGroup = { group: string; items: PeriodOption[] };

// Building an Intl.DateTimeFormat costs far more than formatting with one: a period select names
// two dozen months on every render.
const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(locale: string): Intl.DateTimeFormat {
  let format = monthFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "long", year: "numeric" });
    monthFormats.set(locale, format);
  }
  return format;
}

function periodName(label: string, locale: string): string {
  const period = parseGoalPeriod(label);
  if (!period) return label;
  if (period.grain === "year") return label;
  if (period.grain === "quarter") return `${label.slice(5)} ${label.slice(0, 4)}`;
  return monthFormat(locale).format(new Date(`${period.from}T00:00:00Z`));
}

/** "Q4 2026 (this quarter)", "March 2026", "2025". */
export function goalPeriodName(label: string, locale: string, today: IsoDate): string {
  const name = periodName(label, locale);
  const relative = relativeName(label, today);
  return relative ? `${name} (${relative})` : name;
}

function relativeName(label: string, today: IsoDate): string | null {
  const period = parseGoalPeriod(label);
  if (!period) return null;
  const current = periodContaining(today, period.grain);
  if (label === current) return `this ${period.grain}`;
  if (label === shiftGoalPeriod(current, -1)) return `last ${period.grain}`;
  return null;
}

/**
 * The choices of the period select: this month, quarter and year and last quarter first, then
 * any past month (two years back), quarter (three years) and year (five).
 */
export function periodOptions(today: IsoDate, locale: string, include?: string): PeriodGroup[] {
  const month = periodContaining(today, "month");
  const quarter = periodContaining(today, "quarter");
  const year = periodContaining(today, "year");
  const common = [month, quarter, year, shiftGoalPeriod(quarter, -1)];
  const option = (value: string) => ({ value, label: goalPeriodName(value, locale, today) });
  const past = (label: string, count: number) =>
    Array.from({ length: count }, (_, i) => shiftGoalPeriod(label, -(i + 1))).filter(
      (p) => !common.includes(p),
    );
  const groups: PeriodGroup[] = [
    { group: "Current", items: common.map(option) },
    { group: "Past quarters", items: past(quarter, 12).map(option) },
    { group: "Past months", items: past(month, 24).map(option) },
    { group: "Past years", items: past(year, 5).map(option) },
  ];
  const listed = groups.some((g) => g.items.some((i) => i.value === include));
  if (include && !listed && parseGoalPeriod(include))
    groups.push({ group: "Chosen", items: [option(include)] });
  return groups;
}

/** Days of a period, and how many of them are left at `elapsed` (the served fraction 0–1). */
export function periodDays(
  period: GoalPeriodRange,
  elapsed: number,
): { total: number; passed: number; left: number } {
  const total = daysBetween(period.from, period.to);
  const passed = total * elapsed;
  return { total, passed, left: total - passed };
}

/**
 * The goal period an overview period stands for: this month, this quarter, last quarter, this year
 * for year to date; a range that is exactly a month, quarter or year is that period; anything else
 * the quarter of its last day.
 */
export function goalPeriodOfView(
  period: { preset: string; from: IsoDate; to: IsoDate },
  today: IsoDate,
): string {
  switch (period.preset) {
    case "this_month":
      return periodContaining(today, "month");
    case "this_quarter":
      return periodContaining(today, "quarter");
    case "last_quarter":
      return shiftGoalPeriod(periodContaining(today, "quarter"), -1);
    case "year_to_date":
      return periodContaining(today, "year");
  }
  for (const grain of ["month", "quarter", "year"] as const) {
    const exact = parseGoalPeriod(periodContaining(period.from, grain));
    if (exact && exact.from === period.from && exact.to === period.to) return exact.label;
  }
  return periodContaining(addDays(period.to, -1), "quarter");
}
