import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const visits = defineMetric({
  key: "visits",
  name: "Visits",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Number of customer visits.",
  additive: true,
  compute: countEvents("visit", "visits"),
});
