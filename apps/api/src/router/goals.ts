import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  billOfRights,
  companyScorecard,
  copyGoals,
  createGoal,
  departmentScorecard,
  goalKinds,
  goalPerspectives,
  goalScopes,
  goalStates,
  goalStatuses,
  listGoals,
  transitionGoal,
  updateGoal,
  type GoalView,
} from "@retain/goals";
import { text } from "@retain/validation";
import { actorOf, type Context } from "../context";
import { adminProcedure, readProcedure, roleProcedure, router, userOrKeyProcedure } from "../trpc";

/*
 * Goals, scorecards and the customer bill of rights (SPEC §6), with §7's rules on top of the role
 * checks: a department head reads and proposes for their own department only (another department
 * answers 403, as metric reads do); viewers and account managers read the company scorecard and the
 * bill of rights; API keys with `read` read everything here and change nothing.
 */

const forbidden = (message: string) => new TRPCError({ code: "FORBIDDEN", message });

/** A goal period: a year `2026`, a quarter `2026-Q1` or a month `2026-03`. */
const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
const period = text()
  .regex(PERIOD, "must be a month 2026-03, a quarter 2026-Q1 or a year 2026")
  .meta({ example: "2026-Q1" });
const department = text().min(1).max(40);
const filterInput = z
  .object({
    accountManager: text().trim().min(3).max(254).optional(),
    customer: text().min(1).max(128).optional(),
  })
  .strict();

const goalView = z.object({
  id: z.string(),
  department: z.string(),
  metric: z.string(),
  period: z.string(),
  target: z.number(),
  direction: z.enum(["higher", "lower"]),
  perspective: z.enum(goalPerspectives),
  kind: z.enum(goalKinds),
  weight: z.number(),
  scope: z.enum(goalScopes),
  state: z.enum(goalStates),
  filter: z.object({ accountManager: z.string().optional(), customer: z.string().optional() }).nullable(),
  title: z.string(),
  promise: z.string().nullable(),
  owner: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const status = z.enum(goalStatuses);
const count = z.number().int();
const statusCounts = z.object({
  not_started: count,
  no_data: count,
  met: count,
  missed: count,
  on_track: count,
  at_risk: count,
  off_track: count,
});

const scorecardGoal = z.object({
  id: z.string(),
  title: z.string(),
  department: z.string(),
  metric: z.string(),
  unit: z.string(),
  direction: z.enum(["higher", "lower"]),
  perspective: z.enum(goalPerspectives),
  kind: z.enum(goalKinds),
  scope: z.enum(goalScopes),
  state: z.enum(goalStates),
  filter: goalView.shape.filter,
  promise: z.string().nullable(),
  weight: z.number(),
  target: z.number(),
  expected: z.number(),
  actual: z.number().nullable(),
  forecast: z.number().nullable(),
  attainment: z.number().nullable(),
  status,
  elapsed: z.number(),
});

const changes = {
  target: z.number().optional(),
  weight: z.number().optional(),
  title: text().trim().max(200).optional(),
  perspective: z.enum(goalPerspectives).optional(),
  kind: z.enum(goalKinds).optional(),
  direction: z.enum(["higher", "lower"]).optional(),
  scope: z.enum(goalScopes).optional(),
  filter: filterInput.nullable().optional(),
  promise: text().trim().max(500).nullable().optional(),
};

/** A head's own department, or 403 for another; everyone else passes. */
function ownDepartment(ctx: Pick<Context, "user">, requested: string | undefined): string | undefined {
  const user = ctx.user;
  if (user?.role !== "department_head") return requested;
  const own = user.department ?? "";
  if (requested !== undefined && requested !== own) {
    throw forbidden(`department: you may read and propose goals of the ${own} department only`);
  }
  return own;
}

/** A head may change only their own department's goals that are still proposed. */
function headMayChange(ctx: Pick<Context, "user">) {
  return (goal: GoalView) => {
    const user = ctx.user;
    if (user?.role !== "department_head") return;
    if (goal.department !== user.department) {
      throw forbidden(`department: you may change goals of the ${user.department ?? ""} department only`);
    }
    if (goal.state !== "proposed") {
      throw forbidden(
        "state: a department head changes only their own proposals; an admin changes active goals",
      );
    }
  };
}

const stateOf = (ctx: Pick<Context, "user">): "active" | "proposed" =>
  ctx.user?.role === "admin" ? "active" : "proposed";

/** Heads and admins; API keys with `read`. */
const departmentReadProcedure = userOrKeyProcedure(["admin", "department_head"], "read");
const goalWriteProcedure = roleProcedure("admin", "department_head");

const idInput = z.object({ id: text().min(1).max(64) });

export const goalsRouter = router({
  create: goalWriteProcedure
    .meta({
      created: true,
      openapi: {
        method: "POST",
        path: "/goals",
        tags: ["goals"],
        summary: "Set a goal (a head's is proposed)",
      },
    })
    .input(
      z.object({
        ...changes,
        department,
        metric: text().min(1).max(64),
        period,
        target: z.number(),
      }),
    )
    .output(goalView)
    .mutation(async ({ ctx, input }) => {
      ownDepartment(ctx, input.department);
      return createGoal(ctx.db, input, actorOf(ctx), stateOf(ctx));
    }),

  list: departmentReadProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/goals",
        tags: ["goals"],
        summary: "Goals by department, period and state",
      },
    })
    .input(
      z.object({
        department: department.optional(),
        period: period.optional(),
        state: z.enum(goalStates).optional(),
      }),
    )
    .output(z.object({ goals: z.array(goalView) }))
    .query(async ({ ctx, input }) => ({
      goals: await listGoals(ctx.db, { ...input, department: ownDepartment(ctx, input.department) }),
    })),

  update: goalWriteProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/goals/{id}",
        tags: ["goals"],
        summary: "Change a goal",
        errorResponses: [404],
      },
    })
    .input(z.object({ id: idInput.shape.id, ...changes }))
    .output(goalView)
    .mutation(({ ctx, input }) => {
      const { id, ...rest } = input;
      return updateGoal(ctx.db, id, rest, actorOf(ctx), headMayChange(ctx));
    }),

  archive: goalWriteProcedure
    .meta({
      openapi: {
        method: "DELETE",
        path: "/goals/{id}",
        tags: ["goals"],
        summary: "Archive a goal",
        errorResponses: [404],
      },
    })
    .input(idInput)
    .output(goalView)
    .mutation(({ ctx, input }) =>
      transitionGoal(ctx.db, input.id, "archive", actorOf(ctx), headMayChange(ctx)),
    ),

  accept: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/goals/{id}/accept",
        tags: ["goals"],
        summary: "Accept a proposed goal",
        errorResponses: [404, 409],
      },
    })
    .input(idInput)
    .output(goalView)
    .mutation(({ ctx, input }) => transitionGoal(ctx.db, input.id, "accept", actorOf(ctx))),

  decline: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/goals/{id}/decline",
        tags: ["goals"],
        summary: "Decline a proposed goal",
        errorResponses: [404, 409],
      },
    })
    .input(idInput)
    .output(goalView)
    .mutation(({ ctx, input }) => transitionGoal(ctx.db, input.id, "decline", actorOf(ctx))),

  copy: goalWriteProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/goals/copy",
        tags: ["goals"],
        summary: "Copy a period's active goals to another period",
      },
    })
    .input(
      z.object({ from: period, to: period.meta({ example: "2026-Q2" }), department: department.optional() }),
    )
    .output(z.object({ created: z.number().int(), skipped: z.number().int() }))
    .mutation(({ ctx, input }) =>
      copyGoals(
        ctx.db,
        { ...input, department: ownDepartment(ctx, input.department) },
        actorOf(ctx),
        stateOf(ctx),
      ),
    ),
});

export const scorecardsRouter = router({
  department: departmentReadProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/scorecards/{department}",
        tags: ["scorecards"],
        summary: "A department's scorecard for a period",
      },
    })
    .input(z.object({ department, period }))
    .output(
      z.object({
        department: z.string(),
        period: z.string(),
        score: z.number().nullable(),
        goals: z.array(scorecardGoal),
      }),
    )
    .query(async ({ ctx, input }) => {
      ownDepartment(ctx, input.department);
      return departmentScorecard(ctx.db, input.department, input.period, await ctx.settings(), new Date());
    }),

  company: readProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/scorecards",
        tags: ["scorecards"],
        summary: "Every department's score for a period",
      },
    })
    .input(z.object({ period }))
    .output(
      z.object({
        period: z.string(),
        score: z.number().nullable(),
        departments: z.array(
          z.object({
            department: z.string(),
            name: z.string(),
            score: z.number().nullable(),
            goals: z.number().int(),
            status: statusCounts,
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) =>
      companyScorecard(ctx.db, input.period, await ctx.settings(), new Date()),
    ),

  billOfRights: readProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/bill-of-rights",
        tags: ["scorecards"],
        summary: "The promises made to customers, with their status",
      },
    })
    .input(z.object({ period }))
    .output(
      z.object({
        period: z.string(),
        promises: z.array(
          z.object({
            goalId: z.string(),
            department: z.string(),
            promise: z.string(),
            metric: z.string(),
            target: z.number(),
            actual: z.number().nullable(),
            status,
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => billOfRights(ctx.db, input.period, await ctx.settings(), new Date())),
});
