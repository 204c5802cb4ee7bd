import { describe, expect, it } from "vitest";
import {
  formatPair,
  formatPeriod,
  formatPeriodTick,
  formatRange,
  formatTick,
  formatValue,
  niceTicks,
  unitLabel,
} from "./format";

const us = { locale: "en-US", currency: "USD" };
const de = { locale: "de-DE", currency: "EUR" };

describe("formatValue", () => {
  it("formats money compact on cards and exact in tooltips", () => {
    expect(formatValue(1_234_567.891, "money", us, "compact")).toBe("$1.23M");
    expect(formatValue(1_234_567.8, "money", us)).toBe("$1,234,567.80");
    expect(formatValue(1234.5, "money", de)).toBe("1.234,50\u00a0€");
  });

  it("formats counts, hours, ratios, scores and percentage points", () => {
    expect(formatValue(12_345, "count", us, "compact")).toBe("12.3K");
    // Below 10,000 a count is written in full: 1,034 is not "1K".
    expect(formatValue(1_034, "count", us, "compact")).toBe("1,034");
    expect(formatValue(622.4, "count", us, "compact")).toBe("622");
    expect(formatValue(12_345, "count", us)).toBe("12,345");
    expect(formatValue(3.25, "hours", us)).toBe("3.3 hr");
    expect(formatValue(1.2345, "ratio", us)).toBe("1.23");
    expect(formatValue(-12.5, "score", us)).toBe("-12.5");
    expect(formatValue(87.456, "percent", us)).toBe("87.46%");
    expect(formatValue(87.456, "percent", us, "compact")).toBe("87.5%");
  });

  it("shows a dash for missing values", () => {
    expect(formatValue(null, "percent", us)).toBe("—");
    expect(formatValue(Number.NaN, "count", us)).toBe("—");
  });
});

describe("a figure and its comparison", () => {
  it("share one precision", () => {
    expect(formatPair(228_123_456, 109_000_000, "money", us)).toEqual(["$228M", "$109M"]);
    expect(formatPair(1_534, 622, "count", us)).toEqual(["1,534", "622"]);
    expect(formatPair(15_340, 9_620, "count", us)).toEqual(["15.3K", "9.62K"]);
    expect(formatPair(4.25, 4, "percent", us)).toEqual(["4.3%", "4.0%"]);
    expect(formatPair(12.5, 8, "hours", us)).toEqual(["12.5 hr", "8.0 hr"]);
    expect(formatPair(1.5, null, "ratio", us)).toEqual(["1.50", "—"]);
  });
});

describe("axis ticks", () => {
  it("step by round numbers from zero", () => {
    expect(niceTicks(0, 220)).toEqual([0, 50, 100, 150, 200, 250]);
    expect(niceTicks(3, 165)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(0, 1.8)).toEqual([0, 0.5, 1, 1.5, 2]);
    expect(niceTicks(0, 228_100_000)).toEqual([0, 50_000_000, 100_000_000, 150_000_000, 200_000_000, 250_000_000]);
  });

  it("go below zero for negative values and stay whole for counts", () => {
    expect(niceTicks(-40, 60)).toEqual([-40, -20, 0, 20, 40, 60]);
    expect(niceTicks(0, 3, 4, true)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0, 0)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("are written short", () => {
    expect(formatTick(150_000_000, "money", us)).toBe("$150M");
    expect(formatTick(2_500, "count", us)).toBe("2.5K");
    expect(formatTick(50, "count", us)).toBe("50");
    expect(formatTick(25, "percent", us)).toBe("25%");
  });
});

describe("labels", () => {
  it("names units for axes", () => {
    expect(unitLabel("money", "EUR")).toBe("EUR");
    expect(unitLabel("count", "EUR")).toBe("count");
  });

  it("labels API periods", () => {
    expect(formatPeriod("2026-01", "month", "en-US")).toBe("Jan 2026");
    expect(formatPeriod("2026-Q1", "quarter", "en-US")).toBe("Q1 2026");
    expect(formatPeriod("2026-W02", "week", "en-US")).toBe("W02 2026");
    expect(formatPeriod("2026-01-05", "day", "en-US")).toBe("Jan 5");
    expect(formatPeriod("2026", "year", "en-US")).toBe("2026");
  });

  it("shows a label of another grain as it is instead of failing", () => {
    expect(formatPeriod("2026-W40", "month", "en-US")).toBe("2026-W40");
    expect(formatPeriodTick("2026-W40", "month", "en-US", true)).toBe("2026-W40");
  });

  it("keeps axis ticks short, naming the year where it changes", () => {
    expect(formatPeriodTick("2025-11", "month", "en-US", true)).toBe("Nov 2025");
    expect(formatPeriodTick("2025-12", "month", "en-US", false)).toBe("Dec");
    expect(formatPeriodTick("2026-01", "month", "en-US", false)).toBe("Jan 2026");
    expect(formatPeriodTick("2026-Q2", "quarter", "en-US", false)).toBe("Q2");
    expect(formatPeriodTick("2026-W07", "week", "en-US", false)).toBe("W07");
  });

  it("shows a half-open range with its inclusive last day", () => {
    // ICU puts thin spaces around the dash; compare with plain ones.
    const text = formatRange({ from: "2026-01-01", to: "2026-04-01" }, "en-US").replace(/\s/g, " ");
    expect(text).toBe("Jan 1 – Mar 31, 2026");
  });
});
