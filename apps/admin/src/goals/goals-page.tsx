import {
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconCopy, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useMetricCatalog } from "../hooks/use-metric-catalog";
import { errorMessage } from "../lib/trpc-errors";
import { departmentName } from "../lib/roles";
import { trpc } from "../lib/trpc";
import type { ScorecardGoal } from "../departments/types";
import { CopyGoals } from "./copy-goals";
import { CsvButton } from "./csv-button";
import { csvFileName } from "./csv";
import { goalPeriodName } from "./goal-period";
import { GoalForm } from "./goal-form";
import { GoalRow } from "./goal-row";
import { PeriodSelect } from "./period-select";
import type { GoalListItem } from "./types";
import { patchParams, useGoalPeriod } from "./use-goal-period";

const ALL = "all";
type StateFilter = "current" | "archived";

/** Goals by department and period: set, change, copy forward, accept or decline proposals, archive. */
export function GoalsPage() {
  const { user, settings } = useSession();
  const { period, setPeriod, today, params, setParams } = useGoalPeriod();
  const departments = useDepartments();
  const catalog = useMetricCatalog();
  const isAdmin = user.role === "admin";
  const department = isAdmin ? (params.get("department") ?? ALL) : (user.department ?? "");
  const stateFilter: StateFilter = params.get("state") === "archived" ? "archived" : "current";
  const [creating, setCreating] = useState(false);
  const [copying, setCopying] = useState(false);
  const departmentFilter = department === ALL ? {} : { department };

  const goals = useQuery(trpc.goals.list.queryOptions({ ...departmentFilter, period }));
  const listed = (goals.data?.goals ?? []).filter((g) =>
    stateFilter === "archived" ? g.state === "archived" : g.state !== "archived",
  );
  // The served actuals and statuses: one scorecard per department with goals in the table.
  const scored = [...new Set(listed.map((g) => g.department))];
  const scorecards = useQueries({
    queries: scored.map((key) => trpc.scorecards.department.queryOptions({ department: key, period })),
  });
  const served = new Map<string, ScorecardGoal>();
  for (const q of scorecards) for (const g of q.data?.goals ?? []) served.set(g.id, g);
  const metricOf = (key: string) => catalog.data?.find((m) => m.key === key);
  const nameOf = (key: string) => departmentName(key, departments.data);
  const departmentLabel = department === ALL ? "every department" : nameOf(department);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Goals"
        description={`${departmentLabel} · ${goalPeriodName(period, settings.locale, today)}`}
        actions={
          <>
            <Button variant="default" leftSection={<IconCopy size={16} />} onClick={() => setCopying(true)}>
              Copy to another period
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() => setCreating(true)}
              data-testid="new-goal"
            >
              {isAdmin ? "New goal" : "Propose a goal"}
            </Button>
          </>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        {isAdmin && (
          <Select
            label="Department"
            data={[
              { value: ALL, label: "All departments" },
              ...(departments.data ?? []).map((d) => ({ value: d.key, label: d.name })),
            ]}
            value={department}
            onChange={(value) =>
              value && setParams((prev) => patchParams(prev, { department: value === ALL ? null : value }))
            }
            allowDeselect={false}
            w={220}
            data-testid="goals-department"
          />
        )}
        <PeriodSelect value={period} onChange={setPeriod} />
        <SegmentedControl
          aria-label="Goals shown"
          data={[
            { value: "current", label: "Active and proposed" },
            { value: "archived", label: "Archived" },
          ]}
          value={stateFilter}
          onChange={(value) =>
            setParams((prev) => patchParams(prev, { state: value === "archived" ? "archived" : null }))
          }
        />
      </Group>

      <ProposalsQueue department={department === ALL ? undefined : department} nameOf={nameOf} />

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="md" fw={600}>
            {stateFilter === "archived" ? "Archived goals" : "Goals"}
          </Title>
          <CsvButton
            what="the goals"
            fileName={csvFileName("goals", department, period)}
            header={[
              "id",
              "department",
              "title",
              "metric",
              "period",
              "state",
              "direction",
              "target",
              "weight",
              "perspective",
              "kind",
              "scope",
              "actual",
              "status",
            ]}
            rows={() =>
              listed.map((g) => [
                g.id,
                g.department,
                g.title,
                g.metric,
                g.period,
                g.state,
                g.direction,
                g.target,
                g.weight,
                g.perspective,
                g.kind,
                g.scope,
                served.get(g.id)?.actual ?? null,
                served.get(g.id)?.status ?? null,
              ])
            }
            disabled={!goals.data}
          />
        </Group>
        {goals.error ? (
          <QueryError
            title="Could not load the goals"
            error={goals.error}
            onRetry={() => void goals.refetch()}
          />
        ) : goals.isPending ? (
          <Skeleton h={240} />
        ) : listed.length === 0 ? (
          <EmptyState
            title={stateFilter === "archived" ? "No archived goals" : "No goals in this period"}
            description={
              stateFilter === "archived"
                ? "Archived and declined goals of the period show here."
                : "Set a goal from a metric, or copy the goals of an earlier period forward."
            }
            action={
              stateFilter === "archived"
                ? undefined
                : { label: isAdmin ? "New goal" : "Propose a goal", onClick: () => setCreating(true) }
            }
          />
        ) : (
          // Focusable, so a keyboard can scroll the table sideways on a narrow screen.
          <Table.ScrollContainer
            minWidth={900}
            type="native"
            tabIndex={0}
            aria-label="Goals table, scrolls sideways"
          >
            <Table verticalSpacing="sm" highlightOnHover data-testid="goals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Goal</Table.Th>
                  <Table.Th>State</Table.Th>
                  <Table.Th ta="right">Target</Table.Th>
                  <Table.Th ta="right">Weight</Table.Th>
                  <Table.Th ta="right">Actual</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>
                    <Text span size="sm" fw={600}>
                      Actions
                    </Text>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {listed.map((goal) => (
                  <GoalRow
                    key={goal.id}
                    goal={goal}
                    served={served.get(goal.id)}
                    metric={metricOf(goal.metric)}
                    departmentLabel={nameOf(goal.department)}
                    editable={isAdmin || goal.state === "proposed"}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      {creating && departments.data && catalog.data && (
        <GoalForm
          opened
          onClose={() => setCreating(false)}
          departments={departments.data}
          catalog={catalog.data}
          department={isAdmin ? (department === ALL ? null : department) : user.department}
          period={period}
          today={today}
          onCreated={(goal) => {
            setCreating(false);
            notifications.show({
              closeButtonProps: { "aria-label": "Dismiss" },
              color: goal.state === "proposed" ? "violet" : "green",
              message:
                goal.state === "proposed"
                  ? "Goal proposed: an administrator accepts or declines it."
                  : "Goal created.",
            });
            if (goal.period !== period) setPeriod(goal.period);
          }}
        />
      )}
      {copying && (
        <CopyGoals
          opened
          onClose={() => setCopying(false)}
          from={period}
          department={department === ALL ? null : department}
          departmentLabel={departmentLabel}
          today={today}
        />
      )}
    </Stack>
  );
}

/** Goals proposed by department heads, waiting for an administrator (any period). */
function ProposalsQueue({
  department,
  nameOf,
}: {
  department: string | undefined;
  nameOf: (key: string) => string;
}) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const proposals = useQuery(
    trpc.goals.list.queryOptions({ ...(department ? { department } : {}), state: "proposed" }),
  );
  const done = (verb: string) => async (goal: GoalListItem) => {
    notifications.show({
      color: "green",
      message: `${goal.title}: ${verb}.`,
      closeButtonProps: { "aria-label": "Dismiss" },
    });
    await queryClient.invalidateQueries({ queryKey: trpc.goals.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.scorecards.pathKey() });
  };
  const fail = (error: unknown) =>
    notifications.show({
      color: "red",
      message: errorMessage(error),
      closeButtonProps: { "aria-label": "Dismiss" },
    });
  const accept = useMutation(
    trpc.goals.accept.mutationOptions({ onSuccess: done("accepted, it counts now"), onError: fail }),
  );
  const decline = useMutation(
    trpc.goals.decline.mutationOptions({ onSuccess: done("declined and archived"), onError: fail }),
  );
  const list = proposals.data?.goals ?? [];
  if (proposals.isPending || list.length === 0) return null;
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="proposals-title"
      data-testid="proposals"
    >
      <Title order={2} fz="md" fw={600} mb="sm" id="proposals-title">
        Proposals ({list.length})
      </Title>
      <Stack gap="xs">
        {list.map((goal) => (
          <Group key={goal.id} justify="space-between" wrap="nowrap" data-testid="proposal">
            <div>
              <Text size="sm" fw={500}>
                {goal.title}
              </Text>
              <Text size="xs" c="dimmed">
                {nameOf(goal.department)} · {goal.period} · target {goal.target}
              </Text>
            </div>
            {user.role === "admin" ? (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="compact-sm"
                  color="green.8"
                  onClick={() => accept.mutate({ id: goal.id })}
                  aria-label={`Accept ${goal.title}`}
                >
                  Accept
                </Button>
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => decline.mutate({ id: goal.id })}
                  aria-label={`Decline ${goal.title}`}
                >
                  Decline
                </Button>
              </Group>
            ) : (
              <Text size="xs" c="dimmed">
                Waiting for an administrator
              </Text>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
