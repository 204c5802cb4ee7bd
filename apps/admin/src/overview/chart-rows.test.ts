import { describe, expect, it } from "vitest";
import { chartRows } from "./chart-rows";

describe("chartRows", () => {
  it("pairs periods by position and tolerates a shorter comparison", () => {
    const rows = chartRows(
      [
        { period: "2026-01", value: 5 },
        { period: "2026-02", value: null },
      ],
      [{ period: "2025-01", value: 4 }],
      "month",
      "en-US",
    );
    expect(rows).toEqual([
      { label: "Jan 2026", period: "2026-01", comparisonPeriod: "Jan 2025", current: 5, comparison: 4, partial: false },
      { label: "Feb 2026", period: "2026-02", comparisonPeriod: null, current: null, comparison: null, partial: false },
    ]);
  });

  it("compares the running bucket with the same days of the comparison's bucket", () => {
    const rows = chartRows(
      [
        { period: "2026-11", value: 300 },
        { period: "2026-12", value: 40 },
      ],
      [
        { period: "2025-11", value: 280 },
        { period: "2025-12", value: 310 },
      ],
      "month",
      "en-US",
      { period: "2026-12", sameDaysComparison: 35 },
    );
    expect(rows.map((r) => [r.current, r.comparison, r.partial])).toEqual([
      [300, 280, false],
      [40, 35, true],
    ]);
  });
});
