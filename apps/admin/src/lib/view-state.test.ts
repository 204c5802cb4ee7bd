import { describe, expect, it } from "vitest";
import { parseViewState, resolveView, writeViewState } from "./view-state";

describe("view state in the URL", () => {
  it("falls back to the last 12 months against the previous period", () => {
    expect(parseViewState(new URLSearchParams())).toEqual({
      preset: "last_12_months",
      range: null,
      compare: "previous",
      grain: null,
    });
  });

  it("ignores unknown values and invalid custom ranges", () => {
    const state = parseViewState(new URLSearchParams("period=custom&from=2026-02-30&to=2026-03-01&grain=hour"));
    expect(state).toEqual({ preset: "last_12_months", range: null, compare: "previous", grain: null });
  });

  it("round-trips a custom range and keeps unrelated params", () => {
    const state = {
      preset: "custom" as const,
      range: { from: "2026-01-01", to: "2026-04-01" },
      compare: "year" as const,
      grain: "week" as const,
    };
    const params = writeViewState(new URLSearchParams("tab=x"), state);
    expect(params.toString()).toBe("tab=x&period=custom&from=2026-01-01&to=2026-04-01&compare=year&grain=week");
    expect(parseViewState(params)).toEqual(state);
  });

  it("leaves defaults out of the URL", () => {
    const params = writeViewState(new URLSearchParams("period=this_month&compare=year"), {
      preset: "last_12_months",
      range: null,
      compare: "previous",
      grain: null,
    });
    expect(params.toString()).toBe("");
  });

  it("resolves the grain override over the preset's grain", () => {
    const view = resolveView({ preset: "this_month", range: null, compare: "year", grain: "week" }, "2026-11-23");
    expect(view.grain).toBe("week");
    expect(view.comparison).toEqual({ from: "2025-11-01", to: "2025-11-24" });
  });
});
