import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { liveEvents, periodBucket } from "../live-events";
import { readRollupOrRaw, rollupBucket, rollupPeriod, rollupRows } from "../rollup-reads";
import type { SqlNumber } from "../values";

export const avgOrderValue = defineMetric({
  key: "avg_order_value",
  name: "Average order value",
  unit: "money",
  direction: "higher",
  department: "sales",
  description: "Revenue divided by the number of orders.",
  additive: false,
  compute: async (ctx) => {
    // Divided and rounded to cents in numeric, so the result is exact.
    const rows = await readRollupOrRaw<{ bucket: string; value: SqlNumber | null }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, round(sum(r.revenue) / nullif(sum(r.orders), 0), 2) as value
        ${rollupRows(ctx, "activity")}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${periodBucket(ctx, sql`e.occurred_at`)} as bucket, round(sum(e.amount) / count(*), 2) as value
        from (${liveEvents(ctx, ["order"])}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => (r.value === null ? null : Number(r.value)));
  },
});
