// The §8 manager KPIs as the admin shows them, and what their change against the previous period means.
import { changeTone, computeChange, type Change, type Direction, type Tone } from "../lib/change";
import type { Unit } from "../lib/format";

export type ManagerKpiKey =
  | "revenue"
  | "new_customers"
  | "churned_customers"
  | "purchase_frequency"
  | "tier_upgrades"
  | "tier_downgrades"
  | "complaints"
  | "praise";

/** In the order a manager reads them: money first, then the customers won and lost, then the voice of the customer. */
export const MANAGER_KPIS: readonly { key: ManagerKpiKey; label: string; unit: Unit; better: Direction }[] = [
  { key: "revenue", label: "Revenue", unit: "money", better: "higher" },
  { key: "new_customers", label: "New customers", unit: "count", better: "higher" },
  { key: "churned_customers", label: "Churned", unit: "count", better: "lower" },
  { key: "purchase_frequency", label: "Purchase frequency", unit: "ratio", better: "higher" },
  { key: "tier_upgrades", label: "Tier ups", unit: "count", better: "higher" },
  { key: "tier_downgrades", label: "Tier downs", unit: "count", better: "lower" },
  { key: "complaints", label: "Complaints", unit: "count", better: "lower" },
  { key: "praise", label: "Praise", unit: "count", better: "higher" },
];

export type KpiValues = Record<ManagerKpiKey, number | null>;

export type KpiComparison = {
  value: number | null;
  previous: number | null;
  /** value − previous, or null when either is missing. */
  delta: number | null;
  change: Change;
  /** Better or worse by the KPI's direction, never by the sign alone. */
  tone: Tone;
};

/** A KPI of the period against the previous one. */
export function compareKpi(
  kpi: { unit: Unit; better: Direction },
  value: number | null,
  previous: number | null,
): KpiComparison {
  const delta = value !== null && previous !== null ? value - previous : null;
  const change = computeChange(value, previous, kpi.unit);
  // From nothing to something has no percentage, but is still better or worse.
  const tone: Tone =
    delta === null || delta === 0
      ? "neutral"
      : change.kind === "none"
        ? delta > 0 === (kpi.better === "higher")
          ? "better"
          : "worse"
        : changeTone(change, kpi.better);
  return { value, previous, delta, change, tone };
}

export const TONE_COLOR: Record<Tone, string> = { better: "teal.8", worse: "red.8", neutral: "dimmed" };

/** Customers served against capacity, as a bar's percentage (full when there is no capacity). */
export function loadPercent(served: number, capacity: number): number {
  if (capacity <= 0) return 100;
  return Math.min(100, (100 * served) / capacity);
}
