/** Time arithmetic in UTC milliseconds; the demo cuts months and quarters in UTC (the default zone). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const YEAR = 365.25 * DAY;
/** An average month, to turn monthly rates into rates for partial months. */
export const MONTH = YEAR / 12;

/** A calendar month of the demo window, clipped to the window's start and end. */
export type MonthSlot = { index: number; start: number; end: number; year: number; month: number };

/** `today` minus `months` calendar months, as JavaScript's own month arithmetic does it. */
export function monthsBefore(today: Date, months: number): number {
  const start = new Date(today.getTime());
  start.setUTCMonth(start.getUTCMonth() - months);
  return start.getTime();
}

/** The calendar months that intersect [start, end), in order, clipped to it. */
export function monthSlots(start: number, end: number): MonthSlot[] {
  const slots: MonthSlot[] = [];
  const first = new Date(start);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth();
  for (let from = start; from < end;) {
    const next = Date.UTC(year, month + 1, 1);
    slots.push({ index: slots.length, start: from, end: Math.min(next, end), year, month });
    from = next;
    month += 1;
    if (month === 12) {
      month = 0;
      year += 1;
    }
  }
  return slots;
}

/** `2026-Q3`. */
export function quarterLabel(t: number): string {
  const date = new Date(t);
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** Start and end (exclusive) of the quarter `offset` quarters after the one holding `t`. */
export function quarterBounds(t: number, offset = 0): { label: string; start: number; end: number } {
  const date = new Date(t);
  const first = Math.floor(date.getUTCMonth() / 3) * 3 + offset * 3;
  const start = Date.UTC(date.getUTCFullYear(), first, 1);
  return { label: quarterLabel(start), start, end: Date.UTC(date.getUTCFullYear(), first + 3, 1) };
}

/** Day of the week of `t` in UTC, 0 = Sunday (1970-01-01 was a Thursday). */
export function weekday(t: number): number {
  return (Math.floor(t / DAY) + 4) % 7;
}

const twoDigits = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
const dayPrefixes = new Map<number, string>();

/**
 * ISO-8601 in UTC to the second, e.g. `2026-01-05T09:30:00Z`. Hundreds of thousands are written per
 * demo, so the date part is cached per day and the time assembled from a table.
 */
export function isoTimestamp(t: number): string {
  const day = Math.floor(t / DAY);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  const seconds = Math.floor((t - day * DAY) / 1000);
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor(seconds / 60) % 60;
  return `${prefix}${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[seconds % 60]}Z`;
}
