import { describe, expect, it } from "vitest";
import {
  filterWords,
  mostAtRisk,
  previewStatus,
  shortfall,
  targetProblem,
  weightProblem,
  whatItTakes,
} from "./goal-rules";

const settings = { locale: "en-US", currency: "EUR" };

describe("previewStatus (SPEC §6)", () => {
  const running = { additive: true, direction: "higher" as const, elapsed: 0.5, started: true };
  it("expects target × elapsed for an additive metric in a running period", () => {
    expect(previewStatus({ ...running, target: 100, actual: 50 })).toEqual({
      expected: 50,
      status: "on_track",
    });
    expect(previewStatus({ ...running, target: 100, actual: 45 })).toEqual({
      expected: 50,
      status: "at_risk",
    });
    expect(previewStatus({ ...running, target: 100, actual: 44.9 })).toEqual({
      expected: 50,
      status: "off_track",
    });
  });

  it("expects the target itself for a rate, with the band above it when lower is better", () => {
    const rate = { additive: false, direction: "lower" as const, elapsed: 0.3, started: true, target: 10 };
    expect(previewStatus({ ...rate, actual: 10 }).status).toBe("on_track");
    expect(previewStatus({ ...rate, actual: 11 }).status).toBe("at_risk");
    expect(previewStatus({ ...rate, actual: 11.01 }).status).toBe("off_track");
  });

  it("judges a finished period against the target, and knows no data and not started", () => {
    expect(previewStatus({ ...running, elapsed: 1, target: 100, actual: 100 }).status).toBe("met");
    expect(previewStatus({ ...running, elapsed: 1, target: 100, actual: 99 }).status).toBe("missed");
    expect(previewStatus({ ...running, target: 100, actual: null }).status).toBe("no_data");
    expect(previewStatus({ ...running, elapsed: 0, started: false, target: 100, actual: 5 }).status).toBe(
      "not_started",
    );
  });
});

describe("mostAtRisk", () => {
  it("puts off track first, then at risk, each by the widest gap; others are left out", () => {
    const goals = [
      { id: "a", status: "at_risk", actual: 90, expected: 100, direction: "higher" as const },
      { id: "b", status: "off_track", actual: 50, expected: 100, direction: "higher" as const },
      { id: "c", status: "off_track", actual: 150, expected: 100, direction: "lower" as const },
      { id: "d", status: "on_track", actual: 100, expected: 100, direction: "higher" as const },
      { id: "e", status: "at_risk", actual: 95, expected: 100, direction: "higher" as const },
    ];
    expect(mostAtRisk(goals).map((g) => g.id)).toEqual(["b", "c", "a", "e"]);
    expect(shortfall(goals[3]!)).toBe(0);
  });
});

describe("whatItTakes", () => {
  const base = { metricName: "Orders", unit: "count" as const, additive: true, direction: "higher" as const };
  it("says the daily rate needed against the rate so far", () => {
    expect(whatItTakes({ ...base, target: 3000, actual: 1736, daysPassed: 62, daysLeft: 34 }, settings)).toBe(
      "Needs 37.2 orders a day for 34 days; 28 a day so far.",
    );
  });

  it("allows a rate when lower is better, and says when the limit is past", () => {
    const complaints = { ...base, metricName: "Complaints", direction: "lower" as const };
    expect(
      whatItTakes({ ...complaints, target: 100, actual: 40, daysPassed: 40, daysLeft: 60 }, settings),
    ).toBe("Allows at most 1 complaints a day for 60 days; 1 a day so far.");
    expect(
      whatItTakes({ ...complaints, target: 100, actual: 120, daysPassed: 40, daysLeft: 60 }, settings),
    ).toMatch(/^Already past the limit/);
  });

  it("speaks of a level for a rate, not of a daily amount", () => {
    const rate = {
      metricName: "On-time delivery",
      unit: "percent" as const,
      additive: false,
      direction: "higher" as const,
    };
    expect(whatItTakes({ ...rate, target: 95, actual: 92.1, daysPassed: 10, daysLeft: 20 }, settings)).toBe(
      "Needs to rise from 92.1% to 95% within 20 days; this is a level over the whole period, not a sum.",
    );
    expect(whatItTakes({ ...rate, target: 95, actual: 96, daysPassed: 10, daysLeft: 20 }, settings)).toMatch(
      /hold it/,
    );
  });

  it("says nothing outside a running period", () => {
    expect(whatItTakes({ ...base, target: 1, actual: 1, daysPassed: 92, daysLeft: 0 }, settings)).toBeNull();
  });
});

describe("target and weight checks", () => {
  it("words the range of the metric's unit", () => {
    expect(targetProblem(120, "percent")).toBe("Must be a percentage from 0 to 100");
    expect(targetProblem(-101, "score")).toBe("Must be a score from −100 to 100");
    expect(targetProblem(-1, "money")).toBe("Must be 0 or more");
    expect(targetProblem(2.5, "count")).toBe("A count must be a whole number");
    expect(targetProblem("", "count")).toBe("Enter a target");
    expect(targetProblem(95.5, "percent")).toBeNull();
    expect(weightProblem(0)).toBe("Must be above 0 and at most 1,000");
    expect(weightProblem(1.234)).toBe("At most 2 decimals");
    expect(weightProblem(2)).toBeNull();
  });
});

describe("filterWords (a goal's filter, SPEC §6)", () => {
  it("names the manager and the customer, or nothing without a filter", () => {
    expect(filterWords(null)).toBeNull();
    expect(filterWords({})).toBeNull();
    expect(filterWords({ accountManager: "am@example.com" })).toBe("account manager am@example.com");
    expect(filterWords({ customer: "c-1" })).toBe("customer c-1");
    expect(filterWords({ accountManager: "am@example.com", customer: "c-1" })).toBe(
      "account manager am@example.com · customer c-1",
    );
  });
});
