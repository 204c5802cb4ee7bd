import { useQuery } from "@tanstack/react-query";
import { trpc } from "../lib/trpc";
import type { DateRange, Grain } from "../lib/period";

/** Which slice of the company to read; the server narrows it further by role. */
export type MetricFilter = { department?: string };

/** A metric for every `grain` period that meets `[from, to)`; each point covers its whole period. */
export function useMetricSeries(metric: string, range: DateRange, grain: Grain, filter: MetricFilter = {}) {
  return useQuery(
    trpc.metrics.series.queryOptions(
      { key: metric, from: range.from, to: range.to, grain, ...filter },
      // Changing the period keeps the old figures on screen until the new ones arrive, but only
      // while they are of the same grain: weeks labelled as months are nonsense (and unformattable).
      { placeholderData: (previous) => (previous?.grain === grain ? previous : undefined) },
    ),
  );
}
