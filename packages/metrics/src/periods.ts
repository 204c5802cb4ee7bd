import { TZDate } from "@date-fns/tz";
import {
  addDays,
  addMonths,
  addQuarters,
  addWeeks,
  addYears,
  format,
  getISOWeekYear,
  startOfISOWeek,
  startOfMonth,
  startOfQuarter,
  startOfYear,
} from "date-fns";
import { MetricQueryError } from "./errors";

export const grains = ["day", "week", "month", "quarter", "year"] as const;
export type Grain = (typeof grains)[number];

/** One period: its label and the instants `[start, end)` cut at local midnight in the organisation's zone. */
export type Period = { label: string; start: Date; end: Date };

/** A period label read back: its grain and its local dates `[from, to)` (YYYY-MM-DD). */
export type PeriodLabel = { grain: Grain; from: string; to: string };

/** Longest series one query may ask for (about 13 years of days). */
export const MAX_PERIODS = 5000;

/*
 * Calendar arithmetic runs on "civil" dates: TZDate instances pinned to UTC, so that
 * date-fns adds days and months without any daylight-saving shift. A civil date becomes
 * an instant only at the end, through localMidnight(), in the organisation's zone.
 */
type CivilDate = TZDate;

function civil(year: number, monthIndex: number, day: number): CivilDate {
  return new TZDate(year, monthIndex, day, "UTC");
}

const LABEL_FORMATS: Record<Grain, string> = {
  day: "yyyy-MM-dd",
  week: "RRRR-'W'II",
  month: "yyyy-MM",
  quarter: "yyyy-'Q'Q",
  year: "yyyy",
};

function startOfGrain(date: CivilDate, grain: Grain): CivilDate {
  switch (grain) {
    case "day":
      return date;
    case "week":
      return startOfISOWeek(date);
    case "month":
      return startOfMonth(date);
    case "quarter":
      return startOfQuarter(date);
    case "year":
      return startOfYear(date);
  }
}

function addGrain(date: CivilDate, grain: Grain): CivilDate {
  switch (grain) {
    case "day":
      return addDays(date, 1);
    case "week":
      return addWeeks(date, 1);
    case "month":
      return addMonths(date, 1);
    case "quarter":
      return addQuarters(date, 1);
    case "year":
      return addYears(date, 1);
  }
}

function labelOf(start: CivilDate, grain: Grain): string {
  return format(start, LABEL_FORMATS[grain]);
}

function toLocalDateString(date: CivilDate): string {
  return format(date, "yyyy-MM-dd");
}

/** The instant at which `date` begins in `timeZone` (the first valid instant when midnight is skipped by DST). */
function localMidnight(date: CivilDate, timeZone: string): Date {
  return new Date(new TZDate(date.getFullYear(), date.getMonth(), date.getDate(), timeZone).getTime());
}

function parseLocalDate(value: string, field: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = civil(y, m - 1, d);
    if (date.getFullYear() === y && date.getMonth() === m - 1 && date.getDate() === d) return date;
  }
  throw new MetricQueryError(field, `${field} must be a calendar date YYYY-MM-DD, got "${value}"`);
}

export function isGrain(value: unknown): value is Grain {
  return typeof value === "string" && (grains as readonly string[]).includes(value);
}

function assertGrain(grain: unknown): asserts grain is Grain {
  if (!isGrain(grain)) throw new MetricQueryError("grain", `grain must be one of ${grains.join(", ")}`);
}

/**
 * An IANA zone name both ICU (here) and PostgreSQL (in the queries) understand alike.
 * UTC offsets such as "+01:00" are refused: PostgreSQL reads POSIX offsets with the opposite sign.
 */
export function assertTimeZone(timeZone: string): void {
  let valid = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(timeZone);
  if (valid) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone });
    } catch {
      valid = false;
    }
  }
  if (!valid)
    throw new MetricQueryError("timeZone", `unknown time zone "${timeZone}" (expected an IANA name)`);
}

/**
 * Every period of `grain` that intersects the local dates `[from, to)` in `timeZone`, in order.
 * Periods are whole: the first may start before `from` and the last end after `to`.
 */
export function periodsBetween(from: string, to: string, grain: Grain, timeZone: string): Period[] {
  assertGrain(grain);
  assertTimeZone(timeZone);
  const first = parseLocalDate(from, "from");
  const last = parseLocalDate(to, "to");
  if (first.getTime() >= last.getTime()) throw new MetricQueryError("to", "to must be after from");

  const periods: Period[] = [];
  let cursor = startOfGrain(first, grain);
  let start = localMidnight(cursor, timeZone);
  while (cursor.getTime() < last.getTime()) {
    if (periods.length === MAX_PERIODS) {
      throw new MetricQueryError("to", `the range covers more than ${MAX_PERIODS} ${grain} periods`);
    }
    const next = addGrain(cursor, grain);
    const end = localMidnight(next, timeZone);
    periods.push({ label: labelOf(cursor, grain), start, end });
    cursor = next;
    start = end;
  }
  return periods;
}

/** The period of `grain` that contains `instant`, in `timeZone`. */
export function periodContaining(instant: Date, grain: Grain, timeZone: string): Period {
  assertGrain(grain);
  assertTimeZone(timeZone);
  if (Number.isNaN(instant.getTime())) throw new MetricQueryError("instant", "instant is not a valid date");
  const local = new TZDate(instant.getTime(), timeZone);
  const start = startOfGrain(civil(local.getFullYear(), local.getMonth(), local.getDate()), grain);
  return {
    label: labelOf(start, grain),
    start: localMidnight(start, timeZone),
    end: localMidnight(addGrain(start, grain), timeZone),
  };
}

/**
 * The label of the period that starts on local date `localDate` (as PostgreSQL's
 * `date_trunc(grain, …)` returns it). Used to map query buckets to labels.
 */
export function labelOfPeriodStart(localDate: string, grain: Grain): string {
  return labelOf(startOfGrain(parseLocalDate(localDate, "period"), grain), grain);
}

function fromLabel(start: CivilDate, grain: Grain): PeriodLabel {
  return { grain, from: toLocalDateString(start), to: toLocalDateString(addGrain(start, grain)) };
}

/**
 * Reads a period label back: `2026` (year), `2026-Q1` (quarter), `2026-03` (month) — the goal
 * periods — and also `2026-W02` (ISO week) and `2026-01-05` (day).
 */
export function parsePeriodLabel(label: string): PeriodLabel {
  const invalid = () =>
    new MetricQueryError(
      "period",
      `period must look like 2026, 2026-Q1, 2026-03, 2026-W02 or 2026-01-05, got "${label}"`,
    );
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})$/.exec(label))) {
    return fromLabel(civil(Number(match[1]), 0, 1), "year");
  }
  if ((match = /^(\d{4})-Q([1-4])$/.exec(label))) {
    return fromLabel(civil(Number(match[1]), (Number(match[2]) - 1) * 3, 1), "quarter");
  }
  if ((match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(label))) {
    return fromLabel(civil(Number(match[1]), Number(match[2]) - 1, 1), "month");
  }
  if ((match = /^(\d{4})-W(\d{2})$/.exec(label))) {
    const weekYear = Number(match[1]);
    const week = Number(match[2]);
    // Week 1 is the week that holds January 4th.
    const firstMonday = startOfISOWeek(civil(weekYear, 0, 4));
    const monday = addWeeks(firstMonday, week - 1);
    if (week < 1 || getISOWeekYear(monday) !== weekYear) throw invalid();
    return fromLabel(monday, "week");
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(label)) {
    try {
      return fromLabel(parseLocalDate(label, "period"), "day");
    } catch {
      throw invalid();
    }
  }
  throw invalid();
}

/** The instants `[start, end)` of the period `label` in `timeZone`. */
export function periodRange(label: string, timeZone: string): { start: Date; end: Date } {
  assertTimeZone(timeZone);
  const { from, to } = parsePeriodLabel(label);
  return {
    start: localMidnight(parseLocalDate(from, "period"), timeZone),
    end: localMidnight(parseLocalDate(to, "period"), timeZone),
  };
}
