import { defineMetric } from "../definition";
import { tierChanges } from "../tier-changes";

export const tierDowngrades = defineMetric({
  key: "tier_downgrades",
  name: "Tier downgrades",
  unit: "count",
  direction: "lower",
  department: "sales",
  description: "Customers whose tier fell (vip → key → regular) in the period; several falls of one customer count once.",
  additive: false,
  compute: tierChanges("downgrade", "sales"),
});
