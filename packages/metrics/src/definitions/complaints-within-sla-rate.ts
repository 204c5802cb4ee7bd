import { sql } from "kysely";
import { defineMetric } from "../definition";
import { complaintShare } from "../aggregates";
import { HOUR_MS, duration, liveEvents, shift } from "../live-events";

export const complaintsWithinSlaRate = defineMetric({
  key: "complaints_within_sla_rate",
  name: "Complaints resolved within SLA",
  unit: "percent",
  direction: "higher",
  department: "customer_service",
  description:
    "Share of the complaints opened in the period whose first resolution came within the SLA hours.",
  additive: false,
  // Filters apply to the complaint only: whoever resolves it, it is resolved.
  compute: complaintShare(
    (ctx) => {
      const sla = ctx.complaintSlaHours * HOUR_MS;
      const resolutions = liveEvents(ctx, ["complaint_resolved"], {
        range: { to: shift(ctx.end, sla) },
        scoped: false,
      });
      return sql`
      select c.customer_id, c.source, c.id
      from c
      join (${resolutions}) r on r.customer_id = c.customer_id and r.source = c.source and r.ref_id = c.id
      group by c.customer_id, c.source, c.id, c.occurred_at
      having min(r.occurred_at) <= c.occurred_at + ${duration(sla)}`;
    },
    (ctx) => sql`r.resolved_at <= r.opened_at + ${duration(ctx.complaintSlaHours * HOUR_MS)}`,
  ),
});
