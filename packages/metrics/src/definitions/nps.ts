import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { liveEvents, periodBucket } from "../live-events";
import { readRollupOrRaw, rollupBucket, rollupPeriod, rollupRows } from "../rollup-reads";
import { ratio } from "../values";

export const nps = defineMetric({
  key: "nps",
  name: "Net promoter score (NPS)",
  unit: "score",
  direction: "higher",
  department: "customer_service",
  description: "Percentage of 10-point surveys scoring 9–10 minus percentage scoring 0–6 (−100 to 100).",
  additive: false,
  compute: async (ctx) => {
    type Row = { bucket: string; promoters: number; detractors: number; total: number };
    const rows = await readRollupOrRaw<Row>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, sum(r.nps_promoters) as promoters,
          sum(r.nps_detractors) as detractors, sum(r.nps_surveys) as total
        ${rollupRows(ctx, "activity")}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${periodBucket(ctx, sql`e.occurred_at`)} as bucket,
          count(*) filter (where e.score >= 9) as promoters,
          count(*) filter (where e.score <= 6) as detractors,
          count(*) as total
        from (${liveEvents(ctx, ["survey"])}) e
        where e.scale = 10
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => ratio(r.promoters - r.detractors, r.total, 100));
  },
});
