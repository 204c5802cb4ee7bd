import { sql } from "kysely";
import { defineMetric } from "../definition";
import { byPeriod } from "../aggregates";
import { DAY_MS, duration, liveEvents, periodBucket, shift } from "../live-events";
import { readRollupOrRaw, timelineScope } from "../rollup-reads";

export const churnedCustomers = defineMetric({
  key: "churned_customers",
  name: "Churned customers",
  unit: "count",
  direction: "lower",
  department: "sales",
  description:
    "Customers whose churn moment is in the period: churnDays after an order not followed by another order within churnDays, once that moment has passed. A customer who churns twice in one period counts once.",
  additive: false,
  compute: async (ctx) => {
    const window = ctx.churnDays * DAY_MS;
    // Orders older than start − churnDays churn before the first period; orders from the end on
    // only matter as "the next order", and a next order at or after the end is after any moment counted.
    const orders = liveEvents(ctx, ["order"], { range: { from: shift(ctx.start, -window), to: ctx.end } });
    const moment = sql`r.at + ${duration(window)}`;
    // The timeline keeps no manager scopes: a manager filter reads raw events.
    const rows = await readRollupOrRaw<{ bucket: string; n: number }>(
      ctx.scope.accountManagerId === undefined ? ctx : { ...ctx, rollups: false },
      // The timeline links each distinct order instant to the next one in the same scope (orders at
      // one instant are one churn moment at most, the customer is counted once anyway). `gap` is next_at − at in seconds:
      // the instants without a next one and those with a long gap are read by their own indexes.
      sql`select ${periodBucket(ctx, moment)} as bucket, count(distinct r.customer_id) as n
        from (
          select r.customer_id, r.at from order_timeline r
          where ${timelineScope(ctx)} and r.next_at is null
            and r.at >= ${shift(ctx.start, -window)} and r.at < ${shift(ctx.end, -window)}
          union all
          select r.customer_id, r.at from order_timeline r
          where ${timelineScope(ctx)} and r.gap is not null and r.gap > ${window / 1000}
            and r.at >= ${shift(ctx.start, -window)} and r.at < ${shift(ctx.end, -window)}
        ) r
        where ${moment} <= ${ctx.now}
        group by bucket`,
      sql`
        with o as (
          select e.customer_id, e.occurred_at + ${duration(window)} as moment,
            lead(e.occurred_at) over (partition by e.customer_id order by e.occurred_at, e.seq) as next_at
          from (${orders}) e
        )
        select ${periodBucket(ctx, sql`o.moment`)} as bucket, count(distinct o.customer_id) as n
        from o
        where (o.next_at is null or o.next_at > o.moment)
          and o.moment >= ${ctx.start} and o.moment < ${ctx.end} and o.moment <= ${ctx.now}
        group by bucket`,
      { facts: true },
    );
    return byPeriod(ctx, rows, (r) => r.n);
  },
});
