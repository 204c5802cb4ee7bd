import { Badge, Box, Button, Group, Paper, Skeleton, Table, Text, Title } from "@mantine/core";
import { IconChevronRight, IconPlayerSkipBack } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { QueryError } from "../components/query-error";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import type { GoalPeriodRange } from "../goals/goal-period";

const PAGE = 25;

type Props = {
  /** The breakdown row chosen: a customer id or an account manager's email. */
  filter: { customer?: string; accountManager?: string; department?: string };
  who: string;
  period: GoalPeriodRange;
  cursor: string | null;
  onPage: (cursor: string | null) => void;
};

/** The raw events behind a breakdown row, newest first, a page at a time (the API's cursor). */
export function EventsTable({ filter, who, period, cursor, onPage }: Props) {
  const { settings } = useSession();
  const events = useQuery({
    ...trpc.events.list.queryOptions({
      ...filter,
      from: period.from,
      to: period.to,
      limit: PAGE,
      ...(cursor ? { cursor } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const time = new Intl.DateTimeFormat(settings.locale, {
    timeZone: settings.timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  });
  const list = events.data?.events ?? [];
  return (
    <Paper withBorder radius="md" p="md" data-testid="events">
      <Group justify="space-between" mb="sm">
        <Title order={3} fz="sm" fw={600}>
          Events of {who}
        </Title>
        <CsvButton
          what={`the events of ${who}`}
          fileName={csvFileName("events", who, period.label)}
          header={[
            "id",
            "type",
            "occurredAt",
            "customerId",
            "accountManager",
            "department",
            "amount",
            "voided",
          ]}
          rows={() =>
            list.map((e) => [
              e.id,
              e.type,
              e.occurredAt,
              e.customerId,
              e.accountManager,
              e.department,
              e.amount,
              e.voided,
            ])
          }
          disabled={!events.data}
        />
      </Group>
      {events.error ? (
        <QueryError
          title="Could not load the events"
          error={events.error}
          onRetry={() => void events.refetch()}
          compact
        />
      ) : events.isPending ? (
        <Skeleton h={200} />
      ) : list.length === 0 ? (
        <EmptyState title="No events" description="Nothing was recorded for this row in the period." />
      ) : (
        <>
          {/* A scroll region of plain text: focusable, so a keyboard can scroll it (a phone's width). */}
          <Box style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={`Events of ${who}`}>
            <Table striped miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>When</Table.Th>
                  <Table.Th>Type</Table.Th>
                  <Table.Th>Customer</Table.Th>
                  <Table.Th>Account manager</Table.Th>
                  <Table.Th ta="right">Amount</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((e) => (
                  <Table.Tr key={`${e.source}/${e.id}`} data-testid="event-row" opacity={e.voided ? 0.65 : 1}>
                    <Table.Td fz="sm">{time.format(new Date(e.occurredAt))}</Table.Td>
                    <Table.Td fz="sm">
                      <Group gap={6} wrap="nowrap">
                        {e.type.replace(/_/g, " ")}
                        {e.voided && (
                          <Badge size="xs" color="gray" variant="outline">
                            voided
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td fz="sm">{e.customerId ?? "—"}</Table.Td>
                    <Table.Td fz="sm">{e.accountManager ?? "—"}</Table.Td>
                    <Table.Td fz="sm" ta="right" ff="monospace">
                      {e.amount === null ? "—" : formatValue(e.amount, "money", settings)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
          <Group justify="space-between" mt="sm" className="no-print">
            <Text size="xs" c="dimmed">
              {list.length} events{cursor ? " (a later page)" : ""}, newest first
            </Text>
            <Group gap="xs">
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconPlayerSkipBack size={14} />}
                disabled={!cursor}
                onClick={() => onPage(null)}
              >
                Newest
              </Button>
              <Button
                size="compact-sm"
                variant="default"
                rightSection={<IconChevronRight size={14} />}
                disabled={!events.data?.next}
                onClick={() => onPage(events.data?.next ?? null)}
                data-testid="events-older"
              >
                Older
              </Button>
            </Group>
          </Group>
        </>
      )}
    </Paper>
  );
}
