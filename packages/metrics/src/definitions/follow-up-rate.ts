import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";
import { DAY_MS, duration, liveEvents, shift } from "../live-events";

const FOLLOW_UP_WINDOW = 7 * DAY_MS;

export const followUpRate = defineMetric({
  key: "follow_up_rate",
  name: "Complaint follow-up rate",
  unit: "percent",
  direction: "higher",
  department: "customer_service",
  description: "Share of the complaints opened in the period followed up by a visit within 7 days.",
  additive: false,
  compute: eventShare({
    types: ["complaint"],
    // Filters apply to the complaint; the follow-up visit may come from any department or manager.
    hits: (ctx) => {
      const followUps = liveEvents(ctx, ["visit"], {
        range: { from: ctx.start, to: shift(ctx.end, FOLLOW_UP_WINDOW) },
        scoped: false,
      });
      return sql`exists (
        select 1 from (${followUps}) f
        where f.customer_id = e.customer_id and f.source = e.source and f.ref_id = e.id
          and f.occurred_at >= e.occurred_at and f.occurred_at <= e.occurred_at + ${duration(FOLLOW_UP_WINDOW)})`;
    },
  }),
});
