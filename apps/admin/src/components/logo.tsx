import { Group, Text, ThemeIcon } from "@mantine/core";
import { IconTrendingUp } from "@tabler/icons-react";

export function Logo({ size = 28, withName = false }: { size?: number; withName?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <ThemeIcon size={size} radius="md" variant="filled" aria-hidden>
        <IconTrendingUp size={size * 0.6} stroke={2.2} />
      </ThemeIcon>
      {withName && (
        <Text fw={650} fz="lg" lts={-0.2}>
          Retain
        </Text>
      )}
    </Group>
  );
}
