import { describe, expect, it } from "vitest";
import { getMetric } from "@retain/metrics";
import { GoalError } from "./errors";
import {
  attainment,
  checkTarget,
  companyScore,
  departmentScore,
  elapsedFraction,
  evaluateGoal,
  expectedValue,
  forecastValue,
  goalPeriod,
  goalStatus,
  periodPhase,
  shiftPeriod,
} from "./rules";

// March 2026 in UTC: 31 days, [2026-03-01T00:00Z, 2026-04-01T00:00Z).
const march = goalPeriod("2026-03", "UTC");
const at = (iso: string) => new Date(iso);
const BEFORE = at("2026-02-20T00:00:00Z");
const START = at("2026-03-01T00:00:00Z");
const MIDDLE = at("2026-03-16T12:00:00Z"); // 15.5 of 31 days: exactly half
const END = at("2026-04-01T00:00:00Z");

function refused(run: () => unknown): GoalError {
  try {
    run();
  } catch (error) {
    if (error instanceof GoalError) return error;
    throw error;
  }
  throw new Error("expected a GoalError");
}

describe("goalPeriod", () => {
  it("cuts a month, a quarter and a year at local midnight in UTC", () => {
    expect(march).toMatchObject({
      grain: "month",
      from: "2026-03-01",
      to: "2026-04-01",
      start: START,
      end: END,
    });
    expect(goalPeriod("2026-Q1", "UTC")).toMatchObject({
      grain: "quarter",
      start: at("2026-01-01T00:00:00Z"),
      end: at("2026-04-01T00:00:00Z"),
    });
    expect(goalPeriod("2026", "UTC")).toMatchObject({
      grain: "year",
      from: "2026-01-01",
      to: "2027-01-01",
    });
  });

  it("cuts in the organisation's zone (Berlin: UTC+1 in winter, UTC+2 from 29 March)", () => {
    const q1 = goalPeriod("2026-Q1", "Europe/Berlin");
    expect(q1.start).toEqual(at("2025-12-31T23:00:00Z"));
    expect(q1.end).toEqual(at("2026-03-31T22:00:00Z"));
  });

  it("refuses weeks, days and malformed labels, naming the field", () => {
    for (const label of ["2026-W02", "2026-01-05", "2026-13", "2026-Q5", "26", ""]) {
      const error = refused(() => goalPeriod(label, "UTC", "from"));
      expect(error.field).toBe("from");
      expect(error.code).toBe("BAD_REQUEST");
    }
  });
});

describe("periodPhase", () => {
  it("is not started before the start, running from the start, finished at the end", () => {
    expect(periodPhase(march, BEFORE)).toBe("not_started");
    expect(periodPhase(march, START)).toBe("running");
    expect(periodPhase(march, MIDDLE)).toBe("running");
    expect(periodPhase(march, at("2026-03-31T23:59:59.999Z"))).toBe("running");
    expect(periodPhase(march, END)).toBe("finished");
  });
});

describe("elapsedFraction", () => {
  it("is 0 before and at the start, ½ in the middle, 1 at and after the end", () => {
    expect(elapsedFraction(march, BEFORE)).toBe(0);
    expect(elapsedFraction(march, START)).toBe(0);
    expect(elapsedFraction(march, MIDDLE)).toBe(0.5);
    expect(elapsedFraction(march, END)).toBe(1);
    expect(elapsedFraction(march, at("2026-06-01T00:00:00Z"))).toBe(1);
  });

  it("measures real time in the zone: March in Berlin lasts 743 hours (the clocks go forward)", () => {
    const berlin = goalPeriod("2026-03", "Europe/Berlin");
    expect(berlin.end.getTime() - berlin.start.getTime()).toBe(743 * 3_600_000);
    // 2026-02-28T23:00Z + 372 h = 2026-03-16T11:00Z
    expect(elapsedFraction(berlin, at("2026-03-16T11:00:00Z"))).toBe(372 / 743);
  });
});

describe("expectedValue", () => {
  it("is target × elapsed for an additive metric in a running period", () => {
    expect(expectedValue(200, true, "running", 0.5)).toBe(100);
    expect(expectedValue(200, true, "running", 0)).toBe(0);
  });
  it("is the target for a non-additive metric, a finished period, and before the start", () => {
    expect(expectedValue(40, false, "running", 0.5)).toBe(40);
    expect(expectedValue(200, true, "finished", 1)).toBe(200);
    expect(expectedValue(200, true, "not_started", 0)).toBe(200);
  });
});

describe("forecastValue", () => {
  it("projects an additive actual to the period's end while it runs", () => {
    expect(forecastValue(90, true, "running", 0.5)).toBe(180);
    expect(forecastValue(30, true, "running", 0.25)).toBe(120);
  });
  it("is the actual for a non-additive metric, and once the period has ended", () => {
    expect(forecastValue(30, false, "running", 0.5)).toBe(30);
    expect(forecastValue(90, true, "finished", 1)).toBe(90);
  });
  it("is null before the start, without an actual, and with nothing elapsed to project from", () => {
    expect(forecastValue(90, true, "not_started", 0)).toBeNull();
    expect(forecastValue(null, false, "running", 0.5)).toBeNull();
    expect(forecastValue(0, true, "running", 0)).toBeNull();
  });
});

describe("goalStatus", () => {
  const running = (actual: number | null, expected: number, direction: "higher" | "lower") =>
    goalStatus({ actual, target: 2 * expected, expected, direction, phase: "running" });

  it("higher is better, running: on track at the expected value, at risk down to 90 %, off track below", () => {
    expect(running(120, 100, "higher")).toBe("on_track");
    expect(running(100, 100, "higher")).toBe("on_track");
    expect(running(95, 100, "higher")).toBe("at_risk");
    expect(running(90, 100, "higher")).toBe("at_risk");
    expect(running(89.99, 100, "higher")).toBe("off_track");
  });

  it("lower is better, running: on track at the expected value, at risk up to 110 %, off track above", () => {
    expect(running(80, 100, "lower")).toBe("on_track");
    expect(running(100, 100, "lower")).toBe("on_track");
    expect(running(110, 100, "lower")).toBe("at_risk");
    expect(running(110.01, 100, "lower")).toBe("off_track");
  });

  it("finished: met when the actual reaches the target in either direction, else missed", () => {
    const finished = (actual: number, target: number, direction: "higher" | "lower") =>
      goalStatus({ actual, target, expected: target, direction, phase: "finished" });
    expect(finished(100, 100, "higher")).toBe("met");
    expect(finished(99.99, 100, "higher")).toBe("missed");
    expect(finished(100, 100, "lower")).toBe("met");
    expect(finished(100.01, 100, "lower")).toBe("missed");
  });

  it("is not_started before the period whatever the actual, and no_data without one", () => {
    expect(
      goalStatus({ actual: 500, target: 100, expected: 100, direction: "higher", phase: "not_started" }),
    ).toBe("not_started");
    expect(
      goalStatus({ actual: null, target: 100, expected: 100, direction: "higher", phase: "running" }),
    ).toBe("no_data");
    expect(
      goalStatus({ actual: null, target: 100, expected: 100, direction: "lower", phase: "finished" }),
    ).toBe("no_data");
  });
});

describe("attainment", () => {
  it("is actual ÷ expected when higher is better, clamped to [0, 1]", () => {
    expect(attainment({ actual: 90, expected: 100, direction: "higher", status: "at_risk" })).toBe(0.9);
    expect(attainment({ actual: 150, expected: 100, direction: "higher", status: "on_track" })).toBe(1);
    expect(attainment({ actual: -10, expected: 20, direction: "higher", status: "off_track" })).toBe(0);
  });
  it("is expected ÷ actual when lower is better, clamped to [0, 1]", () => {
    expect(attainment({ actual: 125, expected: 100, direction: "lower", status: "off_track" })).toBe(0.8);
    expect(attainment({ actual: 80, expected: 100, direction: "lower", status: "on_track" })).toBe(1);
  });
  it("is 1 when the divisor is 0", () => {
    expect(attainment({ actual: 0, expected: 0, direction: "higher", status: "on_track" })).toBe(1);
    expect(attainment({ actual: 5, expected: 0, direction: "higher", status: "on_track" })).toBe(1);
    expect(attainment({ actual: 0, expected: 3, direction: "lower", status: "met" })).toBe(1);
  });
  it("is null for not_started and no_data", () => {
    expect(attainment({ actual: 90, expected: 100, direction: "higher", status: "not_started" })).toBeNull();
    expect(attainment({ actual: null, expected: 100, direction: "higher", status: "no_data" })).toBeNull();
  });
});

describe("evaluateGoal", () => {
  const revenue = getMetric("revenue")!;
  const activeCustomers = getMetric("active_customers")!;
  const complaints = getMetric("complaints")!;
  const csat = getMetric("csat")!;

  it("reads additive and non-additive from the catalog", () => {
    expect(revenue.additive).toBe(true);
    expect(complaints.additive).toBe(true);
    expect(activeCustomers.additive).toBe(false);
    expect(csat.additive).toBe(false);
  });

  it("additive, higher, half-way through March: 450 of 1,000 is at risk (expected 500)", () => {
    const result = evaluateGoal({
      target: 1000,
      actual: 450,
      metric: revenue,
      direction: "higher",
      period: march,
      now: MIDDLE,
    });
    expect(result).toEqual({
      expected: 500,
      forecast: 900,
      status: "at_risk",
      attainment: 0.9,
      elapsed: 0.5,
      phase: "running",
    });
  });

  it("additive, lower, half-way: 60 complaints against at most 100 is off track (expected 50, band 55)", () => {
    const result = evaluateGoal({
      target: 100,
      actual: 60,
      metric: complaints,
      direction: "lower",
      period: march,
      now: MIDDLE,
    });
    expect(result).toMatchObject({ expected: 50, forecast: 120, status: "off_track" });
    expect(result.attainment).toBeCloseTo(50 / 60, 12);
  });

  it("non-additive, higher, half-way: 30 active customers against 40 is off track (expected 40)", () => {
    const result = evaluateGoal({
      target: 40,
      actual: 30,
      metric: activeCustomers,
      direction: "higher",
      period: march,
      now: MIDDLE,
    });
    expect(result).toMatchObject({ expected: 40, forecast: 30, status: "off_track", attainment: 0.75 });
  });

  it("at the start of the period: an additive goal expects 0 and is on track, with no forecast", () => {
    const result = evaluateGoal({
      target: 1000,
      actual: 0,
      metric: revenue,
      direction: "higher",
      period: march,
      now: START,
    });
    expect(result).toMatchObject({
      expected: 0,
      forecast: null,
      status: "on_track",
      attainment: 1,
      elapsed: 0,
    });
  });

  it("at the end: judged against the target (met / missed), forecast = actual", () => {
    expect(
      evaluateGoal({
        target: 1000,
        actual: 1000,
        metric: revenue,
        direction: "higher",
        period: march,
        now: END,
      }),
    ).toMatchObject({ expected: 1000, forecast: 1000, status: "met", attainment: 1 });
    expect(
      evaluateGoal({
        target: 100,
        actual: 125,
        metric: complaints,
        direction: "lower",
        period: march,
        now: END,
      }),
    ).toMatchObject({ expected: 100, forecast: 125, status: "missed", attainment: 0.8 });
  });

  it("before the start: not_started, no forecast, no attainment", () => {
    expect(
      evaluateGoal({
        target: 1000,
        actual: 0,
        metric: revenue,
        direction: "higher",
        period: march,
        now: BEFORE,
      }),
    ).toEqual({
      expected: 1000,
      forecast: null,
      status: "not_started",
      attainment: null,
      elapsed: 0,
      phase: "not_started",
    });
  });

  it("no_data: a ratio with nothing to divide (CSAT without surveys)", () => {
    expect(
      evaluateGoal({
        target: 80,
        actual: null,
        metric: csat,
        direction: "higher",
        period: march,
        now: MIDDLE,
      }),
    ).toMatchObject({ expected: 80, forecast: null, status: "no_data", attainment: null });
  });
});

describe("departmentScore", () => {
  it("is 100 × Σ weight·attainment ÷ Σ weight over active goals with an attainment", () => {
    const score = departmentScore([
      { state: "active", weight: 3, attainment: 1 },
      { state: "active", weight: 1, attainment: 0.5 },
      { state: "active", weight: 2, attainment: null }, // no_data: left out
      { state: "proposed", weight: 5, attainment: 0 }, // not active: left out
      { state: "archived", weight: 5, attainment: 0 },
    ]);
    expect(score).toBe(87.5); // 100 × (3 + 0.5) ÷ 4
  });
  it("is null when no active goal has an attainment", () => {
    expect(departmentScore([])).toBeNull();
    expect(departmentScore([{ state: "active", weight: 1, attainment: null }])).toBeNull();
    expect(departmentScore([{ state: "proposed", weight: 1, attainment: 1 }])).toBeNull();
  });
});

describe("companyScore", () => {
  it("is the mean of the non-null department scores", () => {
    expect(companyScore([87.5, null, 62.5])).toBe(75);
    expect(companyScore([40])).toBe(40);
  });
  it("is null without any department score", () => {
    expect(companyScore([])).toBeNull();
    expect(companyScore([null, null])).toBeNull();
  });
});

describe("checkTarget", () => {
  it("accepts targets inside the metric's range", () => {
    expect(() => checkTarget(0, "count")).not.toThrow();
    expect(() => checkTarget(100, "percent")).not.toThrow();
    expect(() => checkTarget(-100, "score")).not.toThrow();
    expect(() => checkTarget(1234.56, "money")).not.toThrow();
  });
  it("refuses a negative count / money / hours, a percent outside 0–100, an NPS outside −100…100", () => {
    for (const [target, unit] of [
      [-1, "count"],
      [-0.01, "money"],
      [-2, "hours"],
      [100.5, "percent"],
      [-1, "percent"],
      [101, "score"],
      [-101, "score"],
      [2.5, "count"],
      [1.00001, "money"],
    ] as const) {
      expect(refused(() => checkTarget(target, unit)).field).toBe("target");
    }
  });
});

describe("shiftPeriod", () => {
  it("moves by whole periods of the same grain", () => {
    expect(shiftPeriod("2026-12", 1)).toBe("2027-01");
    expect(shiftPeriod("2026-01", -1)).toBe("2025-12");
    expect(shiftPeriod("2026-Q4", 1)).toBe("2027-Q1");
    expect(shiftPeriod("2026-Q1", -4)).toBe("2025-Q1");
    expect(shiftPeriod("2026", -1)).toBe("2025");
  });
});
