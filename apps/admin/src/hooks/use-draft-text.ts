import { useDebouncedCallback } from "@mantine/hooks";
import { useState } from "react";

/**
 * A text input bound to a URL param: typing updates the input at once and the URL after a
 * pause; a URL change from elsewhere (back button, a link) replaces the draft.
 */
export function useDraftText(value: string, commit: (value: string) => void, delay = 350) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setDraft(value);
  }
  const debounced = useDebouncedCallback(commit, delay);
  const change = (next: string) => {
    setDraft(next);
    debounced(next);
  };
  return [draft, change] as const;
}
