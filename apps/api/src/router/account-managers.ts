import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  applyAssignments,
  assignmentMethods,
  assignmentProposals,
  findManager,
  handover,
  managerKpiHistory,
  managerKpis,
  managersWithKpis,
  previousPeriod,
  updateManagerProfile,
} from "@retain/accounts";
import { MetricQueryError } from "@retain/metrics";
import { text } from "@retain/validation";
import { actorOf } from "../context";
import { adminProcedure, roleProcedure, router, userOrKeyProcedure } from "../trpc";
import { mapAccountsErrors } from "./account-scope";

/*
 * SPEC §8 account managers: profiles (admins edit), the list with load and KPIs (admins and API keys
 * with `read` see every manager, an account manager themself), assignment proposals, applying them
 * and handover (admins only; every reassignment is in the customer's history and the audit log).
 */

const email = text().trim().min(3).max(254).meta({ example: "xavier.jensen@example.com" });
const levels = ["senior", "intermediate", "junior"] as const;
const ownerships = ["state", "private", "foreign", "collective", "group"] as const;
const tag = text().trim().min(1).max(100);
const period = text()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "must be a month (2026-03), quarter (2026-Q1) or year (2026)")
  .meta({ example: "2026-Q1" });

const profileShape = z.object({
  email: z.string(),
  name: z.string(),
  active: z.boolean(),
  level: z.enum(levels),
  specialties: z.array(z.string()),
  industries: z.array(z.string()),
  ownerships: z.array(z.enum(ownerships)),
  capacity: z.number().int(),
  customers: z.number().int(),
});
const kpiShape = z.object(Object.fromEntries(managerKpis.map((k) => [k, z.number().nullable()])) as Record<(typeof managerKpis)[number], z.ZodNullable<z.ZodNumber>>);
const proposalsShape = z.object({
  proposals: z.array(
    z.object({
      customerId: z.string(),
      accountManager: z.string(),
      reason: z.enum(["level", "relationship", "specialty", "industry", "ownership"]),
      loadAfter: z.number(),
    }),
  ),
  unassigned: z.array(z.object({ customerId: z.string(), reason: z.enum(["no_capacity", "no_match", "no_relationship"]) })),
});

const publicProfile = <T extends { id: string }>(p: T) => {
  const { id: _id, ...rest } = p;
  return rest;
};

export const accountManagersRouter = router({
  list: userOrKeyProcedure(["admin", "account_manager"], "read")
    .meta({
      openapi: {
        method: "GET",
        path: "/account-managers",
        tags: ["account managers"],
        summary: "Account managers with customers served, capacity and KPIs of the period and the previous one",
      },
    })
    .input(z.object({ period }))
    .output(
      z.object({
        period: z.string(),
        previousPeriod: z.string(),
        managers: z.array(profileShape.extend({ kpis: kpiShape, previousKpis: kpiShape })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const settings = await ctx.settings();
      const only = ctx.user?.role === "account_manager" ? ctx.user.id : undefined;
      try {
        const managers = await managersWithKpis(ctx.db, input.period, settings, only);
        return {
          period: input.period,
          previousPeriod: previousPeriod(input.period),
          managers: managers.map(({ period: _p, previousPeriod: _pp, ...m }) => publicProfile(m)),
        };
      } catch (error) {
        if (error instanceof MetricQueryError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
        throw error;
      }
    }),

  update: adminProcedure
    .meta({
      openapi: { method: "PATCH", path: "/account-managers/{email}", tags: ["account managers"], summary: "Set a manager's profile (admin)", errorResponses: [404] },
    })
    .input(
      z.object({
        email,
        level: z.enum(levels).optional(),
        specialties: z.array(tag).max(50).optional(),
        industries: z.array(tag).max(50).optional(),
        ownerships: z.array(z.enum(ownerships)).max(5).optional(),
        capacity: z.number().int().min(0).max(100_000).optional(),
      }),
    )
    .output(profileShape)
    .mutation(async ({ ctx, input }) => {
      const { email: who, ...changes } = input;
      return publicProfile(await mapAccountsErrors(() => updateManagerProfile(ctx.db, actorOf(ctx), who, changes)));
    }),

  get: roleProcedure("admin", "account_manager")
    .meta({
      openapi: { method: "GET", path: "/account-managers/{email}", tags: ["account managers"], summary: "One manager's profile and load", errorResponses: [404] },
    })
    .input(z.object({ email }))
    .output(profileShape)
    .query(async ({ ctx, input }) => {
      const manager = await findManager(ctx.db, input.email);
      if (!manager || (ctx.user.role === "account_manager" && manager.id !== ctx.user.id)) {
        throw new TRPCError({ code: "NOT_FOUND", message: `email: no account manager ${input.email}` });
      }
      return publicProfile(manager);
    }),

  kpis: userOrKeyProcedure(["admin", "account_manager"], "read")
    .meta({
      openapi: {
        method: "GET",
        path: "/account-managers/{email}/kpis",
        tags: ["account managers"],
        summary: "One manager's KPIs for the period, the one before and the periods before that (a manager: their own)",
        errorResponses: [404],
      },
    })
    .input(z.object({ email, period }))
    .output(
      z.object({
        email: z.string(),
        period: z.string(),
        previousPeriod: z.string(),
        kpis: kpiShape,
        previousKpis: kpiShape,
        history: z.array(z.object({ period: z.string(), kpis: kpiShape })),
      }),
    )
    .query(async ({ ctx, input }) => {
      const settings = await ctx.settings();
      let found: Awaited<ReturnType<typeof managerKpiHistory>>;
      try {
        found = await managerKpiHistory(ctx.db, input.email, input.period, settings);
      } catch (error) {
        if (error instanceof MetricQueryError) throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
        throw error;
      }
      // Another manager's figures are answered as if they did not exist (§7), like their profile.
      if (!found || (ctx.user?.role === "account_manager" && found.manager.id !== ctx.user.id)) {
        throw new TRPCError({ code: "NOT_FOUND", message: `email: no account manager ${input.email}` });
      }
      const { manager, ...figures } = found;
      return { email: manager.email, ...figures };
    }),

  handover: adminProcedure
    .meta({
      openapi: {
        method: "POST",
        path: "/account-managers/{email}/handover",
        tags: ["account managers"],
        summary: "Move all of a manager's customers to another, or by level proposals",
        errorResponses: [404, 409],
      },
    })
    .input(z.object({ email, to: email.optional() }))
    .output(
      z.object({
        moved: z.array(z.object({ customerId: z.string(), accountManager: z.string() })),
        unassigned: z.array(z.object({ customerId: z.string(), reason: z.string() })),
      }),
    )
    .mutation(({ ctx, input }) => mapAccountsErrors(() => handover(ctx.db, actorOf(ctx), input.email, input.to))),
});

export const assignmentsRouter = router({
  proposals: adminProcedure
    .meta({
      openapi: { method: "POST", path: "/assignments/proposals", tags: ["account managers"], summary: "Propose a manager per customer by a method (changes nothing)", errorResponses: [404] },
    })
    .input(z.object({ method: z.enum(assignmentMethods), customers: z.array(text().min(1).max(128)).max(10_000).optional() }))
    .output(proposalsShape)
    .mutation(async ({ ctx, input }) => {
      const result = await mapAccountsErrors(() => assignmentProposals(ctx.db, input.method, input.customers));
      return {
        proposals: result.proposals.map(({ managerId: _m, ...p }) => p),
        unassigned: result.unassigned,
      };
    }),

  applyAssignments: adminProcedure
    .meta({
      openapi: { method: "POST", path: "/assignments/apply", tags: ["account managers"], summary: "Apply assignments: each a reassignment in history and audit", errorResponses: [404, 409] },
    })
    .input(
      z.object({
        assignments: z.array(z.object({ customerId: text().min(1).max(128), accountManager: email })).min(1).max(10_000),
      }),
    )
    .output(z.object({ applied: z.number().int(), unchanged: z.number().int() }))
    .mutation(({ ctx, input }) => mapAccountsErrors(() => applyAssignments(ctx.db, actorOf(ctx), input.assignments))),
});
