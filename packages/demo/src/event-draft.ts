import type { EventInput } from "@retain/warehouse";
import { isoTimestamp } from "./calendar";
import type { DepartmentKey } from "./departments";

type ContactChannel = "phone" | "sms" | "email" | "letter" | "meeting";
type Severity = "low" | "medium" | "high";
type Stage = "presale" | "scheduling" | "delivery" | "care" | "settlement" | "repair";

/** What distinguishes one event type from another, with times as numbers and references as drafts. */
export type DraftSpec = (
  | { type: "order"; cents: number; voided: boolean }
  | { type: "payment"; cents: number; dueAt: number }
  | { type: "opportunity_won" | "opportunity_lost"; cents: number | undefined }
  | { type: "visit"; ref: Draft | undefined }
  | { type: "contact"; channel: ContactChannel }
  | { type: "campaign_touch"; campaignId: string }
  | { type: "complaint"; severity: Severity; topic: string }
  | { type: "complaint_resolved" | "service_resolved" | "void"; ref: Draft }
  | { type: "praise" | "supplier_issue" | "defect" }
  | { type: "feedback"; topic: string }
  | { type: "survey"; scale: 5 | 10; score: number }
  | { type: "service_request"; stage: Stage }
  | { type: "delivery"; promisedAt: number }
  | { type: "training"; hours: number; employee: string }
) & { department?: DepartmentKey };

/**
 * An event while it is being simulated. Every draft has the same shape (the type-specific part sits
 * in `spec`), which keeps the hot loops over hundreds of thousands of them fast.
 */
export type Draft = {
  /** occurredAt in UTC milliseconds. */
  t: number;
  /** Position in time order, given when the event is emitted (0 until then); the id derives from it. */
  n: number;
  /** Index of the customer, -1 for training. */
  customer: number;
  customerId: string | undefined;
  spec: DraftSpec;
};

/** `ev-000042`: ids follow time order. */
export function eventId(draft: Draft): string {
  return `ev-${String(draft.n).padStart(6, "0")}`;
}

/** Cents as a decimal string with exactly two decimals, e.g. `1250.50`. */
export function money(cents: number): string {
  const whole = Math.floor(cents / 100);
  const fraction = cents - whole * 100;
  return `${whole}.${fraction < 10 ? "0" : ""}${fraction}`;
}

/** The REST input shape of a draft (SPEC §4): only the fields its type takes. */
export function toEventInput(draft: Draft): EventInput {
  const event = fields(draft);
  if (draft.spec.department !== undefined) event.department = draft.spec.department;
  return event;
}

function fields(draft: Draft): EventInput {
  // written out per type rather than spread from a common part: this runs for every event
  const { spec, customerId } = draft;
  const id = eventId(draft);
  const source = "demo";
  const occurredAt = isoTimestamp(draft.t);
  switch (spec.type) {
    case "order":
      return { id, source, type: spec.type, customerId, occurredAt, amount: money(spec.cents) };
    case "payment":
      return {
        id,
        source,
        type: spec.type,
        customerId,
        occurredAt,
        amount: money(spec.cents),
        dueAt: isoTimestamp(spec.dueAt),
      };
    case "opportunity_won":
    case "opportunity_lost":
      return spec.cents === undefined
        ? { id, source, type: spec.type, customerId, occurredAt }
        : { id, source, type: spec.type, customerId, occurredAt, amount: money(spec.cents) };
    case "visit":
      return spec.ref
        ? { id, source, type: spec.type, customerId, occurredAt, refId: eventId(spec.ref) }
        : { id, source, type: spec.type, customerId, occurredAt };
    case "contact":
      return { id, source, type: spec.type, customerId, occurredAt, channel: spec.channel };
    case "campaign_touch":
      return { id, source, type: spec.type, customerId, occurredAt, campaignId: spec.campaignId };
    case "complaint":
      return {
        id,
        source,
        type: spec.type,
        customerId,
        occurredAt,
        severity: spec.severity,
        payload: { topic: spec.topic },
      };
    case "complaint_resolved":
    case "service_resolved":
    case "void":
      return { id, source, type: spec.type, customerId, occurredAt, refId: eventId(spec.ref) };
    case "praise":
    case "supplier_issue":
    case "defect":
      return { id, source, type: spec.type, customerId, occurredAt };
    case "feedback":
      return { id, source, type: spec.type, customerId, occurredAt, payload: { topic: spec.topic } };
    case "survey":
      return { id, source, type: spec.type, customerId, occurredAt, scale: spec.scale, score: spec.score };
    case "service_request":
      return { id, source, type: spec.type, customerId, occurredAt, stage: spec.stage };
    case "delivery":
      return {
        id,
        source,
        type: spec.type,
        customerId,
        occurredAt,
        promisedAt: isoTimestamp(spec.promisedAt),
      };
    case "training":
      // no customer: training is about the company's own people
      return {
        id,
        source,
        type: spec.type,
        occurredAt,
        hours: money(Math.round(spec.hours * 100)),
        employee: spec.employee,
      };
  }
}
