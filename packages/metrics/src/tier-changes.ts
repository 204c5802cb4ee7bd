import { sql } from "kysely";
import type { MetricContext, PeriodValues } from "./definition";
import { byPeriod } from "./aggregates";
import { and, periodBucket } from "./live-events";

const rank = (column: string) =>
  sql`array_position(array['regular', 'key', 'vip']::text[], ${sql.ref(column)})`;

/**
 * Customers with a tier change of `kind` per period of `changed_at` (SPEC §5: "customers whose
 * tier rose / fell in the period"): a customer whose tier rose twice in a period counts once. A
 * first tier (from_tier null) is not a change. Tier changes are not events: they belong to
 * `homeDepartment` (any other department gets 0) and to the customer's account manager at the
 * moment of the change.
 */
export function tierChanges(kind: "upgrade" | "downgrade", homeDepartment: string) {
  return async (ctx: MetricContext): Promise<PeriodValues> => {
    const { department, accountManagerId, customerId } = ctx.scope;
    if (department !== undefined && department !== homeDepartment) return new Map();
    const conditions = [
      sql`t.from_tier is not null`,
      sql`t.changed_at >= ${ctx.start}`,
      sql`t.changed_at < ${ctx.end}`,
      kind === "upgrade"
        ? sql`${rank("t.to_tier")} > ${rank("t.from_tier")}`
        : sql`${rank("t.to_tier")} < ${rank("t.from_tier")}`,
    ];
    if (customerId !== undefined) conditions.push(sql`t.customer_id = ${customerId}`);
    if (accountManagerId !== undefined) {
      conditions.push(sql`exists (
        select 1 from customer_assignments a
        where a.customer_id = t.customer_id and a.user_id = ${accountManagerId}
          and a.valid_from <= t.changed_at and (a.valid_to is null or t.changed_at < a.valid_to))`);
    }
    const { rows } = await sql<{ bucket: string; n: number }>`
      select ${periodBucket(ctx, sql`t.changed_at`)} as bucket, count(distinct t.customer_id) as n
      from customer_tier_changes t
      where ${and(conditions)}
      group by bucket`.execute(ctx.db);
    return byPeriod(ctx, rows, (r) => r.n);
  };
}
