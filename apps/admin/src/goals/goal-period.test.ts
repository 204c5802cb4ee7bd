import { describe, expect, it } from "vitest";
import {
  goalPeriodOfView,
  goalPeriodParam,
  parseGoalPeriod,
  periodContaining,
  periodDays,
  periodOptions,
  periodsUpTo,
  shiftGoalPeriod,
} from "./goal-period";

describe("parseGoalPeriod", () => {
  it("reads months, quarters and years as half-open ranges", () => {
    expect(parseGoalPeriod("2026-03")).toEqual({
      label: "2026-03",
      grain: "month",
      from: "2026-03-01",
      to: "2026-04-01",
    });
    expect(parseGoalPeriod("2026-Q4")).toEqual({
      label: "2026-Q4",
      grain: "quarter",
      from: "2026-10-01",
      to: "2027-01-01",
    });
    expect(parseGoalPeriod("2026")).toEqual({
      label: "2026",
      grain: "year",
      from: "2026-01-01",
      to: "2027-01-01",
    });
  });

  it("refuses anything else", () => {
    for (const bad of ["2026-13", "2026-Q5", "26", "2026-W01", "this_quarter", ""])
      expect(parseGoalPeriod(bad)).toBeNull();
  });
});

describe("shiftGoalPeriod", () => {
  it("steps across year ends in every grain", () => {
    expect(shiftGoalPeriod("2026-01", -1)).toBe("2025-12");
    expect(shiftGoalPeriod("2026-Q1", -1)).toBe("2025-Q4");
    expect(shiftGoalPeriod("2025-Q4", 1)).toBe("2026-Q1");
    expect(shiftGoalPeriod("2026", -3)).toBe("2023");
    expect(periodsUpTo("2026-Q2", 3)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"]);
  });
});

describe("period of the URL", () => {
  it("falls back to the running quarter", () => {
    expect(goalPeriodParam(null, "2026-12-04")).toBe("2026-Q4");
    expect(goalPeriodParam("last_quarter", "2026-12-04")).toBe("2026-Q4");
    expect(goalPeriodParam("2025-07", "2026-12-04")).toBe("2025-07");
    expect(periodContaining("2026-12-04", "month")).toBe("2026-12");
  });

  it("offers this month, quarter, year and last quarter first, and past periods after", () => {
    const groups = periodOptions("2026-12-04", "en-GB");
    expect(groups[0]?.items.map((i) => i.value)).toEqual(["2026-12", "2026-Q4", "2026", "2026-Q3"]);
    expect(groups[0]?.items[1]?.label).toBe("Q4 2026 (this quarter)");
    const values = groups.flatMap((g) => g.items.map((i) => i.value));
    expect(values).toContain("2024-Q1");
    expect(new Set(values).size).toBe(values.length);
  });

  it("keeps a chosen period outside the list selectable", () => {
    const groups = periodOptions("2026-12-04", "en-GB", "2015-Q2");
    expect(groups.at(-1)?.items.map((i) => i.value)).toEqual(["2015-Q2"]);
  });
});

describe("goalPeriodOfView", () => {
  const today = "2026-11-15";
  it("maps the presets", () => {
    expect(goalPeriodOfView({ preset: "this_month", from: "2026-11-01", to: "2026-11-16" }, today)).toBe(
      "2026-11",
    );
    expect(goalPeriodOfView({ preset: "this_quarter", from: "2026-10-01", to: "2026-11-16" }, today)).toBe(
      "2026-Q4",
    );
    expect(goalPeriodOfView({ preset: "last_quarter", from: "2026-07-01", to: "2026-10-01" }, today)).toBe(
      "2026-Q3",
    );
    expect(goalPeriodOfView({ preset: "year_to_date", from: "2026-01-01", to: "2026-11-16" }, today)).toBe(
      "2026",
    );
  });

  it("takes an exact month, quarter or year, else the quarter of the last day", () => {
    expect(goalPeriodOfView({ preset: "custom", from: "2026-04-01", to: "2026-07-01" }, today)).toBe(
      "2026-Q2",
    );
    expect(goalPeriodOfView({ preset: "custom", from: "2026-02-01", to: "2026-03-01" }, today)).toBe(
      "2026-02",
    );
    expect(goalPeriodOfView({ preset: "last_12_months", from: "2025-11-01", to: "2026-11-01" }, today)).toBe(
      "2026-Q4",
    );
  });
});

describe("periodDays", () => {
  it("splits a period into days passed and left", () => {
    const q = parseGoalPeriod("2026-Q4");
    if (!q) throw new Error("unreachable");
    expect(periodDays(q, 0.5)).toEqual({ total: 92, passed: 46, left: 46 });
  });
});
