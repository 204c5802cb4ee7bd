import { describe, expect, it } from "vitest";
import type { ChartRow } from "./chart-rows";
import { chartSummary } from "./chart-summary";

const row = (label: string, current: number | null): ChartRow => ({
  label,
  period: label,
  comparisonPeriod: null,
  current,
  comparison: null,
});
const base = {
  title: "Orders, monthly",
  format: (v: number) => `${v} orders`,
  currentLabel: "2026",
  comparisonLabel: "2025",
};

describe("chartSummary", () => {
  it("names the chart, its periods, first and last, lowest and highest value", () => {
    const rows = [row("Jan", 5), row("Feb", 2), row("Mar", null), row("Apr", 9), row("May", 7)];
    expect(chartSummary({ ...base, rows })).toBe(
      "Orders, monthly, 2026 compared with 2025: from 5 orders in Jan to 7 orders in May; " +
        "lowest 2 orders in Feb, highest 9 orders in Apr. Every value is in the table that follows.",
    );
  });

  it("says so when there is one value or none", () => {
    expect(chartSummary({ ...base, rows: [row("Jan", 3)] })).toBe(
      "Orders, monthly, 2026 compared with 2025: 3 orders in Jan. Every value is in the table that follows.",
    );
    expect(chartSummary({ ...base, rows: [row("Jan", null)] })).toBe(
      "Orders, monthly, 2026 compared with 2025: no values.",
    );
  });
});
