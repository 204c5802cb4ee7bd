import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";

export const csat = defineMetric({
  key: "csat",
  name: "Customer satisfaction (CSAT)",
  unit: "percent",
  direction: "higher",
  department: "customer_service",
  description: "Share of 5-point surveys scoring 4 or 5.",
  additive: false,
  compute: eventShare({
    types: ["survey"],
    hits: () => sql`e.scale = 5 and e.score >= 4`,
    total: () => sql`e.scale = 5`,
    rollup: { hits: "r.csat_positive", total: "r.csat_surveys" },
  }),
});
