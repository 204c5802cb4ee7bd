import { CloseButton, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { IconBulb } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import { formatValue, type Unit } from "../lib/format";
import { periodDays, type GoalPeriodRange } from "../goals/goal-period";
import { filterWords, whatItTakes } from "../goals/goal-rules";
import { StatusBadge } from "../goals/status-badge";
import {
  BreakdownTable,
  useBreakdown,
  type BreakdownBy,
  type SortDir,
  type SortKey,
} from "./breakdown-table";
import { EventsTable } from "./events-table";
import { goalFilter, GoalTrend } from "./goal-trend";
import type { ScorecardGoal } from "./types";

export type DrillState = {
  by: BreakdownBy;
  sort: SortKey;
  dir: SortDir;
  row: string | null;
  cursor: string | null;
};

type Props = {
  goal: ScorecardGoal;
  period: GoalPeriodRange;
  metricName: string;
  additive: boolean;
  drill: DrillState;
  onDrill: (patch: Partial<DrillState>, push?: boolean) => void;
  onClose: () => void;
};

/** One goal opened: what it takes, its trend with the target, its breakdown and the events behind a row. */
export function GoalDetail({ goal, period, metricName, additive, drill, onDrill, onClose }: Props) {
  const { settings } = useSession();
  const unit = goal.unit as Unit;
  const days = periodDays(period, goal.elapsed);
  const running = goal.status !== "not_started" && goal.elapsed > 0 && goal.elapsed < 1;
  const takes = running
    ? whatItTakes(
        {
          metricName,
          unit,
          additive,
          direction: goal.direction,
          target: goal.target,
          actual: goal.actual,
          daysPassed: days.passed,
          daysLeft: days.left,
        },
        settings,
      )
    : null;
  const fmt = (value: number | null) => formatValue(value, unit, settings);
  const breakdown = useBreakdown(goal, period, drill.by);
  const who = breakdown.data?.rows.find((r) => r.key === drill.row)?.name ?? drill.row;
  const filter = goalFilter(goal);
  const rowFilter =
    drill.row === null
      ? null
      : {
          ...(filter.department ? { department: filter.department } : {}),
          ...(drill.by === "customer"
            ? {
                customer: drill.row,
                ...(filter.accountManager ? { accountManager: filter.accountManager } : {}),
              }
            : { accountManager: drill.row, ...(filter.customer ? { customer: filter.customer } : {}) }),
        };
  return (
    <Paper
      withBorder
      radius="md"
      p="lg"
      component="section"
      aria-labelledby="goal-detail-title"
      data-testid="goal-detail"
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Group gap="sm">
              <Title order={2} fz="lg" fw={600} id="goal-detail-title">
                {goal.title}
              </Title>
              <StatusBadge status={goal.status} />
            </Group>
            {filterWords(goal.filter) && (
              <Text size="sm" fw={500} mt={4} data-testid="goal-detail-filter">
                Only {filterWords(goal.filter)}
              </Text>
            )}
            <Text size="sm" c="dimmed" mt={4}>
              {metricName}: {fmt(goal.actual)} against a target of {fmt(goal.target)} (
              {goal.direction === "higher" ? "at least" : "at most"}); expected by now {fmt(goal.expected)};
              forecast {fmt(goal.forecast)}.
            </Text>
          </div>
          <CloseButton aria-label="Close the goal" onClick={onClose} className="no-print" />
        </Group>
        {takes && (
          <Group gap="xs" wrap="nowrap" data-testid="what-it-takes">
            <IconBulb size={18} aria-hidden style={{ flexShrink: 0 }} />
            <Text size="sm" fw={500}>
              {takes}
            </Text>
          </Group>
        )}
        <GoalTrend goal={goal} period={period.label} metricName={metricName} />
        <Stack gap="md">
          <BreakdownTable
            goal={goal}
            period={period}
            metricName={metricName}
            by={drill.by}
            sort={drill.sort}
            dir={drill.dir}
            selected={drill.row}
            onChange={(patch) =>
              onDrill(
                { ...patch, ...(patch.row !== undefined || patch.by ? { cursor: null } : {}) },
                patch.row !== undefined,
              )
            }
          />
          {rowFilter && drill.row && (
            <EventsTable
              filter={rowFilter}
              who={who ?? drill.row}
              period={period}
              cursor={drill.cursor}
              onPage={(cursor) => onDrill({ cursor }, true)}
            />
          )}
        </Stack>
      </Stack>
    </Paper>
  );
}
