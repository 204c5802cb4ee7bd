// A control whose visible text is its value (a date range button) is named "label + value":
// its accessible name then contains what is seen (WCAG 2.5.3, label in name), which a bare
// aria-label ("Date range") would not.
import { VisuallyHidden } from "@mantine/core";
import { useId } from "react";

export function useLabelledValue(label: string) {
  const id = useId();
  const labelId = `${id}-label`;
  return {
    props: { id, "aria-labelledby": `${labelId} ${id}` },
    label: <VisuallyHidden id={labelId}>{label}</VisuallyHidden>,
  };
}
