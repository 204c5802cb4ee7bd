import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";

export const defectRate = defineMetric({
  key: "defect_rate",
  name: "Defect rate",
  unit: "percent",
  direction: "lower",
  department: "quality",
  description: "Defects per 100 orders.",
  additive: false,
  compute: eventShare({
    types: ["defect", "order"],
    hits: () => sql`e.type = 'defect'`,
    total: () => sql`e.type = 'order'`,
    rollup: { hits: "r.defects", total: "r.orders" },
  }),
});
