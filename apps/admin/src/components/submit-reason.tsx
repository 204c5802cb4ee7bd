import { Text } from "@mantine/core";

/** The reason a submit button is disabled, shown beside it; the button points at it (aria-describedby). */
export function SubmitReason({ id, reason }: { id: string; reason: string | null }) {
  if (!reason) return null;
  return (
    <Text size="sm" c="dimmed" id={id} data-testid="submit-reason" mr="auto">
      {reason}
    </Text>
  );
}
