// A KPI's value for the selected and for the comparison period: each read as one value over
// exactly its range (metrics.value), so a distinct count is the distinct customers of the whole
// period and a rate the rate of the whole period — the same for every preset, never a sum or a
// mean of buckets.
import { useQuery } from "@tanstack/react-query";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { useMetricSeries, type MetricFilter } from "../hooks/use-metric-series";
import { useView } from "../hooks/use-view";
import type { DateRange } from "../lib/period";
import type { Point } from "../lib/summary";
import { trpc } from "../lib/trpc";
import type { ResolvedView } from "../lib/view-state";

export type Kpi = {
  current: number | null;
  previous: number | null;
  points: Point[];
  /** The selected period has not ended yet: its value is "so far", compared with the same part of the comparison. */
  running: boolean;
};

function useMetricValue(metric: string, range: DateRange, filter: MetricFilter) {
  return useQuery(
    trpc.metrics.value.queryOptions(
      { key: metric, from: range.from, to: range.to, ...filter },
      // The previous figure stays on screen until the new one arrives.
      { placeholderData: (previous) => (previous?.metric === metric ? previous : undefined) },
    ),
  );
}

export function useKpi(metric: MetricDefinition, view: ResolvedView, filter: MetricFilter) {
  const { today } = useView();
  const current = useMetricValue(metric.key, view.period, filter);
  const previous = useMetricValue(metric.key, view.comparison, filter);
  // Same query as the trend chart's, so it is fetched once.
  const trend = useMetricSeries(metric.key, view.period, view.grain, filter);

  const queries = [current, previous, trend];
  const error = queries.find((q) => q.error)?.error ?? null;
  const refetch = () => queries.filter((q) => q.error).forEach((q) => void q.refetch());
  const kpi: Kpi | null =
    current.data && previous.data && trend.data
      ? {
          current: current.data.value,
          previous: previous.data.value,
          points: trend.data.points,
          running: view.period.to > today,
        }
      : null;
  return { kpi, pending: queries.some((q) => q.isFetching), error, refetch };
}

/** What a card's figure is, in words: "Total", "Distinct customers", "Rate", … of the whole period. */
export function figureMeaning(metric: Pick<MetricDefinition, "additive" | "unit">, running: boolean): string {
  const soFar = running ? " so far" : "";
  if (metric.additive) return `Total${soFar}`;
  if (metric.unit === "count") return `Distinct customers${soFar}`;
  if (metric.unit === "hours") return `Mean over the period${soFar}`;
  return `Over the whole period${soFar}`;
}
