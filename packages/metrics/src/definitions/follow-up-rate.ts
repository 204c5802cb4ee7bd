import { sql } from "kysely";
import { defineMetric } from "../definition";
import { complaintShare } from "../aggregates";
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
  // Filters apply to the complaint; the follow-up visit may come from any department or manager.
  compute: complaintShare(
    (ctx) => {
      const visits = liveEvents(ctx, ["visit"], {
        range: { from: ctx.start, to: shift(ctx.end, FOLLOW_UP_WINDOW) },
        scoped: false,
      });
      return sql`
      select distinct c.customer_id, c.source, c.id
      from c
      join (${visits}) v on v.customer_id = c.customer_id and v.source = c.source and v.ref_id = c.id
      where v.occurred_at >= c.occurred_at and v.occurred_at <= c.occurred_at + ${duration(FOLLOW_UP_WINDOW)}`;
    },
    () => sql`r.visited_at <= r.opened_at + ${duration(FOLLOW_UP_WINDOW)}`,
  ),
});
