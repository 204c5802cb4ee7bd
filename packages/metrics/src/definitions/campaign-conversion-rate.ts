import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { DAY_MS, duration, liveEvents, periodBucket, shift } from "../live-events";
import { ratio } from "../values";

const CONVERSION_WINDOW = 30 * DAY_MS;

export const campaignConversionRate = defineMetric({
  key: "campaign_conversion_rate",
  name: "Campaign conversion rate",
  unit: "percent",
  direction: "higher",
  department: "marketing",
  description:
    "Share of the customers reached in the period who ordered within 30 days after one of their touches.",
  additive: false,
  compute: async (ctx) => {
    // The order belongs to the customer: any department or manager converts a touch in scope.
    const orders = liveEvents(ctx, ["order"], {
      range: { from: ctx.start, to: shift(ctx.end, CONVERSION_WINDOW) },
      scoped: false,
    });
    const { rows } = await sql<{ bucket: string; reach: number; converted: number }>`
      with t as (
        select e.customer_id, e.occurred_at, ${periodBucket(ctx, sql`e.occurred_at`)} as bucket
        from (${liveEvents(ctx, ["campaign_touch"])}) e
      ),
      reach as (select t.bucket, count(distinct t.customer_id) as n from t group by t.bucket),
      converted as (
        select t.bucket, count(distinct t.customer_id) as n
        from t
        join (${orders}) o on o.customer_id = t.customer_id
        where o.occurred_at > t.occurred_at and o.occurred_at <= t.occurred_at + ${duration(CONVERSION_WINDOW)}
        group by t.bucket
      )
      select reach.bucket, reach.n as reach, coalesce(converted.n, 0) as converted
      from reach left join converted on converted.bucket = reach.bucket`.execute(ctx.db);
    return byPeriod(ctx, rows, (r) => ratio(r.converted, r.reach, 100));
  },
});
