import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { and, DAY_MS, duration, liveEvents, periodBucket, scopeConditions, shift } from "../live-events";
import { readRollupOrRaw } from "../rollup-reads";
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
    // Each touch meets the customer's first order after it in one ordered pass per customer (a
    // window over touches and orders together), instead of pairing every touch with every order.
    // At equal instants orders sort first, so an order at the very moment of a touch does not convert it.
    const rows = await readRollupOrRaw<{ bucket: string; reach: number; converted: number }>(
      ctx,
      // touch_facts knows of every live touch whether an order of its customer followed in 30 days.
      sql`select ${periodBucket(ctx, sql`r.at`)} as bucket, count(distinct r.customer_id) as reach,
          count(distinct r.customer_id) filter (where r.converted) as converted
        from touch_facts r
        where ${and([sql`r.at >= ${ctx.start}`, sql`r.at < ${ctx.end}`, ...scopeConditions(ctx.scope, "r")])}
        group by bucket`,
      sql`
      with t as (
        select e.customer_id, e.occurred_at, ${periodBucket(ctx, sql`e.occurred_at`)} as bucket
        from (${liveEvents(ctx, ["campaign_touch"])}) e
      ),
      timeline as (
        select t.customer_id, t.occurred_at, t.bucket, true as touch from t
        union all
        select o.customer_id, o.occurred_at, null, false
        from (${orders}) o
        where o.customer_id in (select customer_id from t)
      ),
      next_order as (
        select customer_id, occurred_at, bucket, touch,
          min(case when touch then null else occurred_at end) over (
            partition by customer_id order by occurred_at, touch
            rows between 1 following and unbounded following
          ) as next_order_at
        from timeline
      )
      select bucket, count(distinct customer_id) as reach,
        count(distinct customer_id) filter (
          where next_order_at <= occurred_at + ${duration(CONVERSION_WINDOW)}
        ) as converted
      from next_order
      where touch
      group by bucket`,
      { facts: true },
    );
    return byPeriod(ctx, rows, (r) => ratio(r.converted, r.reach, 100));
  },
});
