import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { text } from "@retain/validation";
import { findUserByEmail } from "@retain/access";
import { getMetric, listMetrics, metricSeries, metricValue, MetricQueryError } from "@retain/metrics";
import { authorisedScope, requireKnownFilters } from "../scope";
import type { Context } from "../context";
import { readProcedure, router } from "../trpc";

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const catalogEntry = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.enum(["money", "count", "ratio", "percent", "score", "hours"]),
  direction: z.enum(["higher", "lower"]),
  department: z.string(),
  description: z.string(),
  additive: z.boolean(),
});

export const metricsRouter = router({
  list: readProcedure
    .meta({ openapi: { method: "GET", path: "/metrics", tags: ["metrics"], summary: "The metric catalog" } })
    .input(z.void())
    .output(z.array(catalogEntry))
    .query(() => listMetrics()),

  series: readProcedure
    .meta({ openapi: { method: "GET", path: "/metrics/{key}", tags: ["metrics"], summary: "One metric per period", errorResponses: [404] } })
    .input(
      z.object({
        key: text().min(1).max(64),
        from: text().regex(LOCAL_DATE, "must be a date YYYY-MM-DD"),
        to: text().regex(LOCAL_DATE, "must be a date YYYY-MM-DD"),
        grain: z.enum(["day", "week", "month", "quarter", "year"]),
        department: text().min(1).max(40).optional(),
        accountManager: text().min(1).max(254).optional(),
        customer: text().min(1).max(128).optional(),
      }),
    )
    .output(
      z.object({
        metric: z.string(),
        unit: z.string(),
        grain: z.string(),
        points: z.array(z.object({ period: z.string(), value: z.number().nullable() })),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (!getMetric(input.key)) throw new TRPCError({ code: "NOT_FOUND", message: `no metric ${input.key}` });
      let accountManagerId: string | undefined;
      if (input.accountManager) {
        const manager = await findUserByEmail(ctx.db, input.accountManager);
        if (!manager) throw new TRPCError({ code: "NOT_FOUND", message: `accountManager: no user ${input.accountManager}` });
        accountManagerId = manager.id;
      }
      await requireKnownFilters(ctx, { department: input.department, customer: input.customer });
      const scope = await authorisedScope(ctx, {
        department: input.department,
        accountManagerId,
        customerId: input.customer,
      });
      const settings = await ctx.settings();
      try {
        return await metricSeries(
          ctx.db,
          {
            metric: input.key,
            from: input.from,
            to: input.to,
            grain: input.grain,
            ...scope,
          },
          settings,
        );
      } catch (error) {
        if (error instanceof MetricQueryError) {
          throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
        }
        throw error;
      }
    }),

  value: readProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/metrics/{key}/value",
        tags: ["metrics"],
        summary: "One metric over a whole range as one period (a distinct count or a rate of the whole range)",
        errorResponses: [404],
      },
    })
    .input(
      z.object({
        key: text().min(1).max(64),
        from: text().regex(LOCAL_DATE, "must be a date YYYY-MM-DD"),
        to: text().regex(LOCAL_DATE, "must be a date YYYY-MM-DD"),
        department: text().min(1).max(40).optional(),
        accountManager: text().min(1).max(254).optional(),
        customer: text().min(1).max(128).optional(),
      }),
    )
    .output(
      z.object({ metric: z.string(), unit: z.string(), from: z.string(), to: z.string(), value: z.number().nullable() }),
    )
    .query(async ({ ctx, input }) => {
      if (!getMetric(input.key)) throw new TRPCError({ code: "NOT_FOUND", message: `no metric ${input.key}` });
      const scope = await readScope(ctx, input);
      const settings = await ctx.settings();
      try {
        return await metricValue(ctx.db, { metric: input.key, from: input.from, to: input.to, ...scope }, settings);
      } catch (error) {
        if (error instanceof MetricQueryError) {
          throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
        }
        throw error;
      }
    }),
});

/** The filters of a metric read, resolved (manager email → id) and narrowed to what the caller may read. */
async function readScope(ctx: Context, input: { department?: string; accountManager?: string; customer?: string }) {
  let accountManagerId: string | undefined;
  if (input.accountManager) {
    const manager = await findUserByEmail(ctx.db, input.accountManager);
    if (!manager) throw new TRPCError({ code: "NOT_FOUND", message: `accountManager: no user ${input.accountManager}` });
    accountManagerId = manager.id;
  }
  await requireKnownFilters(ctx, { department: input.department, customer: input.customer });
  return authorisedScope(ctx, { department: input.department, accountManagerId, customerId: input.customer });
}
