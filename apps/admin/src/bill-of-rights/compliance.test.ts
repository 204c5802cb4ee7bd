import { describe, expect, it } from "vitest";
import { compliance, promiseKey } from "./compliance";

describe("compliance", () => {
  it("counts met and on-track promises out of those that can be judged", () => {
    const result = compliance([
      { status: "met" },
      { status: "on_track" },
      { status: "at_risk" },
      { status: "missed" },
      { status: "not_started" },
      { status: "no_data" },
    ]);
    expect(result).toEqual({ kept: 2, judged: 4, share: 0.5 });
  });

  it("has no share when nothing can be judged", () => {
    expect(compliance([{ status: "not_started" }])).toEqual({ kept: 0, judged: 0, share: null });
    expect(compliance([])).toEqual({ kept: 0, judged: 0, share: null });
  });

  it("matches a promise across periods by department, metric and sentence", () => {
    const a = { department: "service", metric: "complaints", promise: "Every complaint answered in 24 h" };
    expect(promiseKey(a)).toBe(promiseKey({ ...a }));
    expect(promiseKey(a)).not.toBe(promiseKey({ ...a, department: "sales" }));
  });
});
