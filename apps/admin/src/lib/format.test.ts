import { describe, expect, it } from "vitest";
import { formatPeriod, formatPeriodTick, formatRange, formatValue, unitLabel } from "./format";

const us = { locale: "en-US", currency: "USD" };
const de = { locale: "de-DE", currency: "EUR" };

describe("formatValue", () => {
  it("formats money compact on cards and exact in tooltips", () => {
    expect(formatValue(1_234_567.891, "money", us, "compact")).toBe("$1.2M");
    expect(formatValue(1_234_567.8, "money", us)).toBe("$1,234,567.80");
    expect(formatValue(1234.5, "money", de)).toBe("1.234,50\u00a0€");
  });

  it("formats counts, hours, ratios, scores and percentage points", () => {
    expect(formatValue(12_345, "count", us, "compact")).toBe("12.3K");
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
