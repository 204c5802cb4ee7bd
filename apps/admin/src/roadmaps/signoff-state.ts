import { STATUS_COLORS } from "../lib/roles";

/*
 * What a sign-off of the current round means on screen. The server keeps SPEC's
 * `decision: pending | approved | rejected`; a pending one waits for its department only while the
 * initiative is in review. Once the round ends without it (a rejection by another department sent
 * the initiative back to draft, or it was cancelled) nobody is waiting for it any more: it is
 * closed, shown "Not decided", never "Pending".
 */

type Status = "draft" | "in_review" | "approved" | "in_progress" | "done" | "cancelled";
type Decision = "pending" | "approved" | "rejected";
export type SignoffState = Decision | "closed";

export function signoffState(status: Status, decision: Decision): SignoffState {
  if (decision !== "pending") return decision;
  return status === "in_review" ? "pending" : "closed";
}

export const SIGNOFF_WORDS: Record<SignoffState, string> = {
  pending: "Pending",
  approved: "Approved",
  rejected: "Rejected",
  closed: "Not decided",
};

export const SIGNOFF_COLOR: Record<SignoffState, string> = {
  pending: STATUS_COLORS.warning,
  approved: STATUS_COLORS.good,
  rejected: STATUS_COLORS.bad,
  closed: STATUS_COLORS.neutral,
};

/** Why a closed sign-off was never given, in words: "closed when the initiative was cancelled". */
export function closedBecause(status: Status): string {
  if (status === "cancelled") return "closed when the initiative was cancelled";
  if (status === "draft") return "closed when another department rejected this version";
  return "closed without a decision";
}
