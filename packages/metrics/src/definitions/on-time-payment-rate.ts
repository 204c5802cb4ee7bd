import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";

export const onTimePaymentRate = defineMetric({
  key: "on_time_payment_rate",
  name: "On-time payment rate",
  unit: "percent",
  direction: "higher",
  department: "sales",
  description: "Share of payments with a due date that were paid on or before it.",
  additive: false,
  compute: eventShare({
    types: ["payment"],
    hits: () => sql`e.due_at is not null and e.occurred_at <= e.due_at`,
    total: () => sql`e.due_at is not null`,
    rollup: { hits: "r.payments_on_time", total: "r.payments_with_due" },
  }),
});
