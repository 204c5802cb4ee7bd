import { Button, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconChartBar } from "@tabler/icons-react";
import type { ReactNode } from "react";

type Props = {
  title: string;
  description: ReactNode;
  action?: { label: string; onClick: () => void };
  height?: number;
  /** When the empty state is the whole page (not found), its title is the page's heading. */
  heading?: 1 | 2;
};

/** Says why there is nothing to show and what to do about it. */
export function EmptyState({ title, description, action, height, heading }: Props) {
  return (
    <Stack align="center" justify="center" gap={6} h={height} ta="center" px="md">
      <ThemeIcon variant="light" color="gray" size="lg" radius="xl" aria-hidden>
        <IconChartBar size={18} />
      </ThemeIcon>
      {heading ? (
        <Title order={heading} fz="sm" fw={600}>
          {title}
        </Title>
      ) : (
        <Text fw={600} size="sm">
          {title}
        </Text>
      )}
      <Text c="dimmed" size="sm" maw={360}>
        {description}
      </Text>
      {action && (
        <Button size="xs" variant="light" mt={4} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </Stack>
  );
}
