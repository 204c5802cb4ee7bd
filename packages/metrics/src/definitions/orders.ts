import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const orders = defineMetric({
  key: "orders",
  name: "Orders",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Number of orders.",
  additive: true,
  compute: countEvents("order", "orders"),
});
