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
};

export function chartRows(current: readonly Point[], comparison: readonly Point[], grain: Grain, locale: string): ChartRow[] {
  return current.map((point, index) => {
    const other = comparison[index];
    return {
      label: formatPeriod(point.period, grain, locale),
      period: point.period,
      comparisonPeriod: other ? formatPeriod(other.period, grain, locale) : null,
      current: point.value,
      comparison: other?.value ?? null,
    };
  });
}
