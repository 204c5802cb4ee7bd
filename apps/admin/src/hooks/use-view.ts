// The view state of the URL, resolved against today in the organisation's
// time zone, plus a setter that writes it back to the URL.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { useSession } from "../auth/session-context";
import { todayIn } from "../lib/dates";
import { parseViewState, resolveView, writeViewState, type ViewState } from "../lib/view-state";

export function useView() {
  const [params, setParams] = useSearchParams();
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  const state = useMemo(() => parseViewState(params), [params]);
  const view = useMemo(() => resolveView(state, today), [state, today]);
  const update = useCallback(
    (patch: Partial<ViewState>) => setParams((prev) => writeViewState(prev, { ...parseViewState(prev), ...patch })),
    [setParams],
  );
  return { state, view, today, update };
}
