import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { systemActor } from "@retain/access";
import { demoInitiatives, type DemoInitiative } from "@retain/demo";
import { evaluateGoals, getGoal, goalPeriod } from "@retain/goals";
import type { MetricSettings } from "@retain/metrics";
import { actOnInitiative, createInitiative, updateInitiative, type Who } from "@retain/roadmaps";

/*
 * The demo's roadmap, replayed step by step through the roadmap store at the days the demo names
 * (so history, sign-offs of every round and audit records are what real use would leave). Linked
 * goals are the demo's goals; the baseline is a share of the goal's actual, so the done
 * initiative shows the goal moved from its baseline.
 */

const DAY = 86_400_000;

function dayAt(today: Date, offset: number): Date {
  const noon = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 10);
  return new Date(noon + offset * DAY);
}
const dateAt = (today: Date, offset: number) => dayAt(today, offset).toISOString().slice(0, 10);

function quarterLabel(today: Date, offset: number): string {
  const index = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3) + offset;
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

async function linkedGoal(
  db: Kysely<Database>,
  spec: NonNullable<DemoInitiative["goal"]>,
  today: Date,
  settings: MetricSettings,
) {
  const period = quarterLabel(today, spec.quarterOffset);
  const row = await db
    .selectFrom("goals")
    .select("id")
    .where("department", "=", spec.department)
    .where("metric", "=", spec.metric)
    .where("period", "=", period)
    .where("state", "=", "active")
    .executeTakeFirst();
  if (!row) return [];
  goalPeriod(period, settings.timeZone);
  const goal = await getGoal(db, row.id);
  const [evaluated] = await evaluateGoals(db, [goal], settings, today);
  const actual = evaluated?.actual ?? goal.target;
  const round = (v: number) => Math.round(v * 100) / 100;
  return [{ goalId: goal.id, baseline: round(actual * spec.baselineShare), target: goal.target }];
}

export async function seedInitiatives(
  db: Kysely<Database>,
  today: Date,
  settings: MetricSettings,
  heads: ReadonlyMap<string, string>,
): Promise<number> {
  const who = (by: string): Who => {
    if (by === "admin")
      return { audit: systemActor, machine: { role: "admin", department: null, label: systemActor.label } };
    const email = heads.get(by) ?? `head of ${by}`;
    return {
      audit: { id: null, label: email },
      machine: { role: "department_head", department: by, label: email },
    };
  };
  const year = today.getUTCFullYear();
  for (const spec of demoInitiatives) {
    const created = await createInitiative(
      db,
      {
        title: spec.title,
        description: spec.description,
        ownerDepartment: spec.ownerDepartment,
        departments: spec.departments,
        launchAt: dateAt(today, spec.launchDay),
        milestones: spec.milestones.map((m) => ({
          title: m.title,
          kind: m.kind,
          department: m.department,
          startAt: dateAt(today, m.startDay),
          dueAt: dateAt(today, m.dueDay),
          status: m.status,
        })),
        budget: spec.budget.map((l) => ({
          year: year + l.yearOffset,
          department: l.department,
          planned: l.planned,
          spent: "0",
        })),
        goals: spec.goal ? await linkedGoal(db, spec.goal, today, settings) : [],
      },
      who(spec.ownerDepartment),
      dayAt(today, spec.createdDay),
    );
    for (const step of spec.steps) {
      const at = dayAt(today, step.day);
      switch (step.action) {
        case "approve":
        case "reject":
          await actOnInitiative(
            db,
            created.id,
            { type: "signoff", department: step.department, decision: step.action, comment: step.comment },
            who(step.by),
            undefined,
            at,
          );
          break;
        case "edit":
          await updateInitiative(
            db,
            created.id,
            {
              ...(step.title ? { title: step.title } : {}),
              ...(step.description ? { description: step.description } : {}),
              ...(step.launchDay !== undefined ? { launchAt: dateAt(today, step.launchDay) } : {}),
            },
            who(step.by),
            undefined,
            at,
          );
          break;
        case "spend":
          await updateInitiative(
            db,
            created.id,
            {
              budget: spec.budget.map((l) => ({
                year: year + l.yearOffset,
                department: l.department,
                planned: l.planned,
                spent: l.spent ?? "0",
              })),
            },
            who(step.by),
            undefined,
            at,
          );
          break;
        default:
          await actOnInitiative(db, created.id, { type: step.action }, who(step.by), undefined, at);
      }
    }
  }
  return demoInitiatives.length;
}
