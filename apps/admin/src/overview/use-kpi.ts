// A KPI's value for the selected and for the comparison period. Both are
// read at the coarsest grain that cuts each range into whole periods: one
// period gives the exact value of any metric; several are summed (additive
// metrics) or averaged per period (distinct counts, ratios).
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { useMetricSeries, type MetricFilter } from "../hooks/use-metric-series";
import { alignedGrain, finerGrain, type Grain } from "../lib/period";
import { summarize, type Point, type Summary } from "../lib/summary";
import type { ResolvedView } from "../lib/view-state";

export type Kpi = { current: Summary; previous: Summary; grain: Grain; points: Point[] };

export function useKpi(metric: MetricDefinition, view: ResolvedView, filter: MetricFilter) {
  const grain = finerGrain(alignedGrain(view.period), alignedGrain(view.comparison));
  const current = useMetricSeries(metric.key, view.period, grain, filter);
  const previous = useMetricSeries(metric.key, view.comparison, grain, filter);
  // Same query as the trend chart's, so it is fetched once.
  const trend = useMetricSeries(metric.key, view.period, view.grain, filter);

  const queries = [current, previous, trend];
  const error = queries.find((q) => q.error)?.error ?? null;
  const refetch = () => queries.filter((q) => q.error).forEach((q) => void q.refetch());
  const kpi: Kpi | null =
    current.data && previous.data && trend.data
      ? {
          current: summarize(current.data.points, metric.additive),
          previous: summarize(previous.data.points, metric.additive),
          grain,
          points: trend.data.points,
        }
      : null;
  return { kpi, pending: queries.some((q) => q.isFetching), error, refetch };
}
