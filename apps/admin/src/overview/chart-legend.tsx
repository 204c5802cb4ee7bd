import { Box, Group, Text } from "@mantine/core";

type Item = { label: string; color: string; dashed?: boolean };

/** A compact legend for the card header, so the plot keeps its full height. */
export function ChartLegend({ items }: { items: readonly Item[] }) {
  return (
    <Group gap="md" component="ul" style={{ listStyle: "none", margin: 0, padding: 0 }}>
      {items.map((item) => (
        <Group key={item.label} gap={6} component="li" wrap="nowrap">
          <Box
            aria-hidden
            w={12}
            h={0}
            style={{ borderTop: `2px ${item.dashed ? "dashed" : "solid"} ${item.color}` }}
          />
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
