import { defineMetric } from "../definition";
import { tierChanges } from "../tier-changes";

export const tierDowngrades = defineMetric({
  key: "tier_downgrades",
  name: "Tier downgrades",
  unit: "count",
  direction: "lower",
  department: "sales",
  description: "Customer tier changes downwards (vip → key → regular) in the period.",
  additive: true,
  compute: tierChanges("downgrade", "sales"),
});
