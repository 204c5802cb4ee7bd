import { defineMetric } from "../definition";
import { meanHoursToResolution } from "../aggregates";

export const serviceResolutionHours = defineMetric({
  key: "service_resolution_hours",
  name: "Service resolution time",
  unit: "hours",
  direction: "lower",
  department: "customer_service",
  description: "Mean hours from a service request to its resolution, for resolutions in the period.",
  additive: false,
  compute: meanHoursToResolution("service_request", "service_resolved"),
});
