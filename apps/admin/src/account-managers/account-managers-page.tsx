import {
  Anchor,
  Button,
  Group,
  Paper,
  Progress,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { PeriodSelect } from "../goals/period-select";
import { useGoalPeriod } from "../goals/use-goal-period";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";
import { compareKpi, loadPercent, MANAGER_KPIS as KPIS, TONE_COLOR } from "./kpis";

const METHODS = ["level", "relationship", "specialty", "industry"] as const;

/** Account managers: profile and load, the leaderboard of their KPIs against the previous period, and (admins) assignment proposals. */
export function AccountManagersPage() {
  const { user, settings } = useSession();
  const { period, setPeriod } = useGoalPeriod();
  const managers = useQuery(trpc.accountManagers.list.queryOptions({ period }));

  return (
    <Stack gap="lg" data-testid="account-managers-page">
      <PageHeader
        title={user.role === "account_manager" ? "My results" : "Account managers"}
        description="Customers served against capacity, and the KPIs of the period against the one before (each event counts for the manager of its time)."
        actions={<PeriodSelect value={period} onChange={setPeriod} />}
      />
      {managers.error ? (
        <QueryError
          title="Could not load the account managers"
          error={managers.error}
          onRetry={() => void managers.refetch()}
        />
      ) : managers.isPending ? (
        <Skeleton h={300} />
      ) : (
        <Table.ScrollContainer minWidth={1000}>
          <Table striped withTableBorder aria-label="Account managers leaderboard" data-testid="leaderboard">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Manager</Table.Th>
                <Table.Th scope="col">Level</Table.Th>
                <Table.Th scope="col">Load</Table.Th>
                {KPIS.map((k) => (
                  <Table.Th key={k.key} scope="col">
                    {k.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...managers.data.managers]
                .sort((a, b) => (b.kpis.revenue ?? 0) - (a.kpis.revenue ?? 0))
                .map((m) => (
                  <Table.Tr key={m.email}>
                    <Table.Td>
                      <Anchor
                        component={Link}
                        to={`/account-managers/${encodeURIComponent(m.email)}?period=${period}`}
                        size="sm"
                      >
                        {m.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {m.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>{m.level}</Table.Td>
                    <Table.Td miw={140}>
                      <Text size="xs">
                        {m.customers} / {m.capacity}
                      </Text>
                      <Progress
                        value={loadPercent(m.customers, m.capacity)}
                        color={m.customers >= m.capacity ? "red" : "blue"}
                        aria-label={`${m.name}: ${m.customers} of ${m.capacity} customers`}
                      />
                    </Table.Td>
                    {KPIS.map((k) => {
                      const value = (m.kpis as Record<string, number | null>)[k.key] ?? null;
                      const before = (m.previousKpis as Record<string, number | null>)[k.key] ?? null;
                      const { delta, tone } = compareKpi(k, value, before);
                      return (
                        <Table.Td key={k.key}>
                          <Text size="sm">{formatValue(value, k.unit, settings)}</Text>
                          <Text size="xs" c={TONE_COLOR[tone]}>
                            {delta === null
                              ? "—"
                              : `${delta > 0 ? "+" : ""}${formatValue(delta, k.unit, settings)} vs ${managers.data.previousPeriod}`}
                          </Text>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {user.role === "admin" && <Proposals />}
    </Stack>
  );
}

function Proposals() {
  const [method, setMethod] = useState<(typeof METHODS)[number]>("level");
  const queryClient = useQueryClient();
  const propose = useMutation(trpc.assignments.proposals.mutationOptions());
  const apply = useMutation(
    trpc.assignments.applyAssignments.mutationOptions({
      onSuccess: () => {
        propose.reset();
        void queryClient.invalidateQueries();
      },
    }),
  );
  const proposals = propose.data?.proposals ?? [];
  return (
    <Paper withBorder p="md" radius="md" data-testid="proposals">
      <Title order={2} size="h4" mb="sm">
        Assign customers without a manager
      </Title>
      <Group align="flex-end" gap="md">
        <Select
          label="Method"
          data={[...METHODS]}
          value={method}
          onChange={(v) => v && setMethod(v as (typeof METHODS)[number])}
          w={180}
          allowDeselect={false}
        />
        <Button onClick={() => propose.mutate({ method })} loading={propose.isPending}>
          Propose
        </Button>
        {proposals.length > 0 && (
          <Button
            color="teal"
            loading={apply.isPending}
            onClick={() =>
              apply.mutate({
                assignments: proposals.map((p) => ({
                  customerId: p.customerId,
                  accountManager: p.accountManager,
                })),
              })
            }
          >
            Apply {proposals.length} proposals
          </Button>
        )}
      </Group>
      {apply.data && (
        <Text size="sm" mt="sm" role="status">
          Applied {apply.data.applied} assignments.
        </Text>
      )}
      {propose.data && (
        <Table mt="md" withTableBorder aria-label="Proposed assignments">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Customer</Table.Th>
              <Table.Th scope="col">Proposed manager</Table.Th>
              <Table.Th scope="col">Reason</Table.Th>
              <Table.Th scope="col">Load after</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {proposals.slice(0, 500).map((p) => (
              <Table.Tr key={p.customerId}>
                <Table.Td>{p.customerId}</Table.Td>
                <Table.Td>{p.accountManager}</Table.Td>
                <Table.Td>{p.reason}</Table.Td>
                <Table.Td>{Math.round(p.loadAfter * 100)}%</Table.Td>
              </Table.Tr>
            ))}
            {propose.data.unassigned.slice(0, 200).map((u) => (
              <Table.Tr key={u.customerId}>
                <Table.Td>{u.customerId}</Table.Td>
                <Table.Td>—</Table.Td>
                <Table.Td>{u.reason}</Table.Td>
                <Table.Td>—</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
