import { describe, expect, it } from "vitest";
import { goalStatus, type ScorecardGoal } from "@retain/goals";
import { planAims, targetFor } from "./goal-aims";

function goal(
  fields: Partial<ScorecardGoal> & Pick<ScorecardGoal, "id" | "metric" | "status">,
): ScorecardGoal {
  return {
    title: fields.metric,
    department: "sales",
    unit: "percent",
    direction: "higher",
    perspective: "customer",
    kind: "internal",
    scope: "department",
    state: "active",
    filter: null,
    promise: null,
    weight: 1,
    target: 90,
    expected: 90,
    actual: 80,
    forecast: 80,
    attainment: 0.9,
    elapsed: 0.5,
    ...fields,
  };
}

/** The status the goals package gives `g` with `target` (running unless `finished`). */
function statusWith(g: ScorecardGoal, target: number, pace: number, finished = false) {
  return goalStatus({
    actual: g.actual,
    target,
    expected: finished ? target : target * pace,
    direction: g.direction,
    phase: finished ? "finished" : "running",
  });
}

describe("a target aimed at a status", () => {
  it("gives a rate each running status, rounded as a person would write it", () => {
    const rate = goal({ id: "a", metric: "on_time_delivery_rate", status: "on_track", actual: 87.3 });
    expect(targetFor(rate, "on_track")).toBe(85);
    const atRisk = targetFor(rate, "at_risk");
    expect(atRisk).not.toBeNull();
    expect(statusWith(rate, atRisk ?? 0, 1)).toBe("at_risk");
    const offTrack = targetFor(rate, "off_track");
    expect(offTrack === null || statusWith(rate, offTrack, 1) === "off_track").toBe(true);
  });

  it("aims a running sum against the pace, and a lower-is-better count the other way", () => {
    const orders = goal({
      id: "o",
      metric: "orders",
      unit: "count",
      status: "on_track",
      actual: 120,
      target: 220,
      expected: 110,
      elapsed: 0.5,
    });
    for (const aim of ["on_track", "at_risk", "off_track"] as const) {
      const target = targetFor(orders, aim);
      expect(target, aim).not.toBeNull();
      expect(Number.isInteger(target)).toBe(true);
      expect(statusWith(orders, target ?? 0, 0.5), aim).toBe(aim);
    }
    const complaints = goal({
      id: "c",
      metric: "complaints",
      unit: "count",
      direction: "lower",
      status: "on_track",
      actual: 30,
      target: 50,
      expected: 25,
      elapsed: 0.5,
    });
    for (const aim of ["on_track", "at_risk", "off_track"] as const) {
      expect(statusWith(complaints, targetFor(complaints, aim) ?? -1, 0.5), aim).toBe(aim);
    }
  });

  it("finds none where no target can give the status, or none a person would set", () => {
    // nothing to divide, a perfect rate cannot be at risk, nothing happened cannot be at risk
    expect(
      targetFor(goal({ id: "n", metric: "csat", status: "no_data", actual: null }), "at_risk"),
    ).toBeNull();
    expect(
      targetFor(goal({ id: "p", metric: "csat", status: "on_track", actual: 100 }), "at_risk"),
    ).toBeNull();
    const none = goal({
      id: "z",
      metric: "orders",
      unit: "count",
      status: "off_track",
      actual: 0,
      target: 200,
    });
    expect(targetFor(none, "at_risk")).toBeNull();
    // two orders an hour into the quarter project far beyond any target a person would set
    const early = goal({
      id: "e",
      metric: "orders",
      unit: "count",
      status: "on_track",
      actual: 2,
      target: 240,
      expected: 0.1,
      elapsed: 0.0004,
    });
    expect(targetFor(early, "at_risk")).toBeNull();
  });

  it("decides a finished quarter's met or missed by the target alone", () => {
    const win = goal({
      id: "w",
      metric: "win_rate",
      status: "met",
      actual: 42,
      target: 40,
      expected: 40,
      elapsed: 1,
    });
    const missed = targetFor(win, "missed");
    expect(missed).toBeGreaterThan(42);
    expect(statusWith(win, missed ?? 0, 1, true)).toBe("missed");
    expect(statusWith(win, targetFor(win, "met") ?? 100, 1, true)).toBe("met");
  });
});

describe("aims for a quarter's goals", () => {
  it("moves one goal per missing status, never the only goal of a status shown, never a filtered one", () => {
    const goals = [
      goal({ id: "1", metric: "csat", status: "on_track", actual: 85, target: 80, expected: 80 }),
      goal({ id: "2", metric: "win_rate", status: "on_track", actual: 40, target: 38, expected: 38 }),
      goal({
        id: "3",
        metric: "on_time_payment_rate",
        status: "on_track",
        actual: 70,
        target: 65,
        expected: 65,
      }),
      goal({
        id: "4",
        metric: "nps",
        unit: "score",
        status: "off_track",
        actual: 20,
        target: 40,
        expected: 40,
      }),
      goal({
        id: "5",
        metric: "on_time_payment_rate",
        status: "on_track",
        actual: 60,
        filter: { customer: "cust-1" },
      }),
    ];
    const changes = planAims(goals, ["on_track", "at_risk", "off_track"]);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(["1", "2", "3"]).toContain(change?.id);
    const moved = goals.find((g) => g.id === change?.id);
    if (moved && change) expect(statusWith(moved, change.target, 1)).toBe("at_risk");
  });

  it("changes nothing when every status is there already", () => {
    const goals = [
      goal({ id: "1", metric: "csat", status: "on_track" }),
      goal({ id: "2", metric: "win_rate", status: "at_risk" }),
      goal({ id: "3", metric: "nps", unit: "score", status: "off_track" }),
    ];
    expect(planAims(goals, ["on_track", "at_risk", "off_track"])).toEqual([]);
  });
});
