import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const complaints = defineMetric({
  key: "complaints",
  name: "Complaints",
  unit: "count",
  direction: "lower",
  department: "customer_service",
  description: "Number of complaints.",
  additive: true,
  compute: countEvents("complaint", "complaints"),
});
