import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

/**
 * A page's state parsed from the URL, and a setter writing a patch back. Filters replace the
 * history entry; `push` adds one, for steps the back button should undo (opening a record, paging).
 */
export function useUrlState<S>(
  parse: (params: URLSearchParams) => S,
  write: (params: URLSearchParams, patch: Partial<S>) => URLSearchParams,
) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (patch: Partial<S>, options: { push?: boolean } = {}) =>
      setParams((prev) => write(prev, patch), { replace: !options.push }),
    [setParams, write],
  );
  return [state, update] as const;
}
