import { Group, Skeleton, Stack, Text, ThemeIcon, Timeline } from "@mantine/core";
import { IconPencil, IconPlus, IconPower, IconKey } from "@tabler/icons-react";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { Instant } from "../components/instant";
import { QueryError } from "../components/query-error";
import { actionLabel } from "../lib/audit-diff";
import type { trpc } from "../lib/trpc";
import { ChangeList } from "./audit-changes";

export type AuditRecord = inferOutput<typeof trpc.audit.list>["items"][number];

function iconFor(action: string) {
  if (action.endsWith(".create")) return <IconPlus size={12} />;
  if (action.endsWith(".deactivate") || action.endsWith(".revoke")) return <IconPower size={12} />;
  if (action.startsWith("api_key")) return <IconKey size={12} />;
  return <IconPencil size={12} />;
}

type Props = {
  records: AuditRecord[] | undefined;
  error: unknown;
  onRetry: () => void;
  empty: string;
};

/** An entity's history, newest first: what changed, who did it and when. */
export function AuditTimeline({ records, error, onRetry, empty }: Props) {
  if (error) return <QueryError title="Could not load the history" error={error} onRetry={onRetry} />;
  if (!records) {
    return (
      <Stack gap="md" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <Skeleton key={i} h={56} />
        ))}
      </Stack>
    );
  }
  if (records.length === 0) return <Text size="sm" c="dimmed">{empty}</Text>;
  return (
    <Timeline bulletSize={22} lineWidth={2} data-testid="history">
      {records.map((record) => (
        <Timeline.Item
          key={record.id}
          bullet={
            <ThemeIcon size={22} radius="xl" variant="light" color={record.action.endsWith(".deactivate") || record.action.endsWith(".revoke") ? "gray" : "brand"}>
              {iconFor(record.action)}
            </ThemeIcon>
          }
          title={
            <Text size="sm" fw={600}>
              {actionLabel(record.action)}
            </Text>
          }
        >
          <Group gap={6} mb={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              by {record.actor} ·
            </Text>
            <Instant value={record.at} size="xs" c="dimmed" />
          </Group>
          <ChangeList before={record.before} after={record.after} />
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
