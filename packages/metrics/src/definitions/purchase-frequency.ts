import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { liveEvents, periodBucket } from "../live-events";
import { readRollupOrRaw, rollupBucket, rollupPeriod, rollupRows } from "../rollup-reads";
import { ratio } from "../values";

export const purchaseFrequency = defineMetric({
  key: "purchase_frequency",
  name: "Purchase frequency",
  unit: "ratio",
  direction: "higher",
  department: "sales",
  description: "Orders per active customer.",
  additive: false,
  compute: async (ctx) => {
    const rows = await readRollupOrRaw<{ bucket: string; orders: number; customers: number }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, sum(r.orders) as orders, count(distinct r.customer_id) as customers
        ${rollupRows(ctx, "customers", [sql`r.orders > 0`])}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${periodBucket(ctx, sql`e.occurred_at`)} as bucket,
          count(*) as orders, count(distinct e.customer_id) as customers
        from (${liveEvents(ctx, ["order"])}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => ratio(r.orders, r.customers));
  },
});
