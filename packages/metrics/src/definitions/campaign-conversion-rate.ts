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
  description: "Share of the customers reached in the period who ordered within 30 days after one of their touches.",
  additive: false,
  compute: async (ctx) => {
    // The order belongs to the customer: any department or manager converts a touch in scope.
    const orders = liveEvents(ctx, ["order"], {
      range: { from: ctx.start, to: shift(ctx.end, CONVERSION_WINDOW) },
      scoped: false,
    });
    const { rows } = await sql<{ bucket: string; reach: number; converted: number }>`
      select ${periodBucket(ctx, sql`t.occurred_at`)} as bucket,
        count(distinct t.customer_id) as reach,
        count(distinct t.customer_id) filter (where exists (
          select 1 from (${orders}) o
          where o.customer_id = t.customer_id
            and o.occurred_at > t.occurred_at and o.occurred_at <= t.occurred_at + ${duration(CONVERSION_WINDOW)}
        )) as converted
      from (${liveEvents(ctx, ["campaign_touch"])}) t
      group by bucket`.execute(ctx.db);
    return byPeriod(ctx, rows, (r) => ratio(r.converted, r.reach, 100));
  },
});
