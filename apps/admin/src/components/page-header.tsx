import { Group, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

type Props = { title: ReactNode; description?: ReactNode; actions?: ReactNode };

export function PageHeader({ title, description, actions }: Props) {
  return (
    <Group justify="space-between" align="flex-end" gap="md" wrap="wrap">
      <header>
        <Title order={1} fz={24} fw={650} lts={-0.3}>
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm" mt={4}>
            {description}
          </Text>
        )}
      </header>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
