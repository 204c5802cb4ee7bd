import { TRPCError } from "@trpc/server";
import { AccountsError, localDateOf, readAccountSettings, type AccountSettings, type Visibility } from "@retain/accounts";
import { findUserByEmail } from "@retain/access";
import type { Context } from "../context";

/*
 * §7 for customers and account managers, in one place: admins and API keys with `read` see every
 * customer; an account manager their own (another's is 404, as if it did not exist); a department
 * head the customers with events attributed to their department; a viewer none.
 */

export function visibilityOf(ctx: Pick<Context, "user">): Visibility {
  const user = ctx.user;
  if (!user) return { all: true };
  switch (user.role) {
    case "admin":
      return { all: true };
    case "account_manager":
      return { managerId: user.id };
    case "department_head":
      return { department: user.department ?? "" };
    case "viewer":
      throw new TRPCError({ code: "FORBIDDEN", message: "viewers read company-wide dashboards; customers need another role" });
  }
}

/** The §8 settings on top of the organisation's. */
export async function accountSettingsOf(ctx: Pick<Context, "db" | "settings">): Promise<AccountSettings> {
  const org = await ctx.settings();
  return readAccountSettings(ctx.db, { timeZone: org.timeZone, complaintSlaHours: org.complaintSlaHours });
}

/** `asOf`, default today in the organisation's zone. */
export function asOfOr(asOf: string | undefined, settings: AccountSettings): string {
  return asOf ?? localDateOf(new Date(), settings.timeZone);
}

/** An account manager named by email, or 404 naming the field. */
export async function managerIdOf(ctx: Pick<Context, "db">, email: string, field: string): Promise<string> {
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.role !== "account_manager") {
    throw new TRPCError({ code: "NOT_FOUND", message: `${field}: no account manager ${email}` });
  }
  return user.id;
}

/** Domain refusals become their HTTP status; the message names the field. */
export async function mapAccountsErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AccountsError) throw new TRPCError({ code: error.code, message: error.message, cause: error });
    throw error;
  }
}
