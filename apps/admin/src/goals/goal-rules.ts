// What the goal screens derive from a served scorecard: the status's words and colour, a status
// preview for a target being typed (the SPEC §6 rules, as the server applies them), what it takes
// to reach a target, and which goals are most at risk.
import { formatValue, type LocaleSettings, type Unit } from "../lib/format";
import { STATUS_COLORS } from "../lib/roles";

export const GOAL_STATUSES = [
  "met",
  "on_track",
  "at_risk",
  "off_track",
  "missed",
  "not_started",
  "no_data",
] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];
export type Direction = "higher" | "lower";

export const STATUS_LABELS: Record<GoalStatus, string> = {
  met: "Met",
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  missed: "Missed",
  not_started: "Not started",
  no_data: "No data",
};

/** Met / on track green, at risk amber, off track / missed red, not started and no data grey (UI.md). */
export const STATUS_COLOR: Record<GoalStatus, string> = {
  met: STATUS_COLORS.good,
  on_track: STATUS_COLORS.good,
  at_risk: STATUS_COLORS.warning,
  off_track: STATUS_COLORS.bad,
  missed: STATUS_COLORS.bad,
  not_started: STATUS_COLORS.neutral,
  no_data: STATUS_COLORS.neutral,
};

export const PERSPECTIVES = ["financial", "customer", "process", "learning"] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const PERSPECTIVE_LABELS: Record<Perspective, string> = {
  financial: "Financial",
  customer: "Customer",
  process: "Internal process",
  learning: "Learning and growth",
};

/** Within 10 % of the expected value counts as at risk (SPEC §6). */
const AT_RISK_BAND = 0.1;

const reaches = (value: number, bar: number, direction: Direction) =>
  direction === "higher" ? value >= bar : value <= bar;

export type PreviewInput = {
  target: number;
  actual: number | null;
  additive: boolean;
  direction: Direction;
  /** The served elapsed fraction of the period, 0–1. */
  elapsed: number;
  /** The served status tells whether the period has started. */
  started: boolean;
};

/** Expected value and status for a target, with the rules the server applies (SPEC §6). */
export function previewStatus(input: PreviewInput): { expected: number; status: GoalStatus } {
  const { target, actual, additive, direction, elapsed, started } = input;
  const phase = !started ? "not_started" : elapsed >= 1 ? "finished" : "running";
  const expected = phase === "running" && additive ? target * elapsed : target;
  if (phase === "not_started") return { expected, status: "not_started" };
  if (actual === null) return { expected, status: "no_data" };
  if (phase === "finished")
    return { expected, status: reaches(actual, target, direction) ? "met" : "missed" };
  if (reaches(actual, expected, direction)) return { expected, status: "on_track" };
  const band = direction === "higher" ? (1 - AT_RISK_BAND) * expected : (1 + AT_RISK_BAND) * expected;
  return { expected, status: reaches(actual, band, direction) ? "at_risk" : "off_track" };
}

/** How far a goal is behind its expected value, as a fraction of it (0 when on track). */
export function shortfall(goal: { actual: number | null; expected: number; direction: Direction }): number {
  if (goal.actual === null) return 0;
  const behind = goal.direction === "higher" ? goal.expected - goal.actual : goal.actual - goal.expected;
  if (behind <= 0) return 0;
  return goal.expected === 0 ? Infinity : behind / Math.abs(goal.expected);
}

/** Off track first, then at risk; within each the widest gap first. Others are not at risk. */
export function mostAtRisk<
  G extends { status: string; actual: number | null; expected: number; direction: Direction },
>(goals: readonly G[], limit = 5): G[] {
  const rank = (status: string) => (status === "off_track" ? 0 : status === "at_risk" ? 1 : 2);
  return goals
    .filter((g) => rank(g.status) < 2)
    .sort((a, b) => rank(a.status) - rank(b.status) || shortfall(b) - shortfall(a))
    .slice(0, limit);
}

export type WhatItTakesInput = {
  metricName: string;
  unit: Unit;
  additive: boolean;
  direction: Direction;
  target: number;
  actual: number | null;
  /** Days of the period passed and left (fractions allowed: the period is cut at now). */
  daysPassed: number;
  daysLeft: number;
};

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** A daily amount in the metric's unit: "36", "€1,250.00". */
function amount(value: number, unit: Unit, settings: LocaleSettings): string {
  // A count per day is a rate: one decimal says more than a whole number would ("1.4 a day").
  if (unit === "count")
    return new Intl.NumberFormat(settings.locale, { maximumFractionDigits: 1 }).format(value);
  return formatValue(value, unit, settings);
}

/** The same with the metric's name: "36 orders", "€1,250.00 of revenue". */
function perDay(value: number, input: WhatItTakesInput, settings: LocaleSettings): string {
  const name = input.metricName.toLowerCase();
  const text = amount(value, input.unit, settings);
  return input.unit === "count" ? `${text} ${name}` : `${text} of ${name}`;
}

/**
 * "Needs 36 orders a day for 34 days; 28 a day so far." for an additive metric in a running
 * period; a level to reach or hold for a rate or average. Null once the period is over or before
 * it starts.
 */
export function whatItTakes(input: WhatItTakesInput, settings: LocaleSettings): string | null {
  const { additive, direction, target, actual, daysPassed, daysLeft } = input;
  if (daysLeft <= 0 || daysPassed <= 0) return null;
  const days = Math.max(1, Math.round(daysLeft));
  const left = plural(days, "day", "days");
  if (!additive) {
    const targetText = formatValue(target, input.unit, settings);
    if (actual === null)
      return `No data yet: ${input.metricName} needs to be at ${targetText} by the end of the period (${left} left).`;
    const actualText = formatValue(actual, input.unit, settings);
    if (reaches(actual, target, direction)) {
      return `At ${actualText}, the target of ${targetText} is reached: hold it for the remaining ${left}.`;
    }
    const verb = direction === "higher" ? "rise" : "fall";
    return `Needs to ${verb} from ${actualText} to ${targetText} within ${left}; this is a level over the whole period, not a sum.`;
  }
  const sofar = actual ?? 0;
  const rateSoFar = sofar / daysPassed;
  const remaining = target - sofar;
  const soFarText = `${amount(rateSoFar, input.unit, settings)} a day so far`;
  if (direction === "higher") {
    if (remaining <= 0)
      return `Target reached: ${formatValue(sofar, input.unit, settings)} of ${formatValue(target, input.unit, settings)}; ${soFarText}.`;
    return `Needs ${perDay(remaining / daysLeft, input, settings)} a day for ${left}; ${soFarText}.`;
  }
  if (remaining < 0) {
    return `Already past the limit of ${formatValue(target, input.unit, settings)} (${formatValue(sofar, input.unit, settings)}); ${soFarText}.`;
  }
  return `Allows at most ${perDay(remaining / daysLeft, input, settings)} a day for ${left}; ${soFarText}.`;
}

/** The values a target may take for a metric's unit (SPEC §6), as the server checks them. */
export function targetRange(unit: Unit): { min: number; max: number } {
  if (unit === "percent") return { min: 0, max: 100 };
  if (unit === "score") return { min: -100, max: 100 };
  return { min: 0, max: 1e12 };
}

/** What is wrong with a target, in words; null when the server will take it. */
export function targetProblem(value: number | string | null | undefined, unit: Unit): string | null {
  if (value === "" || value === null || value === undefined) return "Enter a target";
  const target = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(target)) return "Enter a number";
  const { min, max } = targetRange(unit);
  if (target < min || target > max) {
    if (unit === "percent") return "Must be a percentage from 0 to 100";
    if (unit === "score") return "Must be a score from −100 to 100";
    return "Must be 0 or more";
  }
  if (unit === "count" && !Number.isInteger(target)) return "A count must be a whole number";
  if (Math.round(target * 10_000) / 10_000 !== target) return "At most 4 decimals";
  return null;
}

/** What is wrong with a weight, in words; null when it is fine. */
export function weightProblem(value: number | string | null | undefined): string | null {
  if (value === "" || value === null || value === undefined) return "Enter a weight";
  const weight = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(weight) || weight <= 0 || weight > 1000) return "Must be above 0 and at most 1,000";
  if (Math.round(weight * 100) / 100 !== weight) return "At most 2 decimals";
  return null;
}

/** A goal's optional filter (SPEC §6), in words: "account manager x · customer y". */
export function filterWords(
  filter: { accountManager?: string; customer?: string } | null | undefined,
): string | null {
  const parts = [
    ...(filter?.accountManager ? [`account manager ${filter.accountManager}`] : []),
    ...(filter?.customer ? [`customer ${filter.customer}`] : []),
  ];
  return parts.length > 0 ? parts.join(" · ") : null;
}
