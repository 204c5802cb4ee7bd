import { defineMetric } from "../definition";
import { countEvents } from "../aggregates";

export const feedbackItems = defineMetric({
  key: "feedback_items",
  name: "Feedback items",
  unit: "count",
  direction: "higher",
  department: "rnd",
  description: "Number of product suggestions from customers.",
  additive: true,
  compute: countEvents("feedback", "feedback_items"),
});
