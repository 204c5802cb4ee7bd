import { SegmentedControl } from "@mantine/core";
import { useView } from "../hooks/use-view";
import type { Grain } from "../lib/period";

const OPTIONS: { value: Grain; label: string }[] = [
  { value: "day", label: "Day" },
  { value: "week", label: "Week" },
  { value: "month", label: "Month" },
  { value: "quarter", label: "Quarter" },
];

export function GrainControl() {
  const { view, update } = useView();
  return (
    <SegmentedControl
      aria-label="Chart granularity"
      size="xs"
      data={OPTIONS}
      value={view.grain}
      onChange={(value) => update({ grain: OPTIONS.find((o) => o.value === value)?.value ?? null })}
    />
  );
}
