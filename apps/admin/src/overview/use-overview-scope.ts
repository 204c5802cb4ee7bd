// The overview's department scope from the URL (`?department=sales`), within
// what the signed-in user's role may read.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../auth/session-context";
import { useDepartments } from "../hooks/use-departments";
import { resolveScope, scopeFilter, scopeParam } from "../lib/department-scope";
import { patchParams } from "../lib/list-state";

export function useOverviewScope() {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const choosing = user.role !== "account_manager";
  // The choice is checked against the departments, so metrics wait for them (one small, cached request).
  const departments = useDepartments(choosing);
  const param = params.get("department");
  const scope = useMemo(() => resolveScope(user, param, departments.data ?? []), [user, param, departments.data]);
  const filter = useMemo(() => scopeFilter(scope), [scope]);
  const choose = useCallback(
    (value: string) => setParams((prev) => patchParams(prev, { department: scopeParam(user, value) })),
    [setParams, user],
  );
  return {
    scope,
    filter,
    choose,
    ready: !choosing || departments.isSuccess,
    error: departments.error,
    retry: () => void departments.refetch(),
  };
}
