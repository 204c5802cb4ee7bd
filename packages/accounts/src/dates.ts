import { TZDate } from "@date-fns/tz";

/*
 * SPEC §8 windows. Dates are calendar dates in the organisation's zone; "the N days up to D" is
 * the local dates [D − (N − 1), D + 1), cut at local midnight (so a window across a DST change is
 * 23 or 25 hours longer or shorter than N × 24 h, as a calendar day is).
 */

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date YYYY-MM-DD. */
export function isLocalDate(value: string): boolean {
  const match = LOCAL_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const match = LOCAL_DATE.exec(date);
  if (!match) throw new RangeError(`not a date YYYY-MM-DD: ${date}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The instant local date `date` begins in `timeZone`. */
export function startOfLocalDate(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** The local date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`;
}

export type Window = { start: Date; end: Date };

/** The `days` local dates up to and including `date`, as instants [start, end). */
export function daysUpTo(date: string, days: number, timeZone: string): Window {
  return { start: startOfLocalDate(addDays(date, 1 - days), timeZone), end: startOfLocalDate(addDays(date, 1), timeZone) };
}

/** Every window §8 reads at date D. */
export type Windows = {
  asOf: string;
  /** [D − 364, D + 1) */
  year: Window;
  /** [D − 89, D + 1) */
  recent: Window;
  /** [D − 179, D − 89): the 90 days before the recent ones. */
  prior: Window;
};

export function windowsAt(asOf: string, timeZone: string): Windows {
  const recent = daysUpTo(asOf, 90, timeZone);
  return {
    asOf,
    year: daysUpTo(asOf, 365, timeZone),
    recent,
    prior: daysUpTo(addDays(asOf, -90), 90, timeZone),
  };
}

export const inWindow = (at: Date, w: Window) => at.getTime() >= w.start.getTime() && at.getTime() < w.end.getTime();
