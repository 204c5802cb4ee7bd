import { defineMetric } from "../definition";
import { sumEvents } from "../aggregates";

export const revenue = defineMetric({
  key: "revenue",
  name: "Revenue",
  unit: "money",
  direction: "higher",
  department: "sales",
  description: "Sum of the amounts of orders.",
  additive: true,
  compute: sumEvents("order", "amount", "revenue"),
});
