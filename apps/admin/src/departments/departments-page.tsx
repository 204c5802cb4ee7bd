import { Anchor, Group, Paper, Progress, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, Navigate } from "react-router";
import { NotAllowedPage } from "../auth/require-role";
import { useSession } from "../auth/session-context";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { goalPeriodName } from "../goals/goal-period";
import { STATUS_LABELS, type GoalStatus } from "../goals/goal-rules";
import { PeriodSelect } from "../goals/period-select";
import { StatusBadge } from "../goals/status-badge";
import { useGoalPeriod } from "../goals/use-goal-period";

const SHOWN: readonly GoalStatus[] = ["met", "on_track", "at_risk", "off_track", "missed", "no_data"];

/** Every department with its score for the period; a head goes straight to their own. */
export function DepartmentsPage() {
  const { user } = useSession();
  const { period } = useGoalPeriod();
  if (user.role === "department_head" && user.department) {
    return <Navigate to={`/departments/${user.department}?period=${period}`} replace />;
  }
  if (user.role !== "admin") return <NotAllowedPage />;
  return <DepartmentList />;
}

function DepartmentList() {
  const { settings } = useSession();
  const { period, setPeriod, today } = useGoalPeriod();
  const company = useQuery(trpc.scorecards.company.queryOptions({ period }));
  const rows = [...(company.data?.departments ?? [])].sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  return (
    <Stack gap="lg">
      <PageHeader
        title="Departments"
        description={`Scores for ${goalPeriodName(period, settings.locale, today)}${
          company.data?.score != null ? ` · company score ${company.data.score.toFixed(1)}` : ""
        }`}
        actions={
          <Group gap="sm" align="flex-end">
            <PeriodSelect value={period} onChange={setPeriod} />
            <CsvButton
              what="the department scores"
              fileName={csvFileName("department-scores", period)}
              header={["department", "name", "score", "goals", ...SHOWN, "not_started"]}
              rows={() =>
                rows.map((r) => [
                  r.department,
                  r.name,
                  r.score,
                  r.goals,
                  ...SHOWN.map((s) => r.status[s] ?? 0),
                  r.status.not_started ?? 0,
                ])
              }
              disabled={!company.data}
            />
          </Group>
        }
      />
      {company.error ? (
        <QueryError
          title="Could not load the scores"
          error={company.error}
          onRetry={() => void company.refetch()}
        />
      ) : (
        <Paper withBorder radius="md" p="md">
          {company.isPending ? (
            <Skeleton h={300} />
          ) : (
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Department</Table.Th>
                    <Table.Th w="30%">Score</Table.Th>
                    <Table.Th ta="right">Active goals</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={row.department} data-testid={`department-row-${row.department}`}>
                      <Table.Td>
                        <Anchor
                          component={Link}
                          to={`/departments/${row.department}?period=${period}`}
                          fw={500}
                          fz="sm"
                        >
                          {row.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap="sm" wrap="nowrap">
                          <Progress value={row.score ?? 0} w={140} aria-label={`Score of ${row.name}`} />
                          <Text size="sm" ff="monospace">
                            {row.score === null ? "—" : row.score.toFixed(1)}
                          </Text>
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" fz="sm">
                        {row.goals}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {SHOWN.filter((s) => (row.status[s] ?? 0) > 0).map((s) => (
                            <Group
                              key={s}
                              gap={2}
                              wrap="nowrap"
                              aria-label={`${row.status[s]} ${STATUS_LABELS[s]}`}
                            >
                              <StatusBadge status={s} size="xs" />
                              <Text size="xs">{row.status[s]}</Text>
                            </Group>
                          ))}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
    </Stack>
  );
}
