import type { Kysely, Transaction } from "kysely";
import { recordAudit, type Actor } from "@retain/access";
import type {
  Database,
  Direction,
  Goal,
  GoalFilter,
  GoalKind,
  GoalPerspective,
  GoalScope,
  GoalState,
} from "@retain/db";
import { getMetric, type MetricDefinition } from "@retain/metrics";
import { GoalError } from "./errors";
import { checkTarget, parseGoalPeriod } from "./rules";

/*
 * Goals in the database: every write checks its input against SPEC §6 and writes one audit record
 * in the same transaction. Filters keep the account manager as an email (what the API speaks).
 */

export const goalPerspectives = ["financial", "customer", "process", "learning"] as const;
export const goalKinds = ["internal", "external"] as const;
export const goalStates = ["active", "proposed", "archived"] as const;
export const goalScopes = ["department", "company"] as const;

export type GoalView = {
  id: string;
  department: string;
  metric: string;
  period: string;
  target: number;
  /** The direction that judges the goal: the override, else the metric's. */
  direction: Direction;
  perspective: GoalPerspective;
  kind: GoalKind;
  weight: number;
  scope: GoalScope;
  state: GoalState;
  filter: GoalFilter | null;
  title: string;
  promise: string | null;
  /** Email of the user who set the goal; null for goals the system set (the demo). */
  owner: string | null;
  createdAt: string;
  updatedAt: string;
};

export type NewGoalInput = {
  department: string;
  metric: string;
  period: string;
  target: number;
  weight?: number;
  perspective?: GoalPerspective;
  kind?: GoalKind;
  direction?: Direction;
  scope?: GoalScope;
  filter?: GoalFilter | null;
  title?: string;
  promise?: string | null;
};

export type GoalChanges = Partial<
  Pick<
    NewGoalInput,
    "target" | "weight" | "title" | "perspective" | "kind" | "direction" | "scope" | "filter" | "promise"
  >
>;

type GoalRow = Goal & { owner_email: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function metricOf(key: string): MetricDefinition {
  const metric = getMetric(key);
  if (!metric) throw new GoalError("BAD_REQUEST", "metric", `metric: no metric "${key}"`);
  return metric;
}

export function defaultTitle(metric: MetricDefinition, target: number, direction: Direction): string {
  return `${metric.name} ${direction === "higher" ? "≥" : "≤"} ${target}`;
}

function toView(row: GoalRow): GoalView {
  const metric = getMetric(row.metric);
  const direction = row.direction ?? metric?.direction ?? "higher";
  const target = Number(row.target);
  return {
    id: row.id,
    department: row.department,
    metric: row.metric,
    period: row.period,
    target,
    direction,
    perspective: row.perspective,
    kind: row.kind,
    weight: Number(row.weight),
    scope: row.scope,
    state: row.state,
    filter: row.filter && Object.keys(row.filter).length > 0 ? row.filter : null,
    title: row.title ?? (metric ? defaultTitle(metric, target, direction) : row.metric),
    promise: row.promise,
    owner: row.owner_email,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function selectGoals(db: Kysely<Database>) {
  return db
    .selectFrom("goals as g")
    .leftJoin("users as u", "u.id", "g.owner_id")
    .selectAll("g")
    .select("u.email as owner_email");
}

/** The audit picture of a goal: its view without the bookkeeping timestamps. */
function auditOf(view: GoalView): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, ...rest } = view;
  return rest;
}

async function checkDepartment(db: Kysely<Database>, department: string): Promise<void> {
  const found = await db
    .selectFrom("departments")
    .select("key")
    .where("key", "=", department)
    .executeTakeFirst();
  if (!found) throw new GoalError("BAD_REQUEST", "department", `department: no department "${department}"`);
}

/** Checks a filter's account manager (a user's email) and customer (an id) exist; returns it normalised. */
async function checkFilter(
  db: Kysely<Database>,
  filter: GoalFilter | null | undefined,
): Promise<GoalFilter | null> {
  if (!filter) return null;
  const normalised: GoalFilter = {};
  if (filter.accountManager !== undefined) {
    const email = filter.accountManager.trim().toLowerCase();
    const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirst();
    if (!user)
      throw new GoalError("BAD_REQUEST", "filter.accountManager", `filter.accountManager: no user ${email}`);
    normalised.accountManager = email;
  }
  if (filter.customer !== undefined) {
    const customer = await db
      .selectFrom("customers")
      .select("id")
      .where("id", "=", filter.customer)
      .executeTakeFirst();
    if (!customer)
      throw new GoalError(
        "BAD_REQUEST",
        "filter.customer",
        `filter.customer: no customer "${filter.customer}"`,
      );
    normalised.customer = filter.customer;
  }
  return Object.keys(normalised).length > 0 ? normalised : null;
}

function checkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight <= 0 || weight > 1000 || Math.round(weight * 100) / 100 !== weight) {
    throw new GoalError(
      "BAD_REQUEST",
      "weight",
      `weight: must be above 0 and at most 1000, with at most 2 decimals, got ${weight}`,
    );
  }
}

function checkPromise(kind: GoalKind, promise: string | null | undefined): void {
  if (kind === "external" && !promise?.trim()) {
    throw new GoalError(
      "BAD_REQUEST",
      "promise",
      "promise: an external goal needs the promise customers read",
    );
  }
}

async function readGoal(db: Kysely<Database>, id: string): Promise<GoalRow> {
  if (!UUID.test(id)) throw new GoalError("NOT_FOUND", undefined, `no goal ${id}`);
  const row = await selectGoals(db).where("g.id", "=", id).executeTakeFirst();
  if (!row) throw new GoalError("NOT_FOUND", undefined, `no goal ${id}`);
  return row;
}

export async function getGoal(db: Kysely<Database>, id: string): Promise<GoalView> {
  return toView(await readGoal(db, id));
}

export type GoalQuery = {
  department?: string;
  period?: string;
  state?: GoalState;
  departments?: readonly string[];
};

export async function listGoals(db: Kysely<Database>, query: GoalQuery = {}): Promise<GoalView[]> {
  let q = selectGoals(db);
  if (query.department !== undefined) q = q.where("g.department", "=", query.department);
  if (query.period !== undefined) q = q.where("g.period", "=", query.period);
  if (query.state !== undefined) q = q.where("g.state", "=", query.state);
  const rows = await q
    .orderBy("g.period")
    .orderBy("g.department")
    .orderBy("g.created_at")
    .orderBy("g.id")
    .execute();
  return rows.map(toView);
}

/** Creates a goal in `state` (active for an admin, proposed for a department head). */
export async function createGoal(
  db: Kysely<Database>,
  input: NewGoalInput,
  actor: Actor,
  state: "active" | "proposed",
): Promise<GoalView> {
  const metric = metricOf(input.metric);
  parseGoalPeriod(input.period);
  checkTarget(input.target, metric.unit);
  if (input.weight !== undefined) checkWeight(input.weight);
  const kind = input.kind ?? "internal";
  checkPromise(kind, input.promise);
  await checkDepartment(db, input.department);
  const filter = await checkFilter(db, input.filter);
  const direction = input.direction ?? metric.direction;
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("goals")
      .values({
        department: input.department,
        metric: metric.key,
        period: input.period,
        target: input.target,
        weight: input.weight ?? 1,
        perspective: input.perspective ?? "customer",
        kind,
        direction: input.direction ?? null,
        scope: input.scope ?? "department",
        filter: filter ? JSON.stringify(filter) : null,
        title: input.title?.trim() || defaultTitle(metric, input.target, direction),
        promise: input.promise?.trim() || null,
        owner_id: actor.id,
        state,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const view = toView(await readGoal(trx, inserted.id));
    await recordAudit(trx, actor, {
      action: "goal.create",
      entityType: "goal",
      entityId: view.id,
      after: auditOf(view),
    });
    return view;
  });
}

async function lockGoal(trx: Transaction<Database>, id: string): Promise<GoalRow> {
  if (!UUID.test(id)) throw new GoalError("NOT_FOUND", undefined, `no goal ${id}`);
  const locked = await trx
    .selectFrom("goals")
    .select("id")
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw new GoalError("NOT_FOUND", undefined, `no goal ${id}`);
  return readGoal(trx, id);
}

/**
 * Changes the given fields; `allow` may refuse the change after seeing the goal as it is (e.g. a
 * head editing another department's goal). An unchanged goal writes nothing.
 */
export async function updateGoal(
  db: Kysely<Database>,
  id: string,
  changes: GoalChanges,
  actor: Actor,
  allow: (goal: GoalView) => void = () => {},
): Promise<GoalView> {
  return db.transaction().execute(async (trx) => {
    const row = await lockGoal(trx, id);
    const before = toView(row);
    allow(before);
    const metric = metricOf(row.metric);
    if (changes.target !== undefined) checkTarget(changes.target, metric.unit);
    if (changes.weight !== undefined) checkWeight(changes.weight);
    const kind = changes.kind ?? row.kind;
    const promise = changes.promise !== undefined ? changes.promise?.trim() || null : row.promise;
    checkPromise(kind, promise);
    const filter = changes.filter !== undefined ? await checkFilter(trx, changes.filter) : undefined;
    const values: Record<string, unknown> = {};
    if (changes.target !== undefined) values.target = changes.target;
    if (changes.weight !== undefined) values.weight = changes.weight;
    if (changes.title !== undefined) {
      values.title =
        changes.title.trim() ||
        defaultTitle(metric, changes.target ?? before.target, changes.direction ?? before.direction);
    }
    if (changes.perspective !== undefined) values.perspective = changes.perspective;
    if (changes.kind !== undefined) values.kind = changes.kind;
    if (changes.direction !== undefined) values.direction = changes.direction;
    if (changes.scope !== undefined) values.scope = changes.scope;
    if (changes.filter !== undefined) values.filter = filter ? JSON.stringify(filter) : null;
    if (changes.promise !== undefined) values.promise = promise;
    if (Object.keys(values).length === 0) return before;
    await trx
      .updateTable("goals")
      .set({ ...values, updated_at: new Date() })
      .where("id", "=", id)
      .execute();
    const after = toView(await readGoal(trx, id));
    const same = JSON.stringify(auditOf(before)) === JSON.stringify(auditOf(after));
    if (!same) {
      await recordAudit(trx, actor, {
        action: "goal.update",
        entityType: "goal",
        entityId: id,
        before: auditOf(before),
        after: auditOf(after),
      });
    }
    return after;
  });
}

export type GoalTransition = "archive" | "accept" | "decline";

/**
 * archive: any goal → archived (archived stays archived, no new record); accept / decline: a
 * proposed goal → active / archived, else 409.
 */
export async function transitionGoal(
  db: Kysely<Database>,
  id: string,
  transition: GoalTransition,
  actor: Actor,
  allow: (goal: GoalView) => void = () => {},
): Promise<GoalView> {
  return db.transaction().execute(async (trx) => {
    const row = await lockGoal(trx, id);
    const before = toView(row);
    allow(before);
    if (transition !== "archive" && row.state !== "proposed") {
      throw new GoalError(
        "CONFLICT",
        undefined,
        `the goal is ${row.state}; only a proposed goal can be ${transition}ed`,
      );
    }
    const state: GoalState = transition === "accept" ? "active" : "archived";
    if (row.state === state) return before;
    await trx.updateTable("goals").set({ state, updated_at: new Date() }).where("id", "=", id).execute();
    const after = toView(await readGoal(trx, id));
    await recordAudit(trx, actor, {
      action: `goal.${transition}`,
      entityType: "goal",
      entityId: id,
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
}

/** Two goals measure the same thing when department, metric, scope and filter agree. */
function sameMeasure(a: GoalView, b: GoalView): boolean {
  return (
    a.department === b.department &&
    a.metric === b.metric &&
    a.scope === b.scope &&
    JSON.stringify(a.filter ?? {}) === JSON.stringify(b.filter ?? {})
  );
}

/**
 * Each active goal of period `from` (of `department`, or of every department) again in `to`, with
 * the same target and everything else; a goal that measures the same thing in `to` already (not
 * archived) is skipped. Periods must be of the same grain.
 */
export async function copyGoals(
  db: Kysely<Database>,
  input: { from: string; to: string; department?: string },
  actor: Actor,
  state: "active" | "proposed",
): Promise<{ created: number; skipped: number }> {
  const from = parseGoalPeriod(input.from, "from");
  const to = parseGoalPeriod(input.to, "to");
  if (from.grain !== to.grain) {
    throw new GoalError("BAD_REQUEST", "to", `to: must be a ${from.grain} like from, got a ${to.grain}`);
  }
  if (input.department !== undefined) await checkDepartment(db, input.department);
  return db.transaction().execute(async (trx) => {
    let sourceQuery = selectGoals(trx).where("g.period", "=", input.from).where("g.state", "=", "active");
    if (input.department !== undefined)
      sourceQuery = sourceQuery.where("g.department", "=", input.department);
    const sources = await sourceQuery
      .orderBy("g.department")
      .orderBy("g.created_at")
      .orderBy("g.id")
      .execute();
    const existing = (await listGoals(trx, { period: input.to, department: input.department })).filter(
      (g) => g.state !== "archived",
    );
    let created = 0;
    let skipped = 0;
    for (const source of sources) {
      const goal = toView(source);
      if (existing.some((e) => sameMeasure(e, goal))) {
        skipped += 1;
        continue;
      }
      const row = await trx
        .insertInto("goals")
        .values({
          department: goal.department,
          metric: goal.metric,
          period: input.to,
          target: goal.target,
          weight: goal.weight,
          perspective: goal.perspective,
          kind: goal.kind,
          direction: source.direction,
          scope: goal.scope,
          filter: goal.filter ? JSON.stringify(goal.filter) : null,
          title: goal.title,
          promise: goal.promise,
          owner_id: actor.id,
          state,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const view = toView(await readGoal(trx, row.id));
      existing.push(view);
      await recordAudit(trx, actor, {
        action: "goal.copy",
        entityType: "goal",
        entityId: view.id,
        after: { ...auditOf(view), copiedFrom: goal.id },
      });
      created += 1;
    }
    return { created, skipped };
  });
}
