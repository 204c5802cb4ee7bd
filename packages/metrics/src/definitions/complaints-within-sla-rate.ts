import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";
import { HOUR_MS, duration, liveEvents, shift } from "../live-events";

export const complaintsWithinSlaRate = defineMetric({
  key: "complaints_within_sla_rate",
  name: "Complaints resolved within SLA",
  unit: "percent",
  direction: "higher",
  department: "customer_service",
  description: "Share of the complaints opened in the period that were resolved within the SLA hours.",
  additive: false,
  compute: eventShare({
    types: ["complaint"],
    // Some resolution within the SLA ⇔ the first resolution is within the SLA. Filters apply to the
    // complaint only: whoever resolves it, it is resolved.
    hits: (ctx) => {
      const sla = ctx.complaintSlaHours * HOUR_MS;
      const resolutions = liveEvents(ctx, ["complaint_resolved"], {
        range: { to: shift(ctx.end, sla) },
        scoped: false,
      });
      return sql`exists (
        select 1 from (${resolutions}) r
        where r.customer_id = e.customer_id and r.source = e.source and r.ref_id = e.id
          and r.occurred_at <= e.occurred_at + ${duration(sla)})`;
    },
  }),
});
