import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";

export const onTimeDeliveryRate = defineMetric({
  key: "on_time_delivery_rate",
  name: "On-time delivery rate",
  unit: "percent",
  direction: "higher",
  department: "production",
  description: "Share of deliveries made on or before the promised time.",
  additive: false,
  compute: eventShare({
    types: ["delivery"],
    hits: () => sql`e.promised_at is not null and e.occurred_at <= e.promised_at`,
    rollup: { hits: "r.deliveries_on_time", total: "r.deliveries" },
  }),
});
