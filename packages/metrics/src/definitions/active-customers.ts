import { defineMetric } from "../definition";
import { distinctCustomers } from "../aggregates";

export const activeCustomers = defineMetric({
  key: "active_customers",
  name: "Active customers",
  unit: "count",
  direction: "higher",
  department: "sales",
  description: "Distinct customers with an order in the period.",
  additive: false,
  compute: distinctCustomers("order", "orders"),
});
