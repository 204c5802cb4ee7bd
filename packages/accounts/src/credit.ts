import type { CustomerSize } from "@retain/db";
import { belowThreshold } from "./problems";

export type PaymentRecord = "good" | "poor" | "none";
export type CreditPolicy = "preferential" | "strict" | "standard" | "stop";

export const defaultOnTimeThreshold = 90;

/** The record of the payments with `dueAt` in the 365 days up to D: none, or good when the on-time rate ≥ threshold. */
export function paymentRecordOf(paymentsWithDue: number, paymentsOnTime: number, thresholdPercent: number): PaymentRecord {
  if (paymentsWithDue === 0) return "none";
  return belowThreshold(paymentsOnTime, paymentsWithDue, thresholdPercent) ? "poor" : "good";
}

/** SPEC §8: size large is a large customer, medium and small are small customers. */
export function creditPolicyOf(size: CustomerSize, record: PaymentRecord): CreditPolicy {
  if (record === "good") return "preferential";
  if (record === "none") return "standard";
  return size === "large" ? "strict" : "stop";
}

/** On-time rate in percentage points (2 decimals), null without payments. */
export function onTimeRateOf(paymentsWithDue: number, paymentsOnTime: number): number | null {
  if (paymentsWithDue === 0) return null;
  return Math.round((10_000 * paymentsOnTime) / paymentsWithDue) / 100;
}

export type CreditAssessment = {
  policy: CreditPolicy;
  record: PaymentRecord;
  onTimeRate: number | null;
  payments: number;
};

export function creditAssessmentOf(
  size: CustomerSize,
  paymentsWithDue: number,
  paymentsOnTime: number,
  thresholdPercent: number,
): CreditAssessment {
  const record = paymentRecordOf(paymentsWithDue, paymentsOnTime, thresholdPercent);
  return {
    policy: creditPolicyOf(size, record),
    record,
    onTimeRate: onTimeRateOf(paymentsWithDue, paymentsOnTime),
    payments: paymentsWithDue,
  };
}
