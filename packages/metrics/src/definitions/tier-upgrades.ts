import { defineMetric } from "../definition";
import { tierChanges } from "../tier-changes";

export const tierUpgrades = defineMetric({
  key: "tier_upgrades",
  name: "Tier upgrades",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Customers whose tier rose (regular → key → vip) in the period; several rises of one customer count once.",
  additive: false,
  compute: tierChanges("upgrade", "sales"),
});
