import { TRPCError } from "@trpc/server";
import type { Context } from "./context";

const notFound = (message: string) => new TRPCError({ code: "NOT_FOUND", message });

/**
 * A filter names a department or customer that exists, or it is answered 404 naming the filter:
 * an unknown value is a mistake to report, never an empty result that reads like data.
 */
export async function requireKnownFilters(
  ctx: Pick<Context, "db">,
  filters: { department?: string; customer?: string },
): Promise<void> {
  if (filters.department !== undefined) {
    const found = await ctx.db
      .selectFrom("departments")
      .select("key")
      .where("key", "=", filters.department)
      .executeTakeFirst();
    if (!found) throw notFound(`department: no department ${filters.department}`);
  }
  if (filters.customer !== undefined) {
    const found = await ctx.db
      .selectFrom("customers")
      .select("id")
      .where("id", "=", filters.customer)
      .executeTakeFirst();
    if (!found) throw notFound(`customer: no customer ${filters.customer}`);
  }
}

export type RequestedScope = { department?: string; accountManagerId?: string; customerId?: string };

const forbidden = (message: string) => new TRPCError({ code: "FORBIDDEN", message });

/**
 * The data a caller may read (SPEC §7), applied to a requested filter:
 * - admins, viewers and API keys with `read`: company-wide, any filter (viewers: no manager or customer filter);
 * - department heads: company-wide totals, or their own department (manager and customer filters are
 *   narrowed to the events attributed to their department);
 * - account managers: their own KPIs and their own customers only.
 */
export async function authorisedScope(ctx: Context, requested: RequestedScope): Promise<RequestedScope> {
  const user = ctx.user;
  if (!user) return requested; // an API key with the read scope
  switch (user.role) {
    case "admin":
      return requested;
    case "viewer":
      if (requested.accountManagerId || requested.customerId) {
        throw forbidden(
          "viewers read company-wide dashboards; filters by manager or customer need another role",
        );
      }
      return requested;
    case "department_head": {
      const own = user.department ?? "";
      if (requested.department && requested.department !== own) {
        throw forbidden(`department: you may read the ${own} department and company-wide totals only`);
      }
      if (requested.accountManagerId || requested.customerId) return { ...requested, department: own };
      return requested;
    }
    case "account_manager": {
      if (requested.accountManagerId && requested.accountManagerId !== user.id) {
        throw forbidden("accountManager: you may read your own KPIs only");
      }
      if (requested.customerId) {
        const customer = await ctx.db
          .selectFrom("customers")
          .select("account_manager_id")
          .where("id", "=", requested.customerId)
          .executeTakeFirst();
        if (customer?.account_manager_id !== user.id) throw forbidden("customer: not one of your customers");
      }
      return { ...requested, accountManagerId: user.id };
    }
  }
}
