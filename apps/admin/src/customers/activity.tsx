import { Badge, Button, Group, Select, Skeleton, Table, Text, Title } from "@mantine/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";

const TYPES = [
  "order",
  "payment",
  "opportunity_won",
  "opportunity_lost",
  "visit",
  "contact",
  "campaign_touch",
  "complaint",
  "complaint_resolved",
  "praise",
  "survey",
  "service_request",
  "service_resolved",
  "feedback",
  "delivery",
  "defect",
] as const;
type EventType = (typeof TYPES)[number];

/** A customer's activity, newest first, filtered by type; voided events are marked (they count nowhere). */
export function CustomerActivity({ customerId }: { customerId: string }) {
  const { settings } = useSession();
  const [type, setType] = useState<EventType | null>(null);
  const events = useInfiniteQuery(
    trpc.events.list.infiniteQueryOptions(
      { customer: customerId, type: type ?? undefined, limit: 25 },
      { getNextPageParam: (last) => last.next ?? undefined },
    ),
  );
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  return (
    <section aria-labelledby="activity-title">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="activity-title">
          Activity
        </Title>
        <Select
          label="Event type"
          placeholder="Every type"
          clearable
          data={TYPES.map((t) => ({ value: t, label: t.replace(/_/g, " ") }))}
          value={type}
          onChange={(value) => setType(value as EventType | null)}
          w={200}
        />
      </Group>
      {events.error ? (
        <QueryError title="Could not load the activity" error={events.error} onRetry={() => void events.refetch()} />
      ) : events.isPending ? (
        <Skeleton h={160} />
      ) : rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No events.
        </Text>
      ) : (
        <>
          <Table withTableBorder striped aria-label="Activity" data-testid="activity">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">When</Table.Th>
                <Table.Th scope="col">Type</Table.Th>
                <Table.Th scope="col">Amount</Table.Th>
                <Table.Th scope="col">Department</Table.Th>
                <Table.Th scope="col">Manager</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={`${e.source}/${e.id}`}>
                  <Table.Td>{new Date(e.occurredAt).toLocaleString(settings.locale, { dateStyle: "medium", timeStyle: "short" })}</Table.Td>
                  <Table.Td>
                    {e.type.replace(/_/g, " ")}{" "}
                    {e.voided && (
                      <Badge color="gray" variant="outline">
                        voided
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{e.amount === null ? "—" : formatValue(e.amount, "money", settings)}</Table.Td>
                  <Table.Td>{e.department}</Table.Td>
                  <Table.Td>{e.accountManager ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {events.hasNextPage && (
            <Button variant="default" mt="sm" loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              Older events
            </Button>
          )}
        </>
      )}
    </section>
  );
}
