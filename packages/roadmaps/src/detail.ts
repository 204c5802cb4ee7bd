import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { evaluateGoals, getGoal, type GoalStatus } from "@retain/goals";
import type { MetricSettings } from "@retain/metrics";
import { availableActions, type MachineActor, type OfferedAction } from "./machine";
import { budgetSummary, leadTimeWarnings, type BudgetSummary, type LeadTimeWarning, type Milestone } from "./plan";
import { getInitiativeRecord, initiativeHistory, type HistoryEntry, type InitiativeRecord, type InitiativeSummary, type SignoffView } from "./store";

/*
 * What `GET /initiatives/{id}` answers: the initiative with every sign-off, its plan, the lead-time
 * warnings, the budget totals, the linked goals with their live actual and status from the
 * scorecard (the same evaluation as `GET /scorecards/{department}`), the history, and the actions
 * the caller may take now.
 */

export type LinkedGoalView = {
  goalId: string;
  baseline: number;
  target: number;
  title: string;
  department: string;
  metric: string;
  period: string;
  unit: string;
  direction: "higher" | "lower";
  /** The goal's own target in the scorecard. */
  goalTarget: number;
  actual: number | null;
  status: GoalStatus;
};

export type InitiativeDetail = Omit<InitiativeSummary, "signoffs" | "budget"> & {
  round: number;
  signoffs: SignoffView[];
  milestones: Milestone[];
  budget: BudgetSummary;
  goals: LinkedGoalView[];
  warnings: LeadTimeWarning[];
  history: HistoryEntry[];
  actions: OfferedAction[];
};

export async function linkedGoals(
  db: Kysely<Database>,
  record: Pick<InitiativeRecord, "goals">,
  settings: MetricSettings,
  now: Date,
): Promise<LinkedGoalView[]> {
  if (record.goals.length === 0) return [];
  const goals = await Promise.all(record.goals.map((g) => getGoal(db, g.goalId)));
  const evaluated = await evaluateGoals(db, goals, settings, now);
  return record.goals.map((link, i) => {
    const goal = evaluated[i]!;
    return {
      goalId: link.goalId,
      baseline: link.baseline,
      target: link.target,
      title: goal.title,
      department: goal.department,
      metric: goal.metric,
      period: goals[i]!.period,
      unit: goal.unit,
      direction: goal.direction,
      goalTarget: goal.target,
      actual: goal.actual,
      status: goal.status,
    };
  });
}

export async function initiativeDetail(
  db: Kysely<Database>,
  idOrRecord: string | InitiativeRecord,
  settings: MetricSettings,
  now: Date,
  actor: MachineActor,
): Promise<InitiativeDetail> {
  const record = typeof idOrRecord === "string" ? await getInitiativeRecord(db, idOrRecord) : idOrRecord;
  const [goals, history] = await Promise.all([linkedGoals(db, record, settings, now), initiativeHistory(db, record.id)]);
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    ownerDepartment: record.ownerDepartment,
    departments: [...record.departments],
    launchAt: record.launchAt,
    status: record.status,
    version: record.version,
    round: record.round,
    signoffs: record.signoffs.map((s) => ({ ...s, current: s.round === record.round })),
    milestones: record.milestones,
    budget: budgetSummary(record.budgetLines),
    goals,
    warnings: leadTimeWarnings(record.launchAt, record.milestones),
    history,
    actions: availableActions(record, actor),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
