import type { Kysely } from "kysely";
import type { Database, GoalKind, GoalPerspective, GoalScope, GoalState } from "@retain/db";
import { getMetric, metricSeries, type MetricSeriesOptions, type MetricSettings } from "@retain/metrics";
import { GoalError } from "./errors";
import {
  companyScore,
  departmentScore,
  evaluateGoal,
  goalPeriod,
  goalStatuses,
  type GoalPeriod,
  type GoalStatus,
} from "./rules";
import { listGoals, type GoalView } from "./store";

/*
 * The rules applied to the goals of the store, with actuals read through `metricSeries` — the read
 * behind `GET /metrics/{key}` — for the goal's period at the period's grain, so a goal's actual is the
 * number that endpoint answers, to the cent. Goals that read the same thing share one read, and the
 * reads of a scorecard run together.
 */

export type ScorecardGoal = {
  id: string;
  title: string;
  department: string;
  metric: string;
  unit: string;
  direction: "higher" | "lower";
  perspective: GoalPerspective;
  kind: GoalKind;
  scope: GoalScope;
  state: GoalState;
  filter: GoalView["filter"];
  promise: string | null;
  weight: number;
  target: number;
  expected: number;
  actual: number | null;
  forecast: number | null;
  attainment: number | null;
  status: GoalStatus;
  /** Elapsed fraction of the period at `now`, 0–1. */
  elapsed: number;
};

export type DepartmentScorecard = {
  department: string;
  period: string;
  score: number | null;
  goals: ScorecardGoal[];
};

export type StatusCounts = Record<GoalStatus, number>;

export type CompanyScorecard = {
  period: string;
  score: number | null;
  departments: {
    department: string;
    name: string;
    score: number | null;
    goals: number;
    status: StatusCounts;
  }[];
};

export type BillOfRights = {
  period: string;
  promises: {
    goalId: string;
    department: string;
    promise: string;
    metric: string;
    target: number;
    actual: number | null;
    status: GoalStatus;
  }[];
};

/** Values derived by arithmetic (expected, forecast) keep the precision of a target (4 decimals). */
const round = (value: number, decimals: number) => {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
};
const roundOrNull = (value: number | null, decimals: number) =>
  value === null ? null : round(value, decimals);

async function checkDepartment(db: Kysely<Database>, department: string): Promise<string> {
  const found = await db
    .selectFrom("departments")
    .select("name")
    .where("key", "=", department)
    .executeTakeFirst();
  if (!found) throw new GoalError("BAD_REQUEST", "department", `department: no department "${department}"`);
  return found.name;
}

/** Account-manager emails of the goals' filters → user ids (a filter of a removed user reads nothing). */
async function managerIds(db: Kysely<Database>, goals: readonly GoalView[]): Promise<Map<string, string>> {
  const emails = [
    ...new Set(goals.flatMap((g) => (g.filter?.accountManager ? [g.filter.accountManager] : []))),
  ];
  if (emails.length === 0) return new Map();
  const rows = await db.selectFrom("users").select(["id", "email"]).where("email", "in", emails).execute();
  return new Map(rows.map((r) => [r.email, r.id]));
}

/** A user id that no event carries: the filter of a manager who no longer exists matches nothing. */
const NOBODY = "ffffffff-ffff-4fff-bfff-ffffffffffff";

/**
 * The actual of every goal (same period each or not), one `metricSeries` read per distinct
 * (metric, period, scope, filter), all started at once.
 */
export async function goalActuals(
  db: Kysely<Database>,
  goals: readonly GoalView[],
  settings: MetricSettings,
  options: MetricSeriesOptions = {},
): Promise<Map<string, number | null>> {
  const managers = await managerIds(db, goals);
  const reads = new Map<string, Promise<number | null>>();
  const keyOf = new Map<string, string>();
  for (const goal of goals) {
    const period = goalPeriod(goal.period, settings.timeZone);
    const department = goal.scope === "department" ? goal.department : undefined;
    const accountManagerId = goal.filter?.accountManager
      ? (managers.get(goal.filter.accountManager) ?? NOBODY)
      : undefined;
    const customerId = goal.filter?.customer;
    const key = JSON.stringify([goal.metric, goal.period, department, accountManagerId, customerId]);
    keyOf.set(goal.id, key);
    if (!reads.has(key)) {
      reads.set(
        key,
        metricSeries(
          db,
          {
            metric: goal.metric,
            from: period.from,
            to: period.to,
            grain: period.grain,
            department,
            accountManagerId,
            customerId,
          },
          settings,
          options,
        ).then((series) => {
          // [from, to) is exactly one period of its grain: one point.
          const point = series.points.find((p) => p.period === goal.period);
          return point ? point.value : null;
        }),
      );
    }
  }
  const values = new Map<string, number | null>();
  const settled = new Map<string, number | null>();
  await Promise.all(
    [...reads].map(async ([key, read]) => {
      settled.set(key, await read);
    }),
  );
  for (const [id, key] of keyOf) values.set(id, settled.get(key) ?? null);
  return values;
}

/** Every goal with its actual, expected, forecast, status and attainment at `now`. */
export async function evaluateGoals(
  db: Kysely<Database>,
  goals: readonly GoalView[],
  settings: MetricSettings,
  now: Date,
  options: MetricSeriesOptions = {},
): Promise<ScorecardGoal[]> {
  const actuals = await goalActuals(db, goals, settings, options);
  const periods = new Map<string, GoalPeriod>();
  return goals.map((goal) => {
    const metric = getMetric(goal.metric);
    if (!metric) throw new Error(`goal ${goal.id} has an unknown metric ${goal.metric}`);
    let period = periods.get(goal.period);
    if (!period) {
      period = goalPeriod(goal.period, settings.timeZone);
      periods.set(goal.period, period);
    }
    const actual = actuals.get(goal.id) ?? null;
    const result = evaluateGoal({
      target: goal.target,
      actual,
      metric,
      direction: goal.direction,
      period,
      now,
    });
    return {
      id: goal.id,
      title: goal.title,
      department: goal.department,
      metric: goal.metric,
      unit: metric.unit,
      direction: goal.direction,
      perspective: goal.perspective,
      kind: goal.kind,
      scope: goal.scope,
      state: goal.state,
      filter: goal.filter,
      promise: goal.promise,
      weight: goal.weight,
      target: goal.target,
      expected: round(result.expected, 4),
      actual,
      forecast: roundOrNull(result.forecast, 4),
      attainment: roundOrNull(result.attainment, 6),
      status: result.status,
      elapsed: round(result.elapsed, 6),
    };
  });
}

function scoreOf(goals: readonly ScorecardGoal[]): number | null {
  return roundOrNull(departmentScore(goals), 4);
}

/**
 * A department's scorecard for a period: its active and proposed goals (archived ones are history),
 * the score over the active ones. `options.rollups: false` reads every actual from raw events (to
 * compare with).
 */
export async function departmentScorecard(
  db: Kysely<Database>,
  department: string,
  periodLabel: string,
  settings: MetricSettings,
  now: Date,
  options: MetricSeriesOptions = {},
): Promise<DepartmentScorecard> {
  goalPeriod(periodLabel, settings.timeZone);
  // The department is checked while its goals are read: one round trip fewer before the actuals.
  const [, listed] = await Promise.all([
    checkDepartment(db, department),
    listGoals(db, { department, period: periodLabel }),
  ]);
  const goals = listed.filter((g) => g.state !== "archived");
  const evaluated = await evaluateGoals(db, goals, settings, now, options);
  return { department, period: periodLabel, score: scoreOf(evaluated), goals: evaluated };
}

const noStatuses = (): StatusCounts => Object.fromEntries(goalStatuses.map((s) => [s, 0])) as StatusCounts;

/** Every department's score and status counts over its active goals, and the company score. */
export async function companyScorecard(
  db: Kysely<Database>,
  periodLabel: string,
  settings: MetricSettings,
  now: Date,
): Promise<CompanyScorecard> {
  goalPeriod(periodLabel, settings.timeZone);
  const [departments, goals] = await Promise.all([
    db.selectFrom("departments").select(["key", "name"]).orderBy("key").execute(),
    listGoals(db, { period: periodLabel, state: "active" }),
  ]);
  const evaluated = await evaluateGoals(db, goals, settings, now);
  const rows = departments.map((d) => {
    const own = evaluated.filter((g) => g.department === d.key);
    const status = noStatuses();
    for (const goal of own) status[goal.status] += 1;
    return { department: d.key, name: d.name, score: scoreOf(own), goals: own.length, status };
  });
  return {
    period: periodLabel,
    score: roundOrNull(companyScore(rows.map((r) => r.score)), 4),
    departments: rows,
  };
}

/** The active external goals of every department, as the promises customers read, with their status. */
export async function billOfRights(
  db: Kysely<Database>,
  periodLabel: string,
  settings: MetricSettings,
  now: Date,
): Promise<BillOfRights> {
  goalPeriod(periodLabel, settings.timeZone);
  const goals = (await listGoals(db, { period: periodLabel, state: "active" })).filter(
    (g) => g.kind === "external",
  );
  const evaluated = await evaluateGoals(db, goals, settings, now);
  return {
    period: periodLabel,
    promises: evaluated.map((g) => ({
      goalId: g.id,
      department: g.department,
      promise: g.promise ?? g.title,
      metric: g.metric,
      target: g.target,
      actual: g.actual,
      status: g.status,
    })),
  };
}
