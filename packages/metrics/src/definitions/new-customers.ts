import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { liveEvents, periodBucket } from "../live-events";

export const newCustomers = defineMetric({
  key: "new_customers",
  name: "New customers",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Customers whose first order ever (within the filter's scope) is in the period.",
  additive: true,
  compute: async (ctx) => {
    // All history before the end: a first order is only first if nothing in scope came earlier.
    const { rows } = await sql<{ bucket: string; n: number }>`
      select ${periodBucket(ctx, sql`f.first_at`)} as bucket, count(*) as n
      from (
        select e.customer_id, min(e.occurred_at) as first_at
        from (${liveEvents(ctx, ["order"], { range: { to: ctx.end } })}) e
        group by e.customer_id
      ) f
      where f.first_at >= ${ctx.start}
      group by bucket`.execute(ctx.db);
    return byPeriod(ctx, rows, (r) => r.n);
  },
});
