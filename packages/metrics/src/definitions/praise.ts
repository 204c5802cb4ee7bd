import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const praise = defineMetric({
  key: "praise",
  name: "Praise",
  unit: "count",
  direction: "higher",
  department: "customer_service",
  description: "Number of praise events.",
  additive: true,
  compute: countEvents("praise", "praise"),
});
