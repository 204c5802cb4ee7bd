import { TRPCError } from "@trpc/server";
import { z } from "zod";
import {
  customerDetail,
  customerSorts,
  isLocalDate,
  listCustomers,
  problemCustomers,
  problemReasons,
  pyramid,
  segments,
  valueChanges,
  type CustomerScope,
} from "@retain/accounts";
import { text } from "@retain/validation";
import type { Context } from "../context";
import { readProcedure, router } from "../trpc";
import { accountSettingsOf, asOfOr, managerIdOf, mapAccountsErrors, visibilityOf } from "./account-scope";

/*
 * SPEC §8 customer reads: the value pyramid, value changes, problem customers, the registry and one
 * customer. Segments are always ranked company-wide; what a caller may see (§7) picks which
 * customers are counted or listed.
 */

const asOfInput = text()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD")
  .refine(isLocalDate, "is not a real date")
  .meta({ example: "2026-11-30" })
  .optional();
const email = text().trim().min(3).max(254).meta({ example: "xavier.jensen@example.com" });
const segment = z.enum(segments);
const creditPolicies = ["preferential", "strict", "standard", "stop"] as const;
const tiers = ["vip", "key", "regular"] as const;
const sizes = ["large", "medium", "small"] as const;
const ownerships = ["state", "private", "foreign", "collective", "group"] as const;

/** The customers a caller may count: own for a manager, their department's for a head. */
function scopeOf(ctx: Pick<Context, "user">): CustomerScope & { department?: string } {
  const v = visibilityOf(ctx);
  if ("managerId" in v) return { accountManagerId: v.managerId };
  if ("department" in v) return { department: v.department };
  return {};
}

/** The pyramid's manager filter narrowed by §7: a manager may ask for their own only. */
async function pyramidScope(ctx: Context, accountManager: string | undefined): Promise<CustomerScope & { department?: string }> {
  if (ctx.user?.role === "viewer") {
    if (accountManager !== undefined) throw new TRPCError({ code: "FORBIDDEN", message: "accountManager: viewers read company-wide figures only" });
    return {};
  }
  const scope = scopeOf(ctx);
  if (accountManager === undefined) return scope;
  const id = await managerIdOf(ctx, accountManager, "accountManager");
  if (scope.accountManagerId !== undefined && scope.accountManagerId !== id) {
    throw new TRPCError({ code: "FORBIDDEN", message: "accountManager: you may read your own customers only" });
  }
  return { ...scope, accountManagerId: id };
}

const pyramidShape = z.object({
  asOf: z.string(),
  segments: z.array(z.object({ segment, customers: z.number().int(), revenue: z.number(), share: z.number().nullable() })),
});
const changeShape = z.object({ customerId: z.string(), from: segment, to: segment, direction: z.enum(["up", "down"]) });
const reason = z.enum(problemReasons);
const listRow = z.object({
  id: z.string(),
  name: z.string(),
  tier: z.enum(tiers),
  size: z.enum(sizes),
  industry: z.string().nullable(),
  region: z.string().nullable(),
  ownership: z.enum(ownerships).nullable(),
  specialty: z.string().nullable(),
  accountManager: z.string().nullable(),
  segment,
  creditPolicy: z.enum(creditPolicies),
  revenue: z.number(),
  incomplete: z.boolean(),
  createdAt: z.string(),
});
const detailShape = listRow.omit({ creditPolicy: true }).extend({
  referredBy: z.string().nullable(),
  asOf: z.string(),
  suggestedAction: z.enum(["care", "win_back", "repeat", "up_sell", "cross_sell", "first_order"]),
  problems: z.array(reason),
  creditPolicy: z.object({
    policy: z.enum(creditPolicies),
    record: z.enum(["good", "poor", "none"]),
    onTimeRate: z.number().nullable(),
    payments: z.number().int(),
  }),
  tierHistory: z.array(z.object({ at: z.string(), from: z.enum(tiers).nullable(), to: z.enum(tiers) })),
  assignmentHistory: z.array(
    z.object({ accountManager: z.string(), name: z.string(), from: z.string().nullable(), to: z.string().nullable(), method: z.string() }),
  ),
  creditPolicyHistory: z.array(
    z.object({
      at: z.string(),
      asOf: z.string(),
      from: z.enum(creditPolicies).nullable(),
      to: z.enum(creditPolicies),
      record: z.enum(["good", "poor", "none"]),
      onTimeRate: z.number().nullable(),
      payments: z.number().int(),
    }),
  ),
  openComplaints: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      occurredAt: z.string(),
      severity: z.string().nullable(),
      overdue: z.boolean(),
      followUps: z.array(z.object({ id: z.string(), source: z.string(), type: z.string(), occurredAt: z.string() })),
    }),
  ),
});

const customerReads = readProcedure;

export const customersRouter = router({
  pyramid: customerReads
    .meta({
      openapi: { method: "GET", path: "/customers/pyramid", tags: ["customers"], summary: "The value pyramid at a date (six segments, top first)", errorResponses: [404] },
    })
    .input(z.object({ asOf: asOfInput, accountManager: email.optional() }))
    .output(pyramidShape)
    .query(async ({ ctx, input }) => {
      const scope = await pyramidScope(ctx, input.accountManager);
      const settings = await accountSettingsOf(ctx);
      const today = asOfOr(undefined, settings);
      return pyramid(ctx.db, input.asOf ?? today, settings, scope, { today });
    }),

  valueChanges: customerReads
    .meta({
      openapi: { method: "GET", path: "/customers/value-changes", tags: ["customers"], summary: "Customers whose segment at the date differs from 90 days before" },
    })
    .input(z.object({ asOf: asOfInput }))
    .output(z.object({ asOf: z.string(), changes: z.array(changeShape) }))
    .query(async ({ ctx, input }) => {
      const scope = scopeOf(ctx);
      const settings = await accountSettingsOf(ctx);
      return valueChanges(ctx.db, asOfOr(input.asOf, settings), settings, scope);
    }),

  problems: customerReads
    .meta({
      openapi: { method: "GET", path: "/customers/problems", tags: ["customers"], summary: "Problem customers at a date with their reasons" },
    })
    .input(z.object({ asOf: asOfInput }))
    .output(z.object({ asOf: z.string(), customers: z.array(z.object({ customerId: z.string(), reasons: z.array(reason) })) }))
    .query(async ({ ctx, input }) => {
      const scope = scopeOf(ctx);
      const settings = await accountSettingsOf(ctx);
      return problemCustomers(ctx.db, asOfOr(input.asOf, settings), settings, scope);
    }),

  list: customerReads
    .meta({
      openapi: { method: "GET", path: "/customers", tags: ["customers"], summary: "The customer registry: search, filters, sort, cursor pages and total", errorResponses: [404] },
    })
    .input(
      z.object({
        search: text().trim().max(200).optional(),
        tier: z.enum(tiers).optional(),
        size: z.enum(sizes).optional(),
        industry: text().max(100).optional(),
        region: text().max(100).optional(),
        ownership: z.enum(ownerships).optional(),
        accountManager: text().trim().min(1).max(254).meta({ description: "a manager's email, or `none` for customers without one" }).optional(),
        segment: segment.optional(),
        creditPolicy: z.enum(creditPolicies).optional(),
        incomplete: z.enum(["true", "false"]).optional(),
        sort: z.enum(customerSorts).default("name"),
        limit: z.coerce.number().int().min(1).max(500).default(50),
        cursor: text().max(1000).optional(),
      }),
    )
    .output(z.object({ customers: z.array(listRow), total: z.number().int(), next: z.string().nullable() }))
    .query(async ({ ctx, input }) => {
      const visibleTo = visibilityOf(ctx);
      let accountManagerId: string | null | undefined;
      if (input.accountManager === "none") accountManagerId = null;
      else if (input.accountManager !== undefined) accountManagerId = await managerIdOf(ctx, input.accountManager, "accountManager");
      const settings = await accountSettingsOf(ctx);
      return mapAccountsErrors(() =>
        listCustomers(
          ctx.db,
          {
            ...input,
            accountManagerId,
            incomplete: input.incomplete === undefined ? undefined : input.incomplete === "true",
          },
          visibleTo,
          settings,
          asOfOr(undefined, settings),
        ),
      );
    }),

  get: customerReads
    .meta({
      openapi: {
        method: "GET",
        path: "/customers/{id}",
        tags: ["customers"],
        summary: "A customer with segment, suggested action, problems, credit policy and histories",
        errorResponses: [404],
      },
    })
    .input(z.object({ id: text().min(1).max(128) }))
    .output(detailShape)
    .query(async ({ ctx, input }) => {
      const visibleTo = visibilityOf(ctx);
      const settings = await accountSettingsOf(ctx);
      const detail = await customerDetail(ctx.db, input.id, visibleTo, settings, asOfOr(undefined, settings));
      if (!detail) throw new TRPCError({ code: "NOT_FOUND", message: `no customer ${input.id}` });
      return detail;
    }),
});
