import { defineMetric } from "../definition";
import { sumEvents } from "../aggregates";

export const trainingHours = defineMetric({
  key: "training_hours",
  name: "Training hours",
  unit: "hours",
  direction: "higher",
  department: "hr",
  description: "Hours of training of customer-facing staff.",
  additive: true,
  compute: sumEvents("training", "hours", "training_hours"),
});
