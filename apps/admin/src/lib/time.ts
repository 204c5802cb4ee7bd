// Instants (UTC ISO strings from the server) shown in the organisation's time
// zone, and calendar days of that zone turned back into instants for queries.
import { addDays, type IsoDate } from "./dates";

/** "Mar 4, 2026, 14:05" in `timeZone`; the server's instants are UTC. */
export function formatInstant(instant: string, timeZone: string, locale: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(date);
}

/** "2026-03-04 13:05:09 UTC", for tooltips: the stored, unambiguous time. */
export function formatUtc(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Berlin in winter: 60). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant a calendar day starts in `timeZone`, as a UTC ISO string. */
export function startOfDayIn(date: IsoDate, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  // Two rounds settle days on which the offset changes.
  let guess = midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000;
  guess = midnightUtc - offsetMinutes(new Date(guess), timeZone) * 60_000;
  return new Date(guess).toISOString();
}

/** The half-open instant range `[start of first, start of the day after last)` in `timeZone`. */
export function dayRangeIn(first: IsoDate, last: IsoDate, timeZone: string): { from: string; to: string } {
  return { from: startOfDayIn(first, timeZone), to: startOfDayIn(addDays(last, 1), timeZone) };
}
