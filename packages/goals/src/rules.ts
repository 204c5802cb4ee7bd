import { parsePeriodLabel, periodRange, type MetricDirection, type MetricUnit } from "@retain/metrics";
import { GoalError } from "./errors";

/*
 * The goal rules of SPEC §6 as pure functions over plain data: no database, no clock (`now` is
 * passed in). Each function is one sentence of the specification.
 */

export const goalGrains = ["month", "quarter", "year"] as const;
export type GoalGrain = (typeof goalGrains)[number];

export const goalStatuses = [
  "not_started",
  "no_data",
  "met",
  "missed",
  "on_track",
  "at_risk",
  "off_track",
] as const;
export type GoalStatus = (typeof goalStatuses)[number];

/** A goal period: its label, grain, local dates `[from, to)` and instants `[start, end)` in the zone. */
export type GoalPeriod = {
  label: string;
  grain: GoalGrain;
  from: string;
  to: string;
  start: Date;
  end: Date;
};

const PERIOD_RULE = "must be a month 2026-03, a quarter 2026-Q1 or a year 2026";

/** The grain and local dates `[from, to)` of a goal period label; anything but a month, quarter or year is refused. */
export function parseGoalPeriod(
  label: string,
  field = "period",
): { grain: GoalGrain; from: string; to: string } {
  let parsed;
  try {
    parsed = parsePeriodLabel(label);
  } catch {
    throw new GoalError("BAD_REQUEST", field, `${field}: ${PERIOD_RULE}, got "${label}"`);
  }
  const grain = parsed.grain;
  if (grain !== "month" && grain !== "quarter" && grain !== "year") {
    throw new GoalError("BAD_REQUEST", field, `${field}: ${PERIOD_RULE}, got "${label}"`);
  }
  return { grain, from: parsed.from, to: parsed.to };
}

/** `2026-03` (month), `2026-Q1` (quarter) or `2026` (year), cut in `timeZone`. */
export function goalPeriod(label: string, timeZone: string, field = "period"): GoalPeriod {
  const { grain, from, to } = parseGoalPeriod(label, field);
  const { start, end } = periodRange(label, timeZone);
  return { label, grain, from, to, start, end };
}

/** Where `now` stands relative to a period `[start, end)`. */
export type PeriodPhase = "not_started" | "running" | "finished";

export function periodPhase(period: Pick<GoalPeriod, "start" | "end">, now: Date): PeriodPhase {
  if (now.getTime() < period.start.getTime()) return "not_started";
  if (now.getTime() >= period.end.getTime()) return "finished";
  return "running";
}

/** (now − start) ÷ (end − start), held to [0, 1]: 0 before the period, 1 once it has ended. */
export function elapsedFraction(period: Pick<GoalPeriod, "start" | "end">, now: Date): number {
  const start = period.start.getTime();
  const end = period.end.getTime();
  const t = now.getTime();
  if (t <= start) return 0;
  if (t >= end) return 1;
  return (t - start) / (end - start);
}

/** What a goal needs to know about its metric. */
export type MetricTraits = { additive: boolean; direction: MetricDirection; unit: MetricUnit };

/**
 * The value the actual should have reached by `now`: target × elapsed fraction for an additive
 * metric in a running period, the target otherwise (finished, or not additive). Before the period
 * it is the target as well (nothing is judged then: the status is `not_started`).
 */
export function expectedValue(
  target: number,
  additive: boolean,
  phase: PeriodPhase,
  fraction: number,
): number {
  if (phase === "running" && additive) return target * fraction;
  return target;
}

/**
 * The actual projected to the period's end: running → actual ÷ elapsed fraction (additive) or the
 * actual (otherwise); finished → the actual; not started → null. Null as well without an actual,
 * and for an additive metric at the very start of a period (nothing elapsed to project from).
 */
export function forecastValue(
  actual: number | null,
  additive: boolean,
  phase: PeriodPhase,
  fraction: number,
): number | null {
  if (phase === "not_started" || actual === null) return null;
  if (phase === "finished" || !additive) return actual;
  return fraction === 0 ? null : actual / fraction;
}

/** Whether `value` reaches `bar` in `direction` (≥ when higher is better, ≤ when lower is). */
export function reaches(value: number, bar: number, direction: MetricDirection): boolean {
  return direction === "higher" ? value >= bar : value <= bar;
}

/** Within 10 % of expected: ≥ 0.9 × expected (higher is better) or ≤ 1.1 × expected (lower). */
export const AT_RISK_BAND = 0.1;

export function goalStatus(input: {
  actual: number | null;
  target: number;
  expected: number;
  direction: MetricDirection;
  phase: PeriodPhase;
}): GoalStatus {
  const { actual, target, expected, direction, phase } = input;
  if (phase === "not_started") return "not_started";
  if (actual === null) return "no_data";
  if (phase === "finished") return reaches(actual, target, direction) ? "met" : "missed";
  if (reaches(actual, expected, direction)) return "on_track";
  const band = direction === "higher" ? (1 - AT_RISK_BAND) * expected : (1 + AT_RISK_BAND) * expected;
  return reaches(actual, band, direction) ? "at_risk" : "off_track";
}

/**
 * actual ÷ expected (higher is better) or expected ÷ actual (lower is better), clamped to [0, 1];
 * 1 when the divisor is 0; null for `not_started` and `no_data`.
 */
export function attainment(input: {
  actual: number | null;
  expected: number;
  direction: MetricDirection;
  status: GoalStatus;
}): number | null {
  const { actual, expected, direction, status } = input;
  if (status === "not_started" || status === "no_data" || actual === null) return null;
  const [dividend, divisor] = direction === "higher" ? [actual, expected] : [expected, actual];
  if (divisor === 0) return 1;
  return Math.min(1, Math.max(0, dividend / divisor));
}

/** Everything the rules say about one goal at `now`, given its actual. */
export type GoalEvaluation = {
  expected: number;
  forecast: number | null;
  status: GoalStatus;
  attainment: number | null;
  elapsed: number;
  phase: PeriodPhase;
};

export function evaluateGoal(input: {
  target: number;
  actual: number | null;
  metric: Pick<MetricTraits, "additive">;
  direction: MetricDirection;
  period: Pick<GoalPeriod, "start" | "end">;
  now: Date;
}): GoalEvaluation {
  const phase = periodPhase(input.period, input.now);
  const elapsed = elapsedFraction(input.period, input.now);
  const expected = expectedValue(input.target, input.metric.additive, phase, elapsed);
  const forecast = forecastValue(input.actual, input.metric.additive, phase, elapsed);
  const status = goalStatus({
    actual: input.actual,
    target: input.target,
    expected,
    direction: input.direction,
    phase,
  });
  return {
    expected,
    forecast,
    status,
    attainment: attainment({ actual: input.actual, expected, direction: input.direction, status }),
    elapsed,
    phase,
  };
}

/** A goal as scores see it. */
export type ScoredGoal = {
  state: "active" | "proposed" | "archived";
  weight: number;
  attainment: number | null;
};

/**
 * 100 × Σ weight·attainment ÷ Σ weight over the active goals with a non-null attainment; null when
 * there are none.
 */
export function departmentScore(goals: readonly ScoredGoal[]): number | null {
  let weighted = 0;
  let weights = 0;
  for (const goal of goals) {
    if (goal.state !== "active" || goal.attainment === null) continue;
    weighted += goal.weight * goal.attainment;
    weights += goal.weight;
  }
  return weights === 0 ? null : (100 * weighted) / weights;
}

/** The mean of the non-null department scores; null when there are none. */
export function companyScore(scores: readonly (number | null)[]): number | null {
  const known = scores.filter((s): s is number => s !== null);
  return known.length === 0 ? null : known.reduce((sum, s) => sum + s, 0) / known.length;
}

/** The values a target of a metric in `unit` may take (SPEC §6: no negative count, percent 0–100, NPS −100…100). */
export function targetRange(unit: MetricUnit): { min: number; max: number } {
  switch (unit) {
    case "percent":
      return { min: 0, max: 100 };
    case "score":
      return { min: -100, max: 100 };
    case "money":
    case "count":
    case "ratio":
    case "hours":
      return { min: 0, max: 1e12 };
  }
}

/** Refuses a target outside the metric's range, naming `field`. */
export function checkTarget(target: number, unit: MetricUnit, field = "target"): void {
  const { min, max } = targetRange(unit);
  if (!Number.isFinite(target) || target < min || target > max) {
    const what =
      unit === "percent"
        ? "a percentage from 0 to 100"
        : unit === "score"
          ? "a score from -100 to 100"
          : `a ${unit === "count" ? "count" : unit} of 0 or more`;
    throw new GoalError("BAD_REQUEST", field, `${field}: must be ${what}, got ${target}`);
  }
  if (unit === "count" && !Number.isInteger(target)) {
    throw new GoalError("BAD_REQUEST", field, `${field}: a count must be a whole number, got ${target}`);
  }
  if (Math.round(target * 10_000) / 10_000 !== target) {
    throw new GoalError("BAD_REQUEST", field, `${field}: at most 4 decimals, got ${target}`);
  }
}

/** The period of the same grain `offset` periods after `label` (negative: before). */
export function shiftPeriod(label: string, offset: number): string {
  const parsed = parseGoalPeriod(label);
  const [yearText, rest] = [label.slice(0, 4), label.slice(5)];
  const year = Number(yearText);
  switch (parsed.grain) {
    case "year":
      return String(year + offset).padStart(4, "0");
    case "quarter": {
      const index = year * 4 + (Number(rest.slice(1)) - 1) + offset;
      return `${String(Math.floor(index / 4)).padStart(4, "0")}-Q${(index % 4) + 1}`;
    }
    case "month": {
      const index = year * 12 + (Number(rest) - 1) + offset;
      return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}`;
    }
  }
}
