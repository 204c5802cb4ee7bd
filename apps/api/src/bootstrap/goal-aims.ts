import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { goalTitle } from "@retain/demo";
import {
  AT_RISK_BAND,
  evaluateGoals,
  goalStatus,
  listGoals,
  targetRange,
  type GoalStatus,
  type ScorecardGoal,
} from "@retain/goals";
import { getMetric, type MetricSettings } from "@retain/metrics";

/*
 * The demo's goals are planned by the generator against its own activity; this pass, run by the
 * start-up seed once everything is loaded, reads the running and the last finished quarter's goals
 * through the scorecard rules and, only where a status the demo means to show is missing, moves one
 * goal's target so that it shows it: on_track, at_risk and off_track now, met and missed last quarter.
 * Running-quarter goals on rates and distinct counts are preferred (their status does not move as the
 * quarter goes by); a sum or count is aimed against the pace at the time of the seed.
 */

type Aim = Extract<GoalStatus, "on_track" | "at_risk" | "off_track" | "met" | "missed">;

const band = AT_RISK_BAND;
const additive = (goal: Pick<ScorecardGoal, "metric">): boolean => getMetric(goal.metric)?.additive ?? false;

/**
 * Whether a person could have set `target` instead of the planned one: sums and counts within half and
 * twice of it, rates within 20 points, NPS within 30. A running quarter's first hours project a sum
 * from a handful of events; a target that only such a projection reaches is not set.
 */
function plausible(goal: ScorecardGoal, target: number): boolean {
  if (goal.unit === "percent") return Math.abs(target - goal.target) <= 20;
  if (goal.unit === "score") return Math.abs(target - goal.target) <= 30;
  if (goal.target === 0) return target <= 10;
  return target >= goal.target / 2 && target <= goal.target * 2;
}

/** A target that gives `goal` the status `aim` with its actual, or null when none can. */
export function targetFor(goal: ScorecardGoal, aim: Aim): number | null {
  const actual = goal.actual;
  if (actual === null) return null;
  const finished = aim === "met" || aim === "missed";
  // expected = target × pace: the elapsed fraction for a running sum or count, else 1
  const pace = !finished && additive(goal) ? goal.elapsed : 1;
  if (!(pace > 0)) return null;
  const higher = goal.direction === "higher";
  // the expected value to aim at, in the middle of the band that gives the status
  let expected: number;
  switch (aim) {
    case "on_track":
    case "met":
      expected = higher ? actual * 0.97 : actual * 1.03;
      break;
    case "at_risk":
      if (actual === 0) return null;
      expected = higher ? actual / (1 - band / 2) : actual / (1 + band / 2);
      break;
    case "off_track":
      if (actual === 0 && !higher) return null;
      expected = higher ? Math.max(actual * 1.3, 1) : actual / 1.3;
      break;
    case "missed":
      if (actual === 0 && !higher) return null;
      expected = higher ? Math.max(actual * 1.08, 1) : actual * 0.92;
      break;
  }
  const ideal = expected / pace;
  const { min, max } = targetRange(goal.unit as Parameters<typeof targetRange>[0]);
  const phase = finished ? "finished" : "running";
  const gives = (target: number) =>
    target >= min &&
    target <= max &&
    plausible(goal, target) &&
    goalStatus({
      actual,
      target,
      expected: finished ? target : target * pace,
      direction: goal.direction,
      phase,
    }) === aim;
  // the roundest figure (two significant digits, then finer) that still gives the status
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(Math.abs(ideal), 1)));
  const steps = [magnitude / 10, magnitude / 100, 1, 0.5, 0.1, 0.01, 0.0001].filter(
    (step) => step >= (goal.unit === "count" ? 1 : 0.0001),
  );
  for (const step of steps) {
    const target = Number((Math.round(ideal / step) * step).toFixed(4));
    if (gives(target)) return target;
  }
  return null;
}

/** Picks, for each missing aim, a goal whose status is not the only one of its kind, and moves its target. */
export function planAims(
  goals: readonly ScorecardGoal[],
  aims: readonly Aim[],
): { id: string; target: number }[] {
  const candidates = goals.filter((g) => g.state === "active" && !g.filter && g.actual !== null);
  const statusOf = new Map(goals.map((g) => [g.id, g.status]));
  const count = (status: GoalStatus) =>
    goals.filter((g) => g.state === "active" && statusOf.get(g.id) === status).length;
  const changes: { id: string; target: number }[] = [];
  // rates and distinct counts first: their status holds while the quarter runs on
  const ordered = [...candidates].sort((a, b) => Number(additive(a)) - Number(additive(b)));
  for (const aim of aims) {
    if (count(aim) > 0) continue;
    for (const goal of ordered) {
      const current = statusOf.get(goal.id);
      if (current === undefined || changes.some((c) => c.id === goal.id)) continue;
      // never take away the only goal of a status the demo shows
      if ((aims as readonly GoalStatus[]).includes(current) && count(current) <= 1) continue;
      const target = targetFor(goal, aim);
      if (target === null) continue;
      changes.push({ id: goal.id, target });
      statusOf.set(goal.id, aim);
      break;
    }
  }
  return changes;
}

/** Moves the targets `planAims` asks for in the running and the last finished quarter; returns how many. */
export async function aimDemoGoals(
  db: Kysely<Database>,
  settings: MetricSettings,
  now: Date,
  periods: { current: string; previous: string },
): Promise<number> {
  let moved = 0;
  for (const [period, aims] of [
    [periods.current, ["on_track", "at_risk", "off_track"]],
    [periods.previous, ["met", "missed"]],
  ] as const) {
    const goals = await evaluateGoals(db, await listGoals(db, { period, state: "active" }), settings, now);
    for (const change of planAims(goals, aims)) {
      const goal = goals.find((g) => g.id === change.id);
      if (!goal) continue;
      const title = goalTitle(goal.department, goal.metric, change.target) ?? goal.title;
      await db
        .updateTable("goals")
        .set({ target: String(change.target), title, updated_at: new Date() })
        .where("id", "=", change.id)
        .execute();
      moved += 1;
    }
  }
  return moved;
}
