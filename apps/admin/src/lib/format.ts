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

const dateCache = new Map<string, Intl.DateTimeFormat>();

/** A UTC date format, built once per locale and options: building one costs far more than using it. */
function utcDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = dateCache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", ...options });
    dateCache.set(key, format);
  }
  return format;
}

/** From here on a card writes a figure in compact notation (12.3K); below it, in full (1,034). */
export const COMPACT_FROM = 10_000;

/** Full values: exact, with the unit's usual decimals (counts are whole numbers). */
function fullOptions(unit: Unit, currency: string): Intl.NumberFormatOptions {
  switch (unit) {
    case "money":
      return { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 };
    case "count":
      return { maximumFractionDigits: 0 };
    case "ratio":
      return { maximumFractionDigits: 2 };
    case "percent":
      return { style: "percent", maximumFractionDigits: 2 };
    case "score":
      return { maximumFractionDigits: 1 };
    case "hours":
      return { style: "unit", unit: "hour", unitDisplay: "short", maximumFractionDigits: 1 };
  }
}

/**
 * Card values, chosen by the size of `reference` so that a figure and its comparison, written with
 * the same options, have the same precision: three significant digits in compact notation from
 * COMPACT_FROM on ("$228M" and "$109M", never "$228.1M vs $109M"), fixed decimals below.
 */
function compactOptions(unit: Unit, currency: string, reference: number): Intl.NumberFormatOptions {
  const big = Math.abs(reference) >= COMPACT_FROM;
  const compact: Intl.NumberFormatOptions = { notation: "compact", minimumSignificantDigits: 3, maximumSignificantDigits: 3 };
  switch (unit) {
    case "money":
      if (big) return { style: "currency", currency, ...compact };
      return Math.abs(reference) >= 100
        ? { style: "currency", currency, minimumFractionDigits: 0, maximumFractionDigits: 0 }
        : { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 2 };
    case "count":
      return big ? compact : { maximumFractionDigits: 0 };
    case "ratio":
      return big ? compact : { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    case "percent":
      return { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 };
    case "score":
      return { minimumFractionDigits: 1, maximumFractionDigits: 1 };
    case "hours":
      return big
        ? { style: "unit", unit: "hour", unitDisplay: "short", ...compact }
        : { style: "unit", unit: "hour", unitDisplay: "short", minimumFractionDigits: 1, maximumFractionDigits: 1 };
  }
}

function finite(value: number | null | undefined): value is number {
  return value !== null && value !== undefined && Number.isFinite(value);
}

// Percentages arrive in percentage points (0–100); Intl expects fractions.
const scaled = (value: number, unit: Unit) => (unit === "percent" ? value / 100 : value);

/** "—" for a missing value (a ratio without denominator). */
export function formatValue(
  value: number | null | undefined,
  unit: Unit,
  settings: LocaleSettings,
  style: NumberStyle = "full",
): string {
  if (!finite(value)) return "—";
  const opts = style === "compact" ? compactOptions(unit, settings.currency, value) : fullOptions(unit, settings.currency);
  return numberFormat(settings.locale, opts).format(scaled(value, unit));
}

/** A card's figure and its comparison at the same precision (chosen by the larger of the two). */
export function formatPair(
  current: number | null | undefined,
  previous: number | null | undefined,
  unit: Unit,
  settings: LocaleSettings,
): [string, string] {
  const reference = Math.max(finite(current) ? Math.abs(current) : 0, finite(previous) ? Math.abs(previous) : 0);
  const format = numberFormat(settings.locale, compactOptions(unit, settings.currency, reference));
  const one = (value: number | null | undefined) => (finite(value) ? format.format(scaled(value, unit)) : "—");
  return [one(current), one(previous)];
}

/** An axis tick: short, no more digits than the tick needs ("50", "2.5M", "$100K", "25%"). */
export function formatTick(value: number, unit: Unit, settings: LocaleSettings): string {
  const big = Math.abs(value) >= 1000;
  const digits: Intl.NumberFormatOptions = big
    ? { notation: "compact", maximumSignificantDigits: 3 }
    : { maximumFractionDigits: unit === "money" ? 0 : 2 };
  switch (unit) {
    case "money":
      return numberFormat(settings.locale, { style: "currency", currency: settings.currency, ...digits }).format(value);
    case "percent":
      return numberFormat(settings.locale, { style: "percent", maximumFractionDigits: 1 }).format(value / 100);
    default:
      return numberFormat(settings.locale, digits).format(value);
  }
}

/**
 * Axis ticks at round steps (1, 2, 2.5 or 5 × 10ⁿ) from 0 (or below, for negative values) to at
 * or above `max`, in about `count` intervals: 0/50/100/150/200, never 55/110/165. Whole steps
 * only when `integers` (counts).
 */
export function niceTicks(min: number, max: number, count = 4, integers = false): number[] {
  const low = Math.min(0, min);
  const high = Math.max(0, max) === low ? low + 1 : Math.max(0, max);
  // At most count + 1 intervals: the top tick stays close to the largest value.
  const raw = (high - low) / (count + 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw - 1e-12) ?? 10) * power;
  if (integers) step = Math.max(1, Math.ceil(step));
  const first = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let i = 0; ; i++) {
    const tick = Number((first + i * step).toPrecision(12));
    ticks.push(tick);
    if (tick >= high) break;
  }
  return ticks;
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

/** The grain of an API period label ("2026-W02" → week), null for anything else. */
export function grainOfLabel(period: string): Grain | null {
  if (/^\d{4}$/.test(period)) return "year";
  if (/^\d{4}-Q[1-4]$/.test(period)) return "quarter";
  if (/^\d{4}-W\d{2}$/.test(period)) return "week";
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) return "month";
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(period)) return "day";
  return null;
}

/** Labels the API's period keys: "2026-01" → "Jan 2026", "2026-Q1" → "Q1 2026". */
export function formatPeriod(period: string, grain: Grain, locale: string): string {
  // A label of another grain (or none at all) is shown as it is, never turned into "Invalid Date".
  if (grainOfLabel(period) !== grain) return period;
  const utc = (year: number, month = 0, date = 1) => new Date(Date.UTC(year, month, date));
  const dateFormat = (opts: Intl.DateTimeFormatOptions) => utcDateFormat(locale, opts);
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
  if (grainOfLabel(period) !== grain) return period;
  const [yearText = "", rest = ""] = period.split("-");
  const yearStarts =
    first || (grain === "month" && rest === "01") || (grain === "quarter" && rest === "Q1") || (grain === "week" && rest === "W01");
  switch (grain) {
    case "month":
      return yearStarts
        ? formatPeriod(period, grain, locale)
        : utcDateFormat(locale, { month: "short" }).format(new Date(Date.UTC(Number(yearText), Number(rest) - 1, 1)));
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
  const format = utcDateFormat(locale, { month: "short", day: "numeric", year: "numeric" });
  return format.formatRange(toDate(range.from), toDate(addDays(range.to, -1)));
}
