import { sql } from "kysely";
import { defineMetric } from "../definition";
import { eventShare } from "../aggregates";

export const winRate = defineMetric({
  key: "win_rate",
  name: "Win rate",
  unit: "percent",
  direction: "higher",
  department: "sales",
  description: "Share of won opportunities among won and lost ones.",
  additive: false,
  compute: eventShare({
    types: ["opportunity_won", "opportunity_lost"],
    hits: () => sql`e.type = 'opportunity_won'`,
    rollup: { hits: "r.opportunities_won", total: "r.opportunities_won + r.opportunities_lost" },
  }),
});
