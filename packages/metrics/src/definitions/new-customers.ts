import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { liveEvents, periodBucket } from "../live-events";
import { readRollupOrRaw, timelineScope } from "../rollup-reads";

export const newCustomers = defineMetric({
  key: "new_customers",
  name: "New customers",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Customers whose first order ever (within the filter's scope) is in the period.",
  additive: true,
  compute: async (ctx) => {
    // The timeline keeps no manager scopes: a manager filter reads raw events.
    const rows = await readRollupOrRaw<{ bucket: string; n: number }>(
      ctx.scope.accountManagerId === undefined ? ctx : { ...ctx, rollups: false },
      // The customer's first instant in the scope is the timeline row without a previous one.
      sql`select ${periodBucket(ctx, sql`r.at`)} as bucket, count(*) as n
        from order_timeline r
        where ${timelineScope(ctx)} and r.prev_at is null and r.at >= ${ctx.start} and r.at < ${ctx.end}
        group by bucket`,
      // All history before the end: a first order is only first if nothing in scope came earlier.
      sql`select ${periodBucket(ctx, sql`f.first_at`)} as bucket, count(*) as n
        from (
          select e.customer_id, min(e.occurred_at) as first_at
          from (${liveEvents(ctx, ["order"], { range: { to: ctx.end } })}) e
          group by e.customer_id
        ) f
        where f.first_at >= ${ctx.start}
        group by bucket`,
      { facts: true },
    );
    return byPeriod(ctx, rows, (r) => r.n);
  },
});
