import { useQuery } from "@tanstack/react-query";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { trpc } from "../lib/trpc";

export type DepartmentInfo = inferOutput<typeof trpc.departments.list>[number];

/** Departments change rarely; one fetch per session. */
export function useDepartments(enabled = true) {
  return useQuery(trpc.departments.list.queryOptions(undefined, { staleTime: 10 * 60_000, enabled }));
}
