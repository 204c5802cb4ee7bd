// Number, period and date formatting through Intl, in the organisation's
// locale and currency. Cards use compact notation; tooltips the full value.
import type { Grain } from "./period";
import type { DateRange } from "./period";
import { addDays } from "./dates";

export type Unit = "money" | "count" | "ratio" | "percent" | "score" | "hours";
export type NumberStyle = "compact" | "full";
export type LocaleSettings = { locale: string; currency: string };

const cache = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

function options(unit: Unit, currency: string, style: NumberStyle): Intl.NumberFormatOptions {
  const compact: Intl.NumberFormatOptions =
    style === "compact" ? { notation: "compact", maximumFractionDigits: 1 } : {};
  switch (unit) {
    case "money":
      return style === "compact"
        ? { style: "currency", currency, ...compact }
        : { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 };
    case "count":
      return { maximumFractionDigits: 1, ...compact };
    case "ratio":
      return { maximumFractionDigits: 2, ...compact };
    case "percent":
      return { style: "percent", maximumFractionDigits: style === "compact" ? 1 : 2 };
    case "score":
      return { maximumFractionDigits: 1 };
    case "hours":
      return { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 };
  }
}

/** "—" for a missing value (a ratio without denominator). */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  settings: LocaleSettings,
  style: NumberStyle = "full",
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  // Percentages arrive in percentage points (0–100); Intl expects fractions.
  const scaled = unit === "percent" ? value / 100 : value;
  return numberFormat(settings.locale, options(unit, settings.currency, style)).format(scaled);
}

/** Short unit name for axis labels: "Revenue (EUR)", "Orders (count)". */
export function unitLabel(unit: Unit, currency: string): string {
  switch (unit) {
    case "money":
      return currency;
    case "count":
      return "count";
    case "ratio":
      return "ratio";
    case "percent":
      return "%";
    case "score":
      return "score";
    case "hours":
      return "hours";
  }
}

/** Labels the API's period keys: "2026-01" → "Jan 2026", "2026-Q1" → "Q1 2026". */
export function formatPeriod(period: string, grain: Grain, locale: string): string {
  const utc = (year: number, month = 0, date = 1) => new Date(Date.UTC(year, month, date));
  const dateFormat = (opts: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...opts });
  const [yearText = "", rest = ""] = period.split("-");
  const year = Number(yearText);
  switch (grain) {
    case "year":
      return yearText;
    case "quarter":
      return `${rest} ${yearText}`;
    case "month":
      return dateFormat({ month: "short", year: "numeric" }).format(utc(year, Number(rest) - 1));
    case "week":
      return `W${rest.replace(/^W/, "")} ${yearText}`;
    case "day": {
      const [, month = "1", date = "1"] = period.split("-");
      return dateFormat({ month: "short", day: "numeric" }).format(utc(year, Number(month) - 1, Number(date)));
    }
  }
}

/**
 * A short axis tick: the year only where it changes ("Nov 2025", "Dec", "Jan 2026"),
 * or on the first tick.
 */
export function formatPeriodTick(period: string, grain: Grain, locale: string, first: boolean): string {
  const [yearText = "", rest = ""] = period.split("-");
  const yearStarts =
    first || (grain === "month" && rest === "01") || (grain === "quarter" && rest === "Q1") || (grain === "week" && rest === "W01");
  switch (grain) {
    case "month":
      return yearStarts
        ? formatPeriod(period, grain, locale)
        : new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short" }).format(
            new Date(Date.UTC(Number(yearText), Number(rest) - 1, 1)),
          );
    case "quarter":
      return yearStarts ? formatPeriod(period, grain, locale) : rest;
    case "week":
      return yearStarts ? formatPeriod(period, grain, locale) : rest;
    case "day":
    case "year":
      return formatPeriod(period, grain, locale);
  }
}

/** "Jan 1 – Mar 31, 2026" for the half-open range [from, to). */
export function formatRange(range: DateRange, locale: string): string {
  const toDate = (value: string) => new Date(`${value}T00:00:00Z`);
  const format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", month: "short", day: "numeric", year: "numeric" });
  return format.formatRange(toDate(range.from), toDate(addDays(range.to, -1)));
}
