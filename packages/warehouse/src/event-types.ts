/** Event types of SPEC §4 with the department each one is attributed to by default. */
export const eventTypes = {
  order: "sales",
  payment: "sales",
  opportunity_won: "sales",
  opportunity_lost: "sales",
  visit: "sales",
  contact: "sales",
  campaign_touch: "marketing",
  complaint: "customer_service",
  complaint_resolved: "customer_service",
  praise: "customer_service",
  survey: "customer_service",
  service_request: "customer_service",
  service_resolved: "customer_service",
  feedback: "rnd",
  delivery: "production",
  supplier_issue: "procurement",
  defect: "quality",
  training: "hr",
  // a void takes the voided event's department
  void: null,
} as const satisfies Record<string, string | null>;

export type EventType = keyof typeof eventTypes;
export const eventTypeKeys = Object.keys(eventTypes) as EventType[];

export const serviceStages = ["presale", "scheduling", "delivery", "care", "settlement", "repair"] as const;
export const contactChannels = ["phone", "sms", "email", "letter", "meeting"] as const;
export const complaintSeverities = ["low", "medium", "high"] as const;
