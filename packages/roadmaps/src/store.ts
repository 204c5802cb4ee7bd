import type { Kysely, Transaction } from "kysely";
import { recordAudit, type Actor } from "@retain/access";
import type { Database } from "@retain/db";
import { RoadmapError } from "./errors";
import {
  currentSignoffs,
  step,
  type Action,
  type Initiative,
  type InitiativeStatus,
  type MachineActor,
  type Scope,
  type Signoff,
} from "./machine";
import {
  budgetSummary,
  checkBudget,
  checkLinkedGoals,
  checkMilestones,
  checkScope,
  leadTimeWarnings,
  PlanRefusal,
  type BudgetLine,
  type BudgetSummary,
  type LeadTimeWarning,
  type LinkedGoal,
  type Milestone,
  type MilestoneKind,
  type MilestoneStatus,
} from "./plan";

/*
 * Initiatives in the database. Every write runs the state machine on the initiative as it is
 * (locked), checks the plan, stores the result, appends one history entry and writes one audit
 * record, all in one transaction. Sign-offs of every round are kept; history is append-only.
 */

/** Who acts: the audit's "who" and the machine's view of the same person. */
export type Who = { audit: Actor; machine: MachineActor };

export type MilestoneInput = {
  id?: string;
  title: string;
  kind: MilestoneKind;
  department: string;
  startAt: string;
  dueAt: string;
  status?: MilestoneStatus;
};
export type BudgetLineInput = { year: number; department: string; planned: string | number; spent?: string | number };

export type NewInitiativeInput = {
  title: string;
  description?: string;
  ownerDepartment: string;
  departments: string[];
  launchAt: string;
  budget?: BudgetLineInput[];
  milestones?: MilestoneInput[];
  goals?: LinkedGoal[];
};

export type InitiativeChanges = Partial<
  Pick<NewInitiativeInput, "title" | "description" | "departments" | "launchAt" | "budget" | "milestones" | "goals">
>;

export type SignoffView = Signoff & { current: boolean };

export type HistoryEntry = {
  at: string;
  by: string;
  action: string;
  version: number;
  status: InitiativeStatus;
  department: string | null;
  comment: string | null;
  changes: Record<string, unknown> | null;
};

/** What the store knows of an initiative: its state, sign-offs of every round and its plan. */
export type InitiativeRecord = Initiative & {
  id: string;
  createdAt: string;
  updatedAt: string;
  milestones: Milestone[];
  budgetLines: BudgetLine[];
  goals: LinkedGoal[];
};

/** The list's picture: enough for the timeline and the approval matrix. */
export type InitiativeSummary = {
  id: string;
  title: string;
  description: string;
  ownerDepartment: string;
  departments: string[];
  launchAt: string;
  status: InitiativeStatus;
  version: number;
  /** Sign-offs of the current round (the approval matrix). */
  signoffs: Signoff[];
  milestones: Milestone[];
  warnings: LeadTimeWarning[];
  budget: BudgetSummary["total"];
  createdAt: string;
  updatedAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const notFound = (id: string) => new RoadmapError("NOT_FOUND", undefined, `no initiative ${id}`);

function refusalError(error: unknown): never {
  if (error instanceof PlanRefusal) {
    throw new RoadmapError(error.refusal.refused, error.refusal.field, error.refusal.message);
  }
  throw error;
}

async function knownDepartments(db: Kysely<Database>): Promise<Set<string>> {
  return new Set((await db.selectFrom("departments").select("key").execute()).map((d) => d.key));
}

/** Reads many initiatives with their sign-offs and plan, in a handful of queries. */
async function readRecords(db: Kysely<Database>, ids: readonly string[]): Promise<InitiativeRecord[]> {
  if (ids.length === 0) return [];
  const [rows, signoffs, milestones, budget, goals] = await Promise.all([
    db.selectFrom("initiatives").selectAll().where("id", "in", ids).execute(),
    db
      .selectFrom("initiative_signoffs")
      .selectAll()
      .where("initiative_id", "in", ids)
      .orderBy("round")
      .execute(),
    db
      .selectFrom("initiative_milestones")
      .selectAll()
      .where("initiative_id", "in", ids)
      .orderBy("position")
      .execute(),
    db.selectFrom("initiative_budget_lines").selectAll().where("initiative_id", "in", ids).execute(),
    db.selectFrom("initiative_goals").selectAll().where("initiative_id", "in", ids).orderBy("position").execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const order = (department: string) => row.departments.indexOf(department);
    return [
      {
        id: row.id,
        title: row.title,
        description: row.description,
        ownerDepartment: row.owner_department,
        departments: row.departments,
        launchAt: row.launch_at,
        status: row.status,
        version: row.version,
        round: row.round,
        signoffs: signoffs
          .filter((s) => s.initiative_id === id)
          .sort((a, b) => a.round - b.round || order(a.department) - order(b.department))
          .map((s) => ({
            department: s.department,
            version: s.version,
            round: s.round,
            decision: s.decision,
            comment: s.comment,
            by: s.decided_by,
            at: s.decided_at ? s.decided_at.toISOString() : null,
          })),
        milestones: milestones
          .filter((m) => m.initiative_id === id)
          .map((m) => ({
            id: m.id,
            title: m.title,
            kind: m.kind,
            department: m.department,
            startAt: m.start_at,
            dueAt: m.due_at,
            status: m.status,
          })),
        budgetLines: budget
          .filter((b) => b.initiative_id === id)
          .map((b) => ({ year: b.year, department: b.department, planned: b.planned, spent: b.spent })),
        goals: goals
          .filter((g) => g.initiative_id === id)
          .map((g) => ({ goalId: g.goal_id, baseline: Number(g.baseline), target: Number(g.target) })),
        createdAt: row.created_at.toISOString(),
        updatedAt: row.updated_at.toISOString(),
      },
    ];
  });
}

export async function getInitiativeRecord(db: Kysely<Database>, id: string): Promise<InitiativeRecord> {
  if (!UUID.test(id)) throw notFound(id);
  const [record] = await readRecords(db, [id]);
  if (!record) throw notFound(id);
  return record;
}

export async function initiativeHistory(db: Kysely<Database>, id: string): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom("initiative_history")
    .selectAll()
    .where("initiative_id", "=", id)
    .orderBy("id")
    .execute();
  return rows.map((r) => ({
    at: r.at.toISOString(),
    by: r.actor,
    action: r.action,
    version: r.version,
    status: r.status,
    department: r.department,
    comment: r.comment,
    changes: r.changes,
  }));
}

export function summaryOf(record: InitiativeRecord): InitiativeSummary {
  return {
    id: record.id,
    title: record.title,
    description: record.description,
    ownerDepartment: record.ownerDepartment,
    departments: [...record.departments],
    launchAt: record.launchAt,
    status: record.status,
    version: record.version,
    signoffs: currentSignoffs(record),
    milestones: record.milestones,
    warnings: leadTimeWarnings(record.launchAt, record.milestones),
    budget: budgetSummary(record.budgetLines).total,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export type InitiativeQuery = {
  /** Initiatives this department takes part in (owner or participant). */
  department?: string;
  status?: InitiativeStatus;
};

/** Initiatives by launch date, then title. */
export async function listInitiatives(db: Kysely<Database>, query: InitiativeQuery = {}): Promise<InitiativeSummary[]> {
  let q = db.selectFrom("initiatives").select("id");
  if (query.department !== undefined) {
    const department = query.department;
    q = q.where((eb) => eb(eb.val(department), "=", eb.fn.any("departments")));
  }
  if (query.status !== undefined) q = q.where("status", "=", query.status);
  const ids = (await q.orderBy("launch_at").orderBy("title").orderBy("id").execute()).map((r) => r.id);
  return (await readRecords(db, ids)).map(summaryOf);
}

/** The audit picture: state, scope and plan. */
function auditOf(record: InitiativeRecord): Record<string, unknown> {
  return {
    title: record.title,
    description: record.description,
    ownerDepartment: record.ownerDepartment,
    departments: record.departments,
    launchAt: record.launchAt,
    status: record.status,
    version: record.version,
    milestones: record.milestones,
    budget: record.budgetLines,
    goals: record.goals,
  };
}

async function checkGoals(db: Kysely<Database>, goals: readonly LinkedGoal[]): Promise<void> {
  checkLinkedGoals(goals);
  const ids = goals.map((g) => g.goalId).filter((id) => UUID.test(id));
  const found = new Set(
    ids.length > 0 ? (await db.selectFrom("goals").select("id").where("id", "in", ids).execute()).map((g) => g.id) : [],
  );
  goals.forEach((g, i) => {
    if (!found.has(g.goalId)) throw new RoadmapError("BAD_REQUEST", `goals.${i}.goalId`, `goals.${i}.goalId: no goal ${g.goalId}`);
  });
}

function milestonesOf(input: readonly MilestoneInput[], existing: readonly Milestone[]): Milestone[] {
  const own = new Set(existing.map((m) => m.id));
  return input.map((m, i) => {
    if (m.id !== undefined && !own.has(m.id)) {
      throw new RoadmapError("BAD_REQUEST", `milestones.${i}.id`, `milestones.${i}.id: no milestone ${m.id} in this initiative`);
    }
    return {
      id: m.id ?? crypto.randomUUID(),
      title: m.title.trim(),
      kind: m.kind,
      department: m.department,
      startAt: m.startAt,
      dueAt: m.dueAt,
      status: m.status ?? "planned",
    };
  });
}

type Plan = { milestones?: Milestone[]; budget?: BudgetLine[]; goals?: LinkedGoal[] };

/** Checks the plan against the departments it will have; returns it normalised. */
async function checkPlan(
  db: Kysely<Database>,
  departments: readonly string[],
  input: Pick<InitiativeChanges, "milestones" | "budget" | "goals">,
  current: Pick<InitiativeRecord, "milestones" | "budgetLines" | "goals">,
): Promise<Plan> {
  const plan: Plan = {};
  try {
    plan.milestones = milestonesOf(input.milestones ?? current.milestones, current.milestones);
    checkMilestones(plan.milestones, departments);
    plan.budget = checkBudget(
      (input.budget ?? current.budgetLines).map((l) => ({ ...l, spent: l.spent ?? "0" })),
      departments,
    );
  } catch (error) {
    refusalError(error);
  }
  if (input.goals !== undefined) await checkGoals(db, input.goals);
  plan.goals = input.goals ?? current.goals;
  return plan;
}

async function writePlan(trx: Transaction<Database>, id: string, plan: Plan, replace: Partial<Record<keyof Plan, boolean>>) {
  if (replace.milestones && plan.milestones) {
    await trx.deleteFrom("initiative_milestones").where("initiative_id", "=", id).execute();
    if (plan.milestones.length > 0) {
      await trx
        .insertInto("initiative_milestones")
        .values(
          plan.milestones.map((m, position) => ({
            id: m.id,
            initiative_id: id,
            position,
            title: m.title,
            kind: m.kind,
            department: m.department,
            start_at: m.startAt,
            due_at: m.dueAt,
            status: m.status,
          })),
        )
        .execute();
    }
  }
  if (replace.budget && plan.budget) {
    await trx.deleteFrom("initiative_budget_lines").where("initiative_id", "=", id).execute();
    if (plan.budget.length > 0) {
      await trx
        .insertInto("initiative_budget_lines")
        .values(plan.budget.map((l) => ({ initiative_id: id, ...l })))
        .execute();
    }
  }
  if (replace.goals && plan.goals) {
    await trx.deleteFrom("initiative_goals").where("initiative_id", "=", id).execute();
    if (plan.goals.length > 0) {
      await trx
        .insertInto("initiative_goals")
        .values(plan.goals.map((g, position) => ({ initiative_id: id, goal_id: g.goalId, position, baseline: g.baseline, target: g.target })))
        .execute();
    }
  }
}

/** Writes what the machine changed: the initiative's state and scope, new and decided sign-offs. */
async function writeState(trx: Transaction<Database>, id: string, before: Initiative, after: Initiative, at: Date) {
  await trx
    .updateTable("initiatives")
    .set({
      title: after.title,
      description: after.description,
      departments: [...after.departments],
      launch_at: after.launchAt,
      status: after.status,
      version: after.version,
      round: after.round,
      updated_at: at,
    })
    .where("id", "=", id)
    .execute();
  const added = after.signoffs.slice(before.signoffs.length);
  if (added.length > 0) {
    await trx
      .insertInto("initiative_signoffs")
      .values(added.map((s) => ({ initiative_id: id, round: s.round, department: s.department, version: s.version })))
      .execute();
  }
  for (const [i, s] of before.signoffs.entries()) {
    const now = after.signoffs[i];
    if (now && now.decision !== s.decision) {
      await trx
        .updateTable("initiative_signoffs")
        .set({ decision: now.decision, comment: now.comment, decided_by: now.by, decided_at: now.at })
        .where("initiative_id", "=", id)
        .where("round", "=", now.round)
        .where("department", "=", now.department)
        .execute();
    }
  }
}

async function appendHistory(
  trx: Transaction<Database>,
  id: string,
  who: Who,
  entry: { action: string; after: Initiative; at: Date; department?: string; comment?: string | null; changes?: Record<string, unknown> },
) {
  await trx
    .insertInto("initiative_history")
    .values({
      initiative_id: id,
      at: entry.at,
      actor: who.audit.label,
      action: entry.action,
      version: entry.after.version,
      status: entry.after.status,
      department: entry.department ?? null,
      comment: entry.comment ?? null,
      changes: entry.changes ? JSON.stringify(entry.changes) : null,
    })
    .execute();
}

function fail(outcome: ReturnType<typeof step>): asserts outcome is Extract<ReturnType<typeof step>, { ok: true }> {
  if (!outcome.ok) throw new RoadmapError(outcome.refusal.refused, outcome.refusal.field, outcome.refusal.message);
}

/** A new draft at version 1. Only an admin or the owner department's head creates one. */
export async function createInitiative(
  db: Kysely<Database>,
  input: NewInitiativeInput,
  who: Who,
  now: Date = new Date(),
): Promise<InitiativeRecord> {
  const scope: Scope = {
    title: input.title.trim(),
    description: input.description?.trim() ?? "",
    departments: input.departments,
    launchAt: input.launchAt,
  };
  try {
    checkScope(scope, input.ownerDepartment, await knownDepartments(db));
  } catch (error) {
    refusalError(error);
  }
  const m = who.machine;
  if (m.role !== "admin" && !(m.role === "department_head" && m.department === input.ownerDepartment)) {
    throw new RoadmapError(
      "FORBIDDEN",
      "ownerDepartment",
      `ownerDepartment: you may create initiatives that ${m.department ?? "your department"} owns only`,
    );
  }
  const plan = await checkPlan(db, scope.departments, input, { milestones: [], budgetLines: [], goals: [] });
  const id = await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("initiatives")
      .values({
        title: scope.title,
        description: scope.description,
        owner_department: input.ownerDepartment,
        departments: [...scope.departments],
        launch_at: scope.launchAt,
        created_by: who.audit.id,
        created_at: now,
        updated_at: now,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writePlan(trx, row.id, plan, { milestones: true, budget: true, goals: true });
    const record = await getInitiativeRecord(trx, row.id);
    await appendHistory(trx, row.id, who, { action: "created", after: record, at: now });
    await recordAudit(trx, who.audit, { action: "initiative.create", entityType: "initiative", entityId: row.id, after: auditOf(record) });
    return row.id;
  });
  return getInitiativeRecord(db, id);
}

async function lock(trx: Transaction<Database>, id: string): Promise<InitiativeRecord> {
  if (!UUID.test(id)) throw notFound(id);
  const locked = await trx.selectFrom("initiatives").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  if (!locked) throw notFound(id);
  return getInitiativeRecord(trx, id);
}

/**
 * Changes scope and/or plan. A change of scope raises the version (and in review or approved
 * reopens every sign-off); the plan changes without a new version. `allow` may refuse after
 * seeing the initiative (e.g. a head who may not see it: 404). Nothing changed writes nothing.
 */
export async function updateInitiative(
  db: Kysely<Database>,
  id: string,
  changes: InitiativeChanges,
  who: Who,
  allow: (initiative: InitiativeRecord) => void = () => {},
  now: Date = new Date(),
): Promise<InitiativeRecord> {
  const known = await knownDepartments(db);
  await db.transaction().execute(async (trx) => {
    const before = await lock(trx, id);
    allow(before);
    const scopeChanges: Partial<Scope> = {};
    if (changes.title !== undefined) scopeChanges.title = changes.title.trim();
    if (changes.description !== undefined) scopeChanges.description = changes.description.trim();
    if (changes.departments !== undefined) scopeChanges.departments = changes.departments;
    if (changes.launchAt !== undefined) scopeChanges.launchAt = changes.launchAt;
    const nextScope: Scope = { ...before, ...scopeChanges };
    const planGiven = changes.milestones !== undefined || changes.budget !== undefined || changes.goals !== undefined;
    // Who may and whether the status allows it first (403, 409), then the input (400).
    const outcome = step(before, { type: "edit", scope: scopeChanges, plan: planGiven, at: now.toISOString() }, who.machine);
    fail(outcome);
    try {
      checkScope(nextScope, before.ownerDepartment, known);
    } catch (error) {
      refusalError(error);
    }
    // Milestones and budget lines are checked against the departments the initiative will have.
    const plan = await checkPlan(trx, nextScope.departments, changes, before);
    const planChanged =
      planGiven &&
      JSON.stringify([plan.milestones, plan.budget, plan.goals]) !==
        JSON.stringify([before.milestones, checkBudget(before.budgetLines, before.departments), before.goals]);
    const after = outcome.initiative;
    if (after.version === before.version && !planChanged) return;
    await writeState(trx, id, before, after, now);
    await writePlan(trx, id, plan, {
      milestones: changes.milestones !== undefined,
      budget: changes.budget !== undefined,
      goals: changes.goals !== undefined,
    });
    const record = await getInitiativeRecord(trx, id);
    const diff: Record<string, unknown> = {};
    for (const [field, value] of Object.entries(auditOf(record))) {
      const old = auditOf(before)[field];
      if (JSON.stringify(old) !== JSON.stringify(value)) diff[field] = { from: old, to: value };
    }
    const scopeChanged = after.version !== before.version;
    await appendHistory(trx, id, who, {
      action: scopeChanged ? (after.round !== before.round ? "reopened" : "edited") : "planned",
      after,
      at: now,
      changes: diff,
    });
    await recordAudit(trx, who.audit, {
      action: "initiative.update",
      entityType: "initiative",
      entityId: id,
      before: auditOf(before),
      after: auditOf(record),
    });
  });
  return getInitiativeRecord(db, id);
}

export type InitiativeAction =
  | { type: "submit" | "start" | "complete" | "cancel" }
  | { type: "signoff"; department: string; decision: "approve" | "reject"; comment?: string | null };

const historyWord: Record<InitiativeAction["type"], string> = {
  submit: "submitted",
  start: "started",
  complete: "completed",
  cancel: "cancelled",
  signoff: "signoff",
};

/** submit, a sign-off, start, complete or cancel, through the state machine. */
export async function actOnInitiative(
  db: Kysely<Database>,
  id: string,
  action: InitiativeAction,
  who: Who,
  allow: (initiative: InitiativeRecord) => void = () => {},
  now: Date = new Date(),
): Promise<InitiativeRecord> {
  await db.transaction().execute(async (trx) => {
    const before = await lock(trx, id);
    allow(before);
    const machineAction: Action =
      action.type === "signoff"
        ? { ...action, at: now.toISOString() }
        : { type: action.type, at: now.toISOString() };
    const outcome = step(before, machineAction, who.machine);
    fail(outcome);
    const after = outcome.initiative;
    await writeState(trx, id, before, after, now);
    const decided = action.type === "signoff" ? after.signoffs.find((s, i) => before.signoffs[i]?.decision !== s.decision) : undefined;
    await appendHistory(trx, id, who, {
      action: decided ? decided.decision : historyWord[action.type],
      after,
      at: now,
      department: decided?.department,
      comment: decided?.comment,
    });
    const record = await getInitiativeRecord(trx, id);
    await recordAudit(trx, who.audit, {
      action: `initiative.${action.type}`,
      entityType: "initiative",
      entityId: id,
      before: { ...auditOf(before) },
      after: { ...auditOf(record), ...(decided ? { signoff: decided } : {}) },
    });
  });
  return getInitiativeRecord(db, id);
}
