import { Group, Paper, Skeleton, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Suspense } from "react";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { formatPeriod, formatValue, unitLabel, type Unit } from "../lib/format";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { parseGoalPeriod, shiftGoalPeriod } from "../goals/goal-period";
import { GoalBarChart } from "./lazy-charts";
import type { ScorecardGoal } from "./types";

const PERIODS = 6;

/** The read of a goal's metric with the goal's scope and filter, as the server reads its actual. */
export function goalFilter(goal: ScorecardGoal) {
  return {
    ...(goal.scope === "department" ? { department: goal.department } : {}),
    ...(goal.filter?.accountManager ? { accountManager: goal.filter.accountManager } : {}),
    ...(goal.filter?.customer ? { customer: goal.filter.customer } : {}),
  };
}

/** The goal's metric over the last six periods of its grain, with the target line. */
export function GoalTrend({
  goal,
  period,
  metricName,
}: {
  goal: ScorecardGoal;
  period: string;
  metricName: string;
}) {
  const { settings } = useSession();
  const current = parseGoalPeriod(period);
  const first = parseGoalPeriod(shiftGoalPeriod(period, -(PERIODS - 1)));
  const grain = current?.grain ?? "quarter";
  const series = useQuery({
    ...trpc.metrics.series.queryOptions({
      key: goal.metric,
      from: first?.from ?? "",
      to: current?.to ?? "",
      grain,
      ...goalFilter(goal),
    }),
    enabled: Boolean(current && first),
  });
  const unit = goal.unit as Unit;
  const full = (value: number) => formatValue(value, unit, settings);
  const rows = (series.data?.points ?? []).map((p) => ({
    period: p.period,
    label: formatPeriod(p.period, grain, settings.locale),
    value: p.value,
  }));
  const summary = `${metricName} per ${grain} over the last ${PERIODS} ${grain}s, with the target of ${full(goal.target)}`;
  return (
    <Paper withBorder radius="md" p="md" className="print-keep" data-testid="goal-trend">
      <Group justify="space-between" mb="xs">
        <Title order={3} fz="sm" fw={600}>
          {metricName} by {grain}
        </Title>
        <CsvButton
          what={`the ${metricName} trend`}
          fileName={csvFileName(goal.metric, "trend", period)}
          header={["period", goal.metric]}
          rows={() => rows.map((r) => [r.period, r.value])}
          disabled={!series.data}
        />
      </Group>
      {series.error ? (
        <QueryError
          title="Could not load the trend"
          error={series.error}
          onRetry={() => void series.refetch()}
          compact
        />
      ) : series.isPending ? (
        <Skeleton h={220} />
      ) : (
        <figure style={{ margin: 0 }} aria-label={summary}>
          <Suspense fallback={<Skeleton h={220} />}>
            <GoalBarChart
              data={rows}
              metricName={metricName}
              target={goal.target}
              targetLabel={`Target ${full(goal.target)}`}
              valueFormatter={full}
              yAxisLabel={`${metricName} (${unitLabel(unit, settings.currency)})`}
              xAxisLabel={grain === "month" ? "Month" : grain === "quarter" ? "Quarter" : "Year"}
            />
          </Suspense>
          <Text component="figcaption" size="xs" c="dimmed" mt={4}>
            {summary}.
          </Text>
        </figure>
      )}
    </Paper>
  );
}
