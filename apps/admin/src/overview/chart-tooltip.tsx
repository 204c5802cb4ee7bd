import { Box, Group, Paper, Stack, Text } from "@mantine/core";
import type { ChartRow } from "./chart-rows";
import { COMPARISON_CSS, CURRENT_CSS } from "./chart-colors";

type Props = {
  row: ChartRow | undefined;
  currentLabel: string;
  comparisonLabel: string;
  formatFull: (value: number | null) => string;
};

/** A chart's tooltip: the exact value of both series, with their units; "so far" for the running bucket. */
export function ChartTooltip({ row, currentLabel, comparisonLabel, formatFull }: Props) {
  if (!row) return null;
  const items = [
    {
      color: CURRENT_CSS,
      dashed: false,
      name: row.partial ? `${row.label}, so far` : row.label,
      range: currentLabel,
      value: formatFull(row.current),
    },
    {
      color: COMPARISON_CSS,
      dashed: true,
      name: row.comparisonPeriod
        ? row.partial
          ? `${row.comparisonPeriod}, same days`
          : row.comparisonPeriod
        : "—",
      range: comparisonLabel,
      value: formatFull(row.comparison),
    },
  ];
  return (
    <Paper shadow="md" radius="md" p="xs" withBorder data-testid="chart-tooltip">
      <Stack gap={4}>
        {items.map((item) => (
          <Group key={item.range + item.name} gap="xs" justify="space-between" wrap="nowrap">
            <Group gap={6} wrap="nowrap">
              <Box
                aria-hidden
                w={12}
                h={0}
                style={{ borderTop: `2px ${item.dashed ? "dashed" : "solid"} ${item.color}` }}
              />
              <Text size="xs">{item.name}</Text>
            </Group>
            <Text size="xs" fw={600} ff="monospace">
              {item.value}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
