import { defineMetric } from "../definition";
import { sumEvents } from "../aggregates";

export const paymentsCollected = defineMetric({
  key: "payments_collected",
  name: "Payments collected",
  unit: "money",
  direction: "higher",
  department: "sales",
  description: "Sum of the amounts of payments.",
  additive: true,
  compute: sumEvents("payment", "amount", "payments_amount"),
});
