import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../auth/session-context";
import { todayIn } from "../lib/dates";
import { goalPeriodParam } from "./goal-period";

/** The goal period in the URL (`?period=2026-Q4`), the running quarter when there is none. */
export function useGoalPeriod() {
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  const [params, setParams] = useSearchParams();
  const period = goalPeriodParam(params.get("period"), today);
  const setPeriod = useCallback(
    (next: string, reset: readonly string[] = []) =>
      setParams((prev) => {
        const copy = new URLSearchParams(prev);
        copy.set("period", next);
        for (const key of reset) copy.delete(key);
        return copy;
      }),
    [setParams],
  );
  return { period, setPeriod, today, params, setParams };
}

/** A search-param patch: null removes the key. */
export function patchParams(params: URLSearchParams, patch: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next;
}
