import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const supplierIssues = defineMetric({
  key: "supplier_issues",
  name: "Supplier issues",
  unit: "count",
  direction: "lower",
  department: "procurement",
  description: "Number of supplier issues.",
  additive: true,
  compute: countEvents("supplier_issue", "supplier_issues"),
});
