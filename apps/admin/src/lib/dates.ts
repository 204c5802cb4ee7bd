// Calendar arithmetic on plain `YYYY-MM-DD` dates. Every date here is a
// calendar day in the organisation's time zone, so the maths runs in UTC to
// stay free of daylight-saving shifts.
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc";

dayjs.extend(utc);

export type IsoDate = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  return ISO_DATE.test(value) && dayjs.utc(value).format("YYYY-MM-DD") === value;
}

export function day(value: IsoDate): dayjs.Dayjs {
  return dayjs.utc(value);
}

export function iso(value: dayjs.Dayjs): IsoDate {
  return value.format("YYYY-MM-DD");
}

export function addDays(value: IsoDate, days: number): IsoDate {
  return iso(day(value).add(days, "day"));
}

export function addMonths(value: IsoDate, months: number): IsoDate {
  return iso(day(value).add(months, "month"));
}

export function daysBetween(from: IsoDate, to: IsoDate): number {
  return day(to).diff(day(from), "day");
}

// Pages ask for today on every render; building the format costs far more than using it.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date in `timeZone`, e.g. "2026-11-23". */
export function todayIn(timeZone: string, now: Date = new Date()): IsoDate {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    });
    dayFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}
