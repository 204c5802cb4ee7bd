import { Group, SegmentedControl, Text } from "@mantine/core";
import { useView } from "../hooks/use-view";
import type { CompareMode } from "../lib/period";

const OPTIONS: { value: CompareMode; label: string }[] = [
  { value: "previous", label: "Previous period" },
  { value: "year", label: "Last year" },
];

export function CompareControl({ fullWidth = false }: { fullWidth?: boolean }) {
  const { state, update } = useView();
  return (
    <Group gap={8} wrap="nowrap">
      <Text size="sm" c="dimmed" visibleFrom="lg" aria-hidden>
        Compare to
      </Text>
      <SegmentedControl
        fullWidth={fullWidth}
        style={fullWidth ? { flex: 1 } : undefined}
        aria-label="Compare to"
        size="sm"
        data={OPTIONS}
        value={state.compare}
        onChange={(value) => update({ compare: OPTIONS.find((o) => o.value === value)?.value ?? "previous" })}
      />
    </Group>
  );
}
