import { Alert, Button, Group, Text } from "@mantine/core";
import { IconAlertTriangle, IconRefresh } from "@tabler/icons-react";
import { errorMessage } from "../lib/trpc-errors";

type Props = { title: string; error: unknown; onRetry: () => void; compact?: boolean };

/** An error in place of the content it replaces, with a way to try again. */
export function QueryError({ title, error, onRetry, compact = false }: Props) {
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title} role="alert">
      <Group justify="space-between" gap="sm" wrap={compact ? "wrap" : "nowrap"}>
        <Text size="sm">{errorMessage(error)}</Text>
        <Button
          size="xs"
          variant="white"
          color="red"
          leftSection={<IconRefresh size={14} />}
          onClick={onRetry}
          style={{ flexShrink: 0 }}
        >
          Retry
        </Button>
      </Group>
    </Alert>
  );
}
