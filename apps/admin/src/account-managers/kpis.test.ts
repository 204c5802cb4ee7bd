import { describe, expect, it } from "vitest";
import { compareKpi, loadPercent, MANAGER_KPIS } from "./kpis";

const kpi = (key: string) => MANAGER_KPIS.find((k) => k.key === key)!;

describe("compareKpi", () => {
  it("judges a change by the KPI's direction, not by its sign", () => {
    expect(compareKpi(kpi("revenue"), 150, 100)).toMatchObject({
      delta: 50,
      change: { kind: "relative", ratio: 0.5 },
      tone: "better",
    });
    expect(compareKpi(kpi("complaints"), 6, 4)).toMatchObject({ delta: 2, tone: "worse" });
    expect(compareKpi(kpi("complaints"), 2, 4)).toMatchObject({
      delta: -2,
      change: { kind: "relative", ratio: -0.5 },
      tone: "better",
    });
    expect(compareKpi(kpi("tier_downgrades"), 0, 3)).toMatchObject({ tone: "better" });
  });

  it("is neutral without a change or without one of the values", () => {
    expect(compareKpi(kpi("praise"), 3, 3)).toMatchObject({ delta: 0, tone: "neutral" });
    expect(compareKpi(kpi("purchase_frequency"), null, 1.5)).toMatchObject({
      delta: null,
      change: { kind: "none" },
      tone: "neutral",
    });
    expect(compareKpi(kpi("purchase_frequency"), 1.5, null)).toMatchObject({ delta: null, tone: "neutral" });
  });

  it("calls growth from zero better or worse though it has no percentage", () => {
    expect(compareKpi(kpi("new_customers"), 2, 0)).toMatchObject({
      delta: 2,
      change: { kind: "none" },
      tone: "better",
    });
    expect(compareKpi(kpi("churned_customers"), 1, 0)).toMatchObject({
      delta: 1,
      change: { kind: "none" },
      tone: "worse",
    });
  });
});

describe("load", () => {
  it("fills the load bar by served ÷ capacity, full at or above capacity and with no capacity", () => {
    expect(loadPercent(12, 50)).toBe(24);
    expect(loadPercent(60, 50)).toBe(100);
    expect(loadPercent(0, 0)).toBe(100);
  });
});
