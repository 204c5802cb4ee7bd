import { inWindow, type Windows } from "./dates";
import type { AccountEvent } from "./events";
import type { Segment } from "./pyramid";

export const problemReasons = ["rising_complaints", "late_payments", "falling_spend", "open_complaint"] as const;
export type ProblemReason = (typeof problemReasons)[number];

/** What the four reasons of one customer at D depend on. */
export type ProblemFacts = {
  /** Complaints in the 90 days up to D. */
  complaintsRecent: number;
  /** Complaints in the 90 days before those. */
  complaintsPrior: number;
  /** Order revenue in cents, same two windows. */
  revenueRecentCents: number;
  revenuePriorCents: number;
  /** Payments with `dueAt` in the 365 days up to D, and those of them paid on time (occurredAt ≤ dueAt). */
  paymentsWithDue: number;
  paymentsOnTime: number;
  /** Complaints that occurred more than the SLA before the end of D with no resolution by then. */
  openComplaints: number;
};

export const emptyFacts = (): ProblemFacts => ({
  complaintsRecent: 0,
  complaintsPrior: 0,
  revenueRecentCents: 0,
  revenuePriorCents: 0,
  paymentsWithDue: 0,
  paymentsOnTime: 0,
  openComplaints: 0,
});

/** On-time rate below `thresholdPercent`, exactly: 100 × onTime < threshold × total. */
export const belowThreshold = (onTime: number, total: number, thresholdPercent: number): boolean =>
  100 * onTime < thresholdPercent * total;

/** SPEC §8 problem reasons, in the order of the SPEC's table. */
export function reasonsOf(f: ProblemFacts, onTimeThresholdPercent: number): ProblemReason[] {
  const reasons: ProblemReason[] = [];
  if (f.complaintsRecent >= 2 && f.complaintsRecent > f.complaintsPrior) reasons.push("rising_complaints");
  if (f.paymentsWithDue > 0 && belowThreshold(f.paymentsOnTime, f.paymentsWithDue, onTimeThresholdPercent)) {
    reasons.push("late_payments");
  }
  // recent < 50 % of prior, exactly: 2 × recent < prior.
  if (f.revenuePriorCents > 0 && 2 * f.revenueRecentCents < f.revenuePriorCents) reasons.push("falling_spend");
  if (f.openComplaints > 0) reasons.push("open_complaint");
  return reasons;
}

export type SuggestedAction = "care" | "win_back" | "repeat" | "up_sell" | "cross_sell" | "first_order";

/** The first that applies: any reason → care; then by segment. */
export function suggestedActionOf(reasons: readonly ProblemReason[], segment: Segment): SuggestedAction {
  if (reasons.length > 0) return "care";
  switch (segment) {
    case "inactive":
      return "win_back";
    case "top":
    case "big":
      return "repeat";
    case "medium":
      return "up_sell";
    case "small":
      return "cross_sell";
    case "prospect":
      return "first_order";
  }
}

const HOUR_MS = 3_600_000;

/** Each named customer's facts at D from their live events. */
export function problemFactsOf(
  customerIds: Iterable<string>,
  live: readonly AccountEvent[],
  windows: Windows,
  complaintSlaHours: number,
): Map<string, ProblemFacts> {
  const facts = new Map<string, ProblemFacts>();
  for (const id of customerIds) facts.set(id, emptyFacts());
  const end = windows.recent.end.getTime();
  // First resolution of each complaint (same customer and source, refId = the complaint's id), before the end of D.
  const resolvedBy = new Set<string>();
  for (const e of live) {
    if (e.type === "complaint_resolved" && e.refId && e.occurredAt.getTime() < end) {
      resolvedBy.add(`${e.customerId}\u0000${e.source}\u0000${e.refId}`);
    }
  }
  const slaCut = end - complaintSlaHours * HOUR_MS;
  for (const e of live) {
    const f = facts.get(e.customerId);
    if (!f) continue;
    switch (e.type) {
      case "complaint":
        if (inWindow(e.occurredAt, windows.recent)) f.complaintsRecent++;
        else if (inWindow(e.occurredAt, windows.prior)) f.complaintsPrior++;
        if (e.occurredAt.getTime() < slaCut && !resolvedBy.has(`${e.customerId}\u0000${e.source}\u0000${e.id}`)) {
          f.openComplaints++;
        }
        break;
      case "order":
        if (inWindow(e.occurredAt, windows.recent)) f.revenueRecentCents += e.amountCents ?? 0;
        else if (inWindow(e.occurredAt, windows.prior)) f.revenuePriorCents += e.amountCents ?? 0;
        break;
      case "payment":
        if (e.dueAt && inWindow(e.dueAt, windows.year)) {
          f.paymentsWithDue++;
          if (e.occurredAt.getTime() <= e.dueAt.getTime()) f.paymentsOnTime++;
        }
        break;
    }
  }
  return facts;
}
