import { defineMetric } from "../definition";
import { meanHoursToResolution } from "../aggregates";

export const complaintResolutionHours = defineMetric({
  key: "complaint_resolution_hours",
  name: "Complaint resolution time",
  unit: "hours",
  direction: "lower",
  department: "customer_service",
  description: "Mean hours from a complaint to its resolution, for resolutions in the period.",
  additive: false,
  compute: meanHoursToResolution("complaint", "complaint_resolved"),
});
