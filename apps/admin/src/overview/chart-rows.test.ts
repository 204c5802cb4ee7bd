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
      { label: "Jan 2026", period: "2026-01", comparisonPeriod: "Jan 2025", current: 5, comparison: 4 },
      { label: "Feb 2026", period: "2026-02", comparisonPeriod: null, current: null, comparison: null },
    ]);
  });
});
