import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { goalStatuses } from "@retain/goals";
import {
  actOnInitiative,
  createInitiative,
  initiativeDetail,
  initiativeStatuses,
  listInitiatives,
  milestoneKinds,
  milestoneStatuses,
  signoffDecisions,
  updateInitiative,
  type InitiativeAction,
  type InitiativeRecord,
  type MachineActor,
  type Who,
} from "@retain/roadmaps";
import { text } from "@retain/validation";
import { actorOf, type Context } from "../context";
import { requireKnownFilters } from "../scope";
import { roleProcedure, router, userOrKeyProcedure } from "../trpc";

/*
 * Customer roadmaps (SPEC §6) with §7 on top: admins do everything; a department head creates the
 * initiatives their department owns, reads those it takes part in (another initiative answers 404,
 * as if it did not exist; a list filtered by another department 403), runs the ones it owns and
 * signs off for its department; API keys with `read` read everything and change nothing. Viewers
 * and account managers have no roadmap access (§7 gives them none): 403. Refusals of the state
 * machine become 400 / 403 / 409 in the error mapping (http/errors.ts).
 */

const department = text().min(1).max(40);
const date = text().min(1).max(32).meta({ example: "2027-06-01" });
const money = z.union([z.number(), text().max(32)]);
const id = text().min(1).max(64);

const milestoneInput = z
  .object({
    id: id.optional(),
    title: text().trim().min(1).max(200),
    kind: z.enum(milestoneKinds),
    department,
    startAt: date.meta({ example: "2027-01-04" }),
    dueAt: date.meta({ example: "2027-02-26" }),
    status: z.enum(milestoneStatuses).optional(),
  })
  .strict();
const budgetInput = z
  .object({ year: z.number().int().meta({ example: 2027 }), department, planned: money, spent: money.optional() })
  .strict();
const goalInput = z.object({ goalId: id, baseline: z.number(), target: z.number() }).strict();

const scopeInput = {
  title: text().trim().min(1).max(200),
  description: text().max(4000).optional(),
  departments: z.array(department).min(1).max(20).meta({ example: ["marketing", "sales"] }),
  launchAt: date,
};
const planInput = {
  budget: z.array(budgetInput).max(200).optional(),
  milestones: z.array(milestoneInput).max(100).optional(),
  goals: z.array(goalInput).max(50).optional(),
};

const status = z.enum(initiativeStatuses);
const signoff = z.object({
  department: z.string(),
  version: z.number().int(),
  round: z.number().int(),
  decision: z.enum(signoffDecisions),
  comment: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
const milestone = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(milestoneKinds),
  department: z.string(),
  startAt: z.string(),
  dueAt: z.string(),
  status: z.enum(milestoneStatuses),
});
const warning = z.object({ code: z.literal("lead_time"), milestoneId: z.string(), days: z.number().int() });
const total = z.object({ planned: z.string(), spent: z.string() });
const core = {
  id: z.string(),
  title: z.string(),
  description: z.string(),
  ownerDepartment: z.string(),
  departments: z.array(z.string()),
  launchAt: z.string(),
  status,
  version: z.number().int(),
  milestones: z.array(milestone),
  warnings: z.array(warning),
  createdAt: z.string(),
  updatedAt: z.string(),
};

const initiativeSummary = z.object({ ...core, signoffs: z.array(signoff), budget: total });

const initiativeDetailShape = z.object({
  ...core,
  round: z.number().int(),
  signoffs: z.array(signoff.extend({ current: z.boolean() })),
  budget: z.object({
    lines: z.array(z.object({ year: z.number().int(), department: z.string(), planned: z.string(), spent: z.string() })),
    total,
    byYear: z.array(total.extend({ year: z.number().int() })),
    byDepartment: z.array(total.extend({ department: z.string() })),
  }),
  goals: z.array(
    z.object({
      goalId: z.string(),
      baseline: z.number(),
      target: z.number(),
      title: z.string(),
      department: z.string(),
      metric: z.string(),
      period: z.string(),
      unit: z.string(),
      direction: z.enum(["higher", "lower"]),
      goalTarget: z.number(),
      actual: z.number().nullable(),
      status: z.enum(goalStatuses),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      by: z.string(),
      action: z.string(),
      version: z.number().int(),
      status,
      department: z.string().nullable(),
      comment: z.string().nullable(),
      changes: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  actions: z.array(z.enum(["submit", "signoff", "edit", "plan", "start", "complete", "cancel"])),
});

function machineActorOf(ctx: Pick<Context, "user" | "apiKey">): MachineActor {
  if (ctx.user) return { role: ctx.user.role, department: ctx.user.department, label: ctx.user.email };
  return { role: "api_key", department: null, label: ctx.apiKey ? `api key ${ctx.apiKey.name}` : "anonymous" };
}

const whoOf = (ctx: Context): Who => ({ audit: actorOf(ctx), machine: machineActorOf(ctx) });

/** A head sees the initiatives their department takes part in; any other answers 404. */
function visibleTo(ctx: Pick<Context, "user">) {
  return (initiative: Pick<InitiativeRecord, "id" | "departments">) => {
    const user = ctx.user;
    if (user?.role !== "department_head") return;
    if (!initiative.departments.includes(user.department ?? "")) {
      throw new TRPCError({ code: "NOT_FOUND", message: `no initiative ${initiative.id}` });
    }
  };
}

async function detailOf(ctx: Context, record: InitiativeRecord) {
  return initiativeDetail(ctx.db, record, await ctx.settings(), new Date(), machineActorOf(ctx));
}

const readInitiatives = userOrKeyProcedure(["admin", "department_head"], "read");
const writeInitiatives = roleProcedure("admin", "department_head");
const idInput = z.object({ id });

function transition(type: "submit" | "start" | "complete" | "cancel", summary: string) {
  return writeInitiatives
    .meta({
      openapi: { method: "POST", path: `/initiatives/{id}/${type}`, tags: ["roadmaps"], summary, errorResponses: [404, 409] },
    })
    .input(idInput)
    .output(initiativeDetailShape)
    .mutation(async ({ ctx, input }) => {
      const action: InitiativeAction = { type };
      return detailOf(ctx, await actOnInitiative(ctx.db, input.id, action, whoOf(ctx), visibleTo(ctx)));
    });
}

export const initiativesRouter = router({
  create: writeInitiatives
    .meta({
      created: true,
      openapi: { method: "POST", path: "/initiatives", tags: ["roadmaps"], summary: "Draft an initiative (version 1)" },
    })
    .input(z.object({ ...scopeInput, ownerDepartment: department.meta({ example: "marketing" }), ...planInput }))
    .output(initiativeDetailShape)
    .mutation(async ({ ctx, input }) => detailOf(ctx, await createInitiative(ctx.db, input, whoOf(ctx)))),

  list: readInitiatives
    .meta({
      openapi: { method: "GET", path: "/initiatives", tags: ["roadmaps"], summary: "Initiatives by department and status", errorResponses: [404] },
    })
    .input(z.object({ department: department.optional(), status: status.optional() }))
    .output(z.object({ initiatives: z.array(initiativeSummary) }))
    .query(async ({ ctx, input }) => {
      await requireKnownFilters(ctx, { department: input.department });
      let departmentFilter = input.department;
      if (ctx.user?.role === "department_head") {
        const own = ctx.user.department ?? "";
        if (departmentFilter !== undefined && departmentFilter !== own) {
          throw new TRPCError({ code: "FORBIDDEN", message: `department: you may read the initiatives ${own} takes part in only` });
        }
        departmentFilter = own;
      }
      return { initiatives: await listInitiatives(ctx.db, { department: departmentFilter, status: input.status }) };
    }),

  get: readInitiatives
    .meta({
      openapi: { method: "GET", path: "/initiatives/{id}", tags: ["roadmaps"], summary: "An initiative with sign-offs, plan, goals, warnings and history", errorResponses: [404] },
    })
    .input(idInput)
    .output(initiativeDetailShape)
    .query(async ({ ctx, input }) => {
      const detail = await initiativeDetail(ctx.db, input.id, await ctx.settings(), new Date(), machineActorOf(ctx));
      visibleTo(ctx)(detail);
      return detail;
    }),

  update: writeInitiatives
    .meta({
      openapi: { method: "PATCH", path: "/initiatives/{id}", tags: ["roadmaps"], summary: "Change scope (new version) or plan", errorResponses: [404, 409] },
    })
    .input(
      z.object({
        id,
        title: scopeInput.title.optional(),
        description: scopeInput.description,
        departments: scopeInput.departments.optional(),
        launchAt: date.optional(),
        ...planInput,
      }),
    )
    .output(initiativeDetailShape)
    .mutation(async ({ ctx, input }) => {
      const { id: initiativeId, ...changes } = input;
      return detailOf(ctx, await updateInitiative(ctx.db, initiativeId, changes, whoOf(ctx), visibleTo(ctx)));
    }),

  submit: transition("submit", "Submit a draft for sign-off"),
  start: transition("start", "Start an approved initiative"),
  complete: transition("complete", "Complete an initiative in progress"),
  cancel: transition("cancel", "Cancel an initiative (any status but done)"),

  signoff: writeInitiatives
    .meta({
      openapi: { method: "POST", path: "/initiatives/{id}/signoffs", tags: ["roadmaps"], summary: "Approve or reject for a department", errorResponses: [404, 409] },
    })
    .input(
      z.object({
        id,
        department,
        decision: z.enum(["approve", "reject"]),
        comment: text().trim().max(2000).nullable().optional(),
      }),
    )
    .output(initiativeDetailShape)
    .mutation(async ({ ctx, input }) => {
      const { id: initiativeId, ...signoffInput } = input;
      const record = await actOnInitiative(ctx.db, initiativeId, { type: "signoff", ...signoffInput }, whoOf(ctx), visibleTo(ctx));
      return detailOf(ctx, record);
    }),
});
