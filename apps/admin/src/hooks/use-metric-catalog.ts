import { useQuery } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../lib/trpc";

export type MetricDefinition = inferOutput<typeof trpc.metrics.list>[number];

/** The metric catalog changes only with a deploy. */
export function useMetricCatalog() {
  return useQuery(trpc.metrics.list.queryOptions(undefined, { staleTime: Infinity }));
}
