import { defineMetric } from "../definition";
import { distinctCustomers } from "../aggregates";

export const campaignReach = defineMetric({
  key: "campaign_reach",
  name: "Campaign reach",
  unit: "count",
  direction: "higher",
  department: "marketing",
  description: "Distinct customers touched by a campaign in the period.",
  additive: false,
  compute: distinctCustomers("campaign_touch", "campaign_touches"),
});
