import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { findUserByEmail } from "@retain/access";
import {
  breakdownDimensions,
  getMetric,
  metricBreakdown,
  MetricQueryError,
  periodRange,
} from "@retain/metrics";
import { text } from "@retain/validation";
import { eventTypeKeys, listEvents, type EventType } from "@retain/warehouse";
import type { Context } from "../context";
import { authorisedScope, requireKnownFilters, type RequestedScope } from "../scope";
import { readProcedure, router } from "../trpc";

/*
 * What is behind a number: a metric broken down by department, account manager or customer, and the
 * raw events themselves. Both keep to the rows a caller may read, more strictly than a metric read:
 * a department head sees their own department's events only (a breakdown lists customers, not
 * company-wide totals), an account manager their own, a viewer no customer or manager detail.
 */

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const localDate = text().regex(LOCAL_DATE, "must be a date YYYY-MM-DD");

const forbidden = (message: string) => new TRPCError({ code: "FORBIDDEN", message });
const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

/** A bad query (dates, range, settings) is the caller's: 400 with the field. */
async function asBadRequest<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MetricQueryError) {
      throw new TRPCError({ code: "BAD_REQUEST", message: error.message, cause: error });
    }
    throw error;
  }
}

type Filters = { department?: string; accountManager?: string; customer?: string };

/** The §5 filters checked (unknown → 404) and narrowed to what the caller may read. */
async function rowScope(ctx: Context, filters: Filters): Promise<RequestedScope> {
  let accountManagerId: string | undefined;
  if (filters.accountManager !== undefined) {
    const manager = await findUserByEmail(ctx.db, filters.accountManager);
    if (!manager) throw notFound(`accountManager: no user ${filters.accountManager}`);
    accountManagerId = manager.id;
  }
  await requireKnownFilters(ctx, { department: filters.department, customer: filters.customer });
  const scope = await authorisedScope(ctx, {
    department: filters.department,
    accountManagerId,
    customerId: filters.customer,
  });
  if (ctx.user?.role === "department_head") return { ...scope, department: ctx.user.department ?? "" };
  return scope;
}

const filterFields = {
  department: text().min(1).max(40).optional(),
  accountManager: text().min(1).max(254).optional(),
  customer: text().min(1).max(128).optional(),
};

export const breakdownRouter = router({
  metric: readProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/metrics/{key}/breakdown",
        tags: ["metrics"],
        summary: "A metric split by department, account manager or customer",
        errorResponses: [404],
      },
    })
    .input(
      z.object({
        key: text().min(1).max(64),
        from: localDate,
        to: localDate,
        by: z.enum(breakdownDimensions),
        limit: z.coerce.number().int().min(1).max(500).default(20),
        ...filterFields,
      }),
    )
    .output(
      z.object({
        metric: z.string(),
        by: z.enum(breakdownDimensions),
        total: z.number().nullable(),
        rows: z.array(
          z.object({
            key: z.string().nullable(),
            name: z.string(),
            value: z.number().nullable(),
            share: z.number().nullable(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      if (!getMetric(input.key)) throw notFound(`no metric ${input.key}`);
      if (ctx.user?.role === "viewer" && input.by !== "department") {
        throw forbidden(
          "by: viewers read company-wide figures; a breakdown by manager or customer needs another role",
        );
      }
      const scope = await rowScope(ctx, input);
      const settings = await ctx.settings();
      return asBadRequest(() =>
        metricBreakdown(
          ctx.db,
          { metric: input.key, from: input.from, to: input.to, by: input.by, limit: input.limit, ...scope },
          settings,
        ),
      );
    }),
});

/** The SPEC §4 event types, as the warehouse knows them. */
const EVENT_TYPES = eventTypeKeys as [EventType, ...EventType[]];

const listedEvent = z.object({
  id: z.string(),
  source: z.string(),
  type: z.string(),
  customerId: z.string().nullable(),
  occurredAt: z.string(),
  department: z.string(),
  accountManager: z.string().nullable(),
  amount: z.number().nullable(),
  refId: z.string().nullable(),
  dueAt: z.string().nullable(),
  promisedAt: z.string().nullable(),
  severity: z.string().nullable(),
  scale: z.number().nullable(),
  score: z.number().nullable(),
  hours: z.number().nullable(),
  channel: z.string().nullable(),
  campaignId: z.string().nullable(),
  stage: z.string().nullable(),
  employee: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  voided: z.boolean(),
  ingestedAt: z.string(),
});

export const eventsRouter = router({
  list: readProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/events",
        tags: ["events"],
        summary: "The raw events behind a number, newest first",
        errorResponses: [404],
      },
    })
    .input(
      z.object({
        ...filterFields,
        type: z.enum(EVENT_TYPES).optional(),
        from: localDate.optional(),
        to: localDate.optional(),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        cursor: text().min(1).max(200).optional(),
      }),
    )
    .output(z.object({ events: z.array(listedEvent), next: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      if (ctx.user?.role === "viewer") {
        throw forbidden("viewers read company-wide dashboards; raw events need another role");
      }
      const scope = await rowScope(ctx, input);
      const { timeZone } = await ctx.settings();
      const day = (value: string, field: "from" | "to") => {
        try {
          return periodRange(value, timeZone).start;
        } catch {
          const message = `${field}: must be a calendar date YYYY-MM-DD`;
          throw new TRPCError({ code: "BAD_REQUEST", message, cause: new MetricQueryError(field, message) });
        }
      };
      const from = input.from !== undefined ? day(input.from, "from") : undefined;
      const to = input.to !== undefined ? day(input.to, "to") : undefined;
      return listEvents(ctx.db, {
        customerId: scope.customerId,
        department: scope.department,
        accountManagerId: scope.accountManagerId,
        type: input.type,
        from,
        to,
        limit: input.limit,
        cursor: input.cursor,
      });
    }),
});
