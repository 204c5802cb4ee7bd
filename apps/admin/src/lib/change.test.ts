import { describe, expect, it } from "vitest";
import { changeTone, computeChange, formatChange } from "./change";

const us = { locale: "en-US", currency: "USD" };

describe("KPI change", () => {
  it("is relative for amounts and counts", () => {
    const change = computeChange(110, 100, "money");
    expect(change).toEqual({ kind: "relative", ratio: expect.closeTo(0.1, 9) });
    expect(formatChange(change, us)).toBe("+10%");
  });

  it("is in points for percentages and scores", () => {
    const change = computeChange(42.5, 40, "percent");
    expect(change).toEqual({ kind: "points", points: 2.5 });
    expect(formatChange(change, us)).toBe("+2.5 pts");
  });

  it("has no change without a comparison value", () => {
    expect(computeChange(5, 0, "count")).toEqual({ kind: "none" });
    expect(computeChange(null, 3, "ratio")).toEqual({ kind: "none" });
    expect(formatChange({ kind: "none" }, us)).toBe("—");
  });

  it("colours by direction, not by sign", () => {
    expect(changeTone(computeChange(12, 10, "count"), "higher")).toBe("better");
    expect(changeTone(computeChange(12, 10, "count"), "lower")).toBe("worse");
    expect(changeTone(computeChange(8, 10, "count"), "lower")).toBe("better");
    expect(changeTone(computeChange(10, 10, "count"), "lower")).toBe("neutral");
  });
});
