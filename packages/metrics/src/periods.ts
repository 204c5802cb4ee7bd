import { TZDate } from "@date-fns/tz";
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
 * Calendar arithmetic runs on "civil" dates: plain year / month / day numbers with no zone at all,
 * so adding days and months never meets a daylight-saving shift. A civil date becomes an instant
 * only at the end, through localMidnight(), in the organisation's zone. Everything but that last
 * step is integer arithmetic (a read builds many periods; Intl is slow).
 */
type CivilDate = { year: number; month: number; day: number };

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil); `month` 1–12. */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil. */
function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const dayNumber = (date: CivilDate) => daysFromCivil(date.year, date.month, date.day);

/**
 * The civil date of `year`, `monthIndex` (0-based) and `day`, overflowing into the next month or
 * year like the Date constructor does (years 0–99 included, which Date reads as 1900–1999).
 */
function civil(year: number, monthIndex: number, day: number): CivilDate {
  const y = year >= 0 && year <= 99 ? year + 1900 : year;
  const months = y * 12 + monthIndex;
  const normalisedYear = Math.floor(months / 12);
  const month = months - normalisedYear * 12 + 1;
  return civilFromDays(daysFromCivil(normalisedYear, month, 1) + day - 1);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => (n >= 1000 ? String(n) : String(n).padStart(4, "0"));

/** Monday 0 … Sunday 6 (1970-01-01 was a Thursday). */
const isoWeekdayIndex = (days: number) => (((days + 3) % 7) + 7) % 7;

function isoWeekOf(date: CivilDate): { weekYear: number; week: number } {
  const days = dayNumber(date);
  const thursday = days - isoWeekdayIndex(days) + 3;
  const weekYear = civilFromDays(thursday).year;
  return { weekYear, week: Math.floor((thursday - daysFromCivil(weekYear, 1, 1)) / 7) + 1 };
}

const startOfISOWeek = (date: CivilDate): CivilDate => {
  const days = dayNumber(date);
  return civilFromDays(days - isoWeekdayIndex(days));
};

function startOfGrain(date: CivilDate, grain: Grain): CivilDate {
  switch (grain) {
    case "day":
      return date;
    case "week":
      return startOfISOWeek(date);
    case "month":
      return { year: date.year, month: date.month, day: 1 };
    case "quarter":
      return { year: date.year, month: date.month - ((date.month - 1) % 3), day: 1 };
    case "year":
      return { year: date.year, month: 1, day: 1 };
  }
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** `months` later, the day clamped to the end of a shorter month (as date-fns addMonths does). */
function addMonths(date: CivilDate, months: number): CivilDate {
  const total = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

function addGrain(date: CivilDate, grain: Grain): CivilDate {
  switch (grain) {
    case "day":
      return civilFromDays(dayNumber(date) + 1);
    case "week":
      return civilFromDays(dayNumber(date) + 7);
    case "month":
      return addMonths(date, 1);
    case "quarter":
      return addMonths(date, 3);
    case "year":
      return addMonths(date, 12);
  }
}

function toLocalDateString(date: CivilDate): string {
  return `${pad4(date.year)}-${pad2(date.month)}-${pad2(date.day)}`;
}

function labelOf(start: CivilDate, grain: Grain): string {
  switch (grain) {
    case "day":
      return toLocalDateString(start);
    case "week": {
      const { weekYear, week } = isoWeekOf(start);
      return `${pad4(weekYear)}-W${pad2(week)}`;
    }
    case "month":
      return `${pad4(start.year)}-${pad2(start.month)}`;
    case "quarter":
      return `${pad4(start.year)}-Q${Math.floor((start.month - 1) / 3) + 1}`;
    case "year":
      return pad4(start.year);
  }
}

/*
 * Local midnights by zone and civil day, and local dates by zone and instant. Zone rules do not
 * change while the process runs, so a value once computed (through Intl, the slow part) stays
 * right; the caches are bounded all the same.
 */
const MAX_CACHED = 100_000;

class ZoneCache<V> {
  private readonly zones = new Map<string, Map<number, V>>();
  private size = 0;

  get(timeZone: string, key: number, compute: () => V): V {
    let zone = this.zones.get(timeZone);
    const known = zone?.get(key);
    if (known !== undefined) return known;
    const value = compute();
    if (this.size >= MAX_CACHED) {
      this.zones.clear();
      this.size = 0;
      zone = undefined;
    }
    if (!zone) {
      zone = new Map();
      this.zones.set(timeZone, zone);
    }
    zone.set(key, value);
    this.size++;
    return value;
  }
}

const midnights = new ZoneCache<number>();
const localDates = new ZoneCache<string>();

/** The instant at which `date` begins in `timeZone` (the first valid instant when midnight is skipped by DST). */
function localMidnight(date: CivilDate, timeZone: string): Date {
  const days = dayNumber(date);
  return new Date(
    midnights.get(timeZone, days, () => new TZDate(date.year, date.month - 1, date.day, timeZone).getTime()),
  );
}

/** The local date (YYYY-MM-DD) in `timeZone` of `instant`. */
export function localDateOf(instant: Date, timeZone: string): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid time value");
  return localDates.get(timeZone, instant.getTime(), () => {
    const local = new TZDate(instant.getTime(), timeZone);
    return toLocalDateString({
      year: local.getFullYear(),
      month: local.getMonth() + 1,
      day: local.getDate(),
    });
  });
}

function parseLocalDate(value: string, field: string): CivilDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match) {
    const [, y, m, d] = match.map(Number) as [number, number, number, number];
    const date = civil(y, m - 1, d);
    if (date.year === y && date.month === m && date.day === d) return date;
  }
  throw new MetricQueryError(field, `${field} must be a calendar date YYYY-MM-DD, got "${value}"`);
}

export function isGrain(value: unknown): value is Grain {
  return typeof value === "string" && (grains as readonly string[]).includes(value);
}

function assertGrain(grain: unknown): asserts grain is Grain {
  if (!isGrain(grain)) throw new MetricQueryError("grain", `grain must be one of ${grains.join(", ")}`);
}

const knownTimeZones = new Set<string>();

/**
 * An IANA zone name both ICU (here) and PostgreSQL (in the queries) understand alike.
 * UTC offsets such as "+01:00" are refused: PostgreSQL reads POSIX offsets with the opposite sign.
 */
export function assertTimeZone(timeZone: string): void {
  if (knownTimeZones.has(timeZone)) return;
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
  // Creating an Intl.DateTimeFormat is slow; the zones a process sees are few (bounded all the same).
  if (knownTimeZones.size >= 1000) knownTimeZones.clear();
  knownTimeZones.add(timeZone);
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
  const lastDay = dayNumber(last);
  if (dayNumber(first) >= lastDay) throw new MetricQueryError("to", "to must be after from");

  const periods: Period[] = [];
  let cursor = startOfGrain(first, grain);
  let start = localMidnight(cursor, timeZone);
  while (dayNumber(cursor) < lastDay) {
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

/** The instants `[start, end)` of the local dates `[from, to)` in `timeZone`: a range as one period. */
export function rangeBounds(from: string, to: string, timeZone: string): { start: Date; end: Date } {
  assertTimeZone(timeZone);
  const first = parseLocalDate(from, "from");
  const last = parseLocalDate(to, "to");
  if (dayNumber(first) >= dayNumber(last)) throw new MetricQueryError("to", "to must be after from");
  if (dayNumber(last) - dayNumber(first) > MAX_RANGE_DAYS) {
    throw new MetricQueryError("to", `the range covers more than ${MAX_RANGE_DAYS} days`);
  }
  return { start: localMidnight(first, timeZone), end: localMidnight(last, timeZone) };
}

/** The longest range read as one value: 100 years. */
const MAX_RANGE_DAYS = 36_525;

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
    const monday = civilFromDays(dayNumber(firstMonday) + 7 * (week - 1));
    if (week < 1 || isoWeekOf(monday).weekYear !== weekYear) throw invalid();
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
