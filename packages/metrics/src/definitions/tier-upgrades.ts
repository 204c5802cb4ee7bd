import { defineMetric } from "../definition";
import { tierChanges } from "../tier-changes";

export const tierUpgrades = defineMetric({
  key: "tier_upgrades",
  name: "Tier upgrades",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Customer tier changes upwards (regular → key → vip) in the period.",
  additive: true,
  compute: tierChanges("upgrade", "sales"),
});
