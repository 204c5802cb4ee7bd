// Lines up the selected and the comparison period point by point (the
// first month with the first month, …) for one chart.
import { formatPeriod } from "../lib/format";
import type { Grain } from "../lib/period";
import type { Point } from "../lib/summary";

export type ChartRow = {
  label: string;
  period: string;
  comparisonPeriod: string | null;
  current: number | null;
  comparison: number | null;
  /** The running bucket: `current` is so far, `comparison` the same days of its bucket when known. */
  partial?: boolean;
};

/** The running last bucket, and the comparison's value over the same part of its bucket (null: not known yet). */
export type RunningRow = { period: string; sameDaysComparison: number | null };

export function chartRows(
  current: readonly Point[],
  comparison: readonly Point[],
  grain: Grain,
  locale: string,
  running: RunningRow | null = null,
): ChartRow[] {
  return current.map((point, index) => {
    const other = comparison[index];
    const partial = running?.period === point.period;
    return {
      label: formatPeriod(point.period, grain, locale),
      period: point.period,
      comparisonPeriod: other ? formatPeriod(other.period, grain, locale) : null,
      current: point.value,
      comparison: partial ? (running?.sameDaysComparison ?? null) : (other?.value ?? null),
      partial,
    };
  });
}
