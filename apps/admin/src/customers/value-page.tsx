import {
  Anchor,
  Badge,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { countOf, CUSTOMER } from "../lib/plural";
import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "react-router";
import { useSession } from "../auth/session-context";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";
import { ACTION_WORDS, REASON_WORDS, SEGMENTS, SEGMENT_WORDS, type Segment } from "./words";

const RANK: Record<Segment, number> = { prospect: 0, inactive: 1, small: 2, medium: 3, big: 4, top: 5 };

/** The value pyramid, the migration matrix D − 90 → D and the problem customers. */
export function ValuePage() {
  const { user, settings } = useSession();
  const navigate = useNavigate();
  const pyramid = useQuery(trpc.customers.pyramid.queryOptions({}));
  const mayList = user.role !== "viewer";
  const changes = useQuery({ ...trpc.customers.valueChanges.queryOptions({}), enabled: mayList });
  const problems = useQuery({ ...trpc.customers.problems.queryOptions({}), enabled: mayList });
  if (pyramid.error)
    return (
      <QueryError
        title="Could not load the pyramid"
        error={pyramid.error}
        onRetry={() => void pyramid.refetch()}
      />
    );
  const segments = pyramid.data?.segments ?? [];
  const widest = Math.max(1, ...segments.map((s) => s.customers));
  const matrix = new Map<string, string[]>();
  for (const c of changes.data?.changes ?? []) {
    const key = `${c.from}>${c.to}`;
    matrix.set(key, [...(matrix.get(key) ?? []), c.customerId]);
  }
  return (
    <Stack gap="lg" data-testid="value-page">
      <PageHeader
        title="Customer value"
        description={`The value pyramid on ${pyramid.data?.asOf ?? "today"}: revenue of the 365 days, customers who moved in the last 90 days, and problem customers.`}
      />
      {pyramid.isPending ? (
        <Skeleton h={280} />
      ) : (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            Value pyramid
          </Title>
          <Stack gap={6} align="center" data-testid="pyramid">
            {segments.map((s, i) => (
              <UnstyledButton
                key={s.segment}
                onClick={() => mayList && navigate(`/customers?segment=${s.segment}`)}
                style={{
                  width: `${Math.max(30, 30 + (70 * i) / 5)}%`,
                  background: i < 4 ? "var(--mantine-color-blue-light)" : "var(--mantine-color-gray-light)",
                  borderRadius: 6,
                  padding: "8px 12px",
                }}
              >
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {SEGMENT_WORDS[s.segment]}
                  </Text>
                  <Text size="sm">
                    {countOf(s.customers, CUSTOMER)} · {formatValue(s.revenue, "money", settings)} ·{" "}
                    {s.share === null ? "—" : `${s.share}%`}
                  </Text>
                </Group>
                {mayList && <VisuallyHidden>, open the list</VisuallyHidden>}
              </UnstyledButton>
            ))}
          </Stack>
          <Text size="xs" c="dimmed" mt="xs">
            Bar width shows the segment's place in the pyramid; the widest segment has {widest} customers.
          </Text>
        </Paper>
      )}
      {mayList && (
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              Value changes (90 days)
            </Title>
            <Table
              withTableBorder
              aria-label="Migration matrix: segment 90 days ago by segment now"
              data-testid="migration-matrix"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">90 days ago ↓ / now →</Table.Th>
                  {SEGMENTS.map((to) => (
                    <Table.Th key={to} scope="col">
                      {SEGMENT_WORDS[to]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {SEGMENTS.map((from) => (
                  <Table.Tr key={from}>
                    <Table.Th scope="row">{SEGMENT_WORDS[from]}</Table.Th>
                    {SEGMENTS.map((to) => {
                      const ids = matrix.get(`${from}>${to}`) ?? [];
                      if (from === to || ids.length === 0)
                        return <Table.Td key={to}>{from === to ? "·" : ""}</Table.Td>;
                      const up = RANK[to] > RANK[from];
                      return (
                        <Table.Td
                          key={to}
                          style={{
                            background: up
                              ? "var(--mantine-color-teal-light)"
                              : "var(--mantine-color-red-light)",
                          }}
                        >
                          <Anchor
                            component={Link}
                            to={`/customers?segment=${to}`}
                            title={ids.join(", ")}
                            aria-label={`${ids.length} customers from ${SEGMENT_WORDS[from]} to ${SEGMENT_WORDS[to]} (${up ? "up" : "down"})`}
                          >
                            {ids.length}
                          </Anchor>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Title order={2} size="h4" mb="sm">
              Problem customers
            </Title>
            {problems.isPending ? (
              <Skeleton h={120} />
            ) : (problems.data?.customers.length ?? 0) === 0 ? (
              <Text size="sm" c="dimmed">
                No problem customers.
              </Text>
            ) : (
              <Table withTableBorder aria-label="Problem customers" data-testid="problem-customers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Customer</Table.Th>
                    <Table.Th scope="col">Reasons</Table.Th>
                    <Table.Th scope="col">Action</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.data?.customers.slice(0, 200).map((p) => (
                    <Table.Tr key={p.customerId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/customers/${encodeURIComponent(p.customerId)}`}>
                          {p.customerId}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {p.reasons.map((r) => (
                            <Badge key={r} variant="light" color="orange">
                              {REASON_WORDS[r]}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td>{ACTION_WORDS.care}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        </SimpleGrid>
      )}
    </Stack>
  );
}
