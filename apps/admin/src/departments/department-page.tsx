import "../goals/print.css";
import { Button, Group, Skeleton, Stack, Text } from "@mantine/core";
import { usePrefetchQuery, useQuery } from "@tanstack/react-query";
import { IconPrinter } from "@tabler/icons-react";
import { useEffect } from "react";
import { useParams } from "react-router";
import { NotAllowedPage } from "../auth/require-role";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { NotFoundPage } from "../components/not-found-page";
import { PageHeader } from "../components/page-header";
import { DepartmentInitiatives } from "../roadmaps/department-initiatives";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useMetricCatalog } from "../hooks/use-metric-catalog";
import { formatRange } from "../lib/format";
import { departmentName } from "../lib/roles";
import { trpc, unbatched } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { goalPeriodName, parseGoalPeriod, shiftGoalPeriod } from "../goals/goal-period";
import { PeriodSelect } from "../goals/period-select";
import { patchParams, useGoalPeriod } from "../goals/use-goal-period";
import type { BreakdownBy, SortDir, SortKey } from "./breakdown-table";
import { GoalDetail, type DrillState } from "./goal-detail";
import { preloadCharts } from "./lazy-charts";
import { ScoreTrend } from "./score-trend";
import { ScorecardGrid } from "./scorecard-grid";

const DRILL_KEYS = ["by", "sort", "dir", "row", "cursor"] as const;

function drillOf(params: URLSearchParams): DrillState {
  const by: BreakdownBy = params.get("by") === "accountManager" ? "accountManager" : "customer";
  const sortParam = params.get("sort");
  const sort: SortKey = sortParam === "name" || sortParam === "share" ? sortParam : "value";
  const dir: SortDir = params.get("dir") === "asc" ? "asc" : "desc";
  return { by, sort, dir, row: params.get("row"), cursor: params.get("cursor") };
}

/** A department's scorecard for a period: its head's home, and what an admin opens per department. */
export function DepartmentPage() {
  const { key = "" } = useParams();
  const { user } = useSession();
  if (user.role === "department_head" && user.department !== key) return <NotAllowedPage />;
  if (user.role !== "admin" && user.role !== "department_head") return <NotAllowedPage />;
  return <DepartmentScorecardView department={key} />;
}

function DepartmentScorecardView({ department }: { department: string }) {
  const { settings } = useSession();
  const { period, setPeriod, today, params, setParams } = useGoalPeriod();
  const departments = useDepartments();
  const catalog = useMetricCatalog();
  const scorecardOptions = trpc.scorecards.department.queryOptions({ department, period }, unbatched);
  // Asked for while the page renders, not after it is on screen: the rows wait for nothing else.
  usePrefetchQuery(scorecardOptions);
  const scorecard = useQuery(scorecardOptions);
  const loaded = Boolean(scorecard.data);
  // The charts' code arrives while the trend's scores are asked for, after the rows are shown.
  useEffect(() => {
    if (loaded) preloadCharts();
  }, [loaded]);
  const previous = useQuery({
    ...trpc.scorecards.department.queryOptions({ department, period: shiftGoalPeriod(period, -1) }),
    enabled: Boolean(scorecard.data),
  });
  const range = parseGoalPeriod(period);
  const name = departmentName(department, departments.data);
  const known = departments.data ? departments.data.some((d) => d.key === department) : true;
  if (!known) return <NotFoundPage />;

  const goalId = params.get("goal");
  const goal = scorecard.data?.goals.find((g) => g.id === goalId) ?? null;
  const metricOf = (key: string) => catalog.data?.find((m) => m.key === key);
  const drill = drillOf(params);
  const setDrill = (patch: Partial<DrillState>, push = false) =>
    setParams(
      (prev) => patchParams(prev, Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v ?? null]))),
      {
        replace: !push,
      },
    );
  const selectGoal = (id: string | null) =>
    setParams(
      (prev) => patchParams(prev, { goal: id, ...Object.fromEntries(DRILL_KEYS.map((k) => [k, null])) }),
      {
        replace: false,
      },
    );
  const goals = scorecard.data?.goals ?? [];

  return (
    <Stack gap="lg" data-testid="department-page">
      <PageHeader
        title={departments.data ? name : <Skeleton h={30} w={200} component="span" display="block" />}
        description={
          range
            ? `Scorecard · ${goalPeriodName(period, settings.locale, today)} · ${formatRange(range, settings.locale)}, compared with the previous ${range.grain}`
            : undefined
        }
        actions={
          <Group gap="sm" align="flex-end" className="no-print">
            <PeriodSelect value={period} onChange={(next) => setPeriod(next, ["goal", ...DRILL_KEYS])} />
            <CsvButton
              what="the scorecard"
              fileName={csvFileName(department, "scorecard", period)}
              header={[
                "goal",
                "metric",
                "perspective",
                "kind",
                "scope",
                "state",
                "weight",
                "target",
                "expected",
                "actual",
                "forecast",
                "attainment",
                "status",
              ]}
              rows={() =>
                goals.map((g) => [
                  g.title,
                  g.metric,
                  g.perspective,
                  g.kind,
                  g.scope,
                  g.state,
                  g.weight,
                  g.target,
                  g.expected,
                  g.actual,
                  g.forecast,
                  g.attainment,
                  g.status,
                ])
              }
              disabled={!scorecard.data}
              testId="scorecard-csv"
            />
            <Button
              size="compact-sm"
              variant="default"
              leftSection={<IconPrinter size={14} />}
              onClick={() => window.print()}
            >
              Print or save as PDF
            </Button>
          </Group>
        }
      />
      <DepartmentInitiatives department={department} part="waiting" />
      {scorecard.error ? (
        <QueryError
          title="Could not load the scorecard"
          error={scorecard.error}
          onRetry={() => void scorecard.refetch()}
        />
      ) : (
        <>
          <ScoreTrend
            department={department}
            departmentName={name}
            period={period}
            today={today}
            current={scorecard.data}
          />
          {scorecard.isPending ? (
            <Skeleton h={320} radius="md" />
          ) : goals.length === 0 ? (
            <EmptyState
              title="No goals in this period"
              description="Set goals for this department on the Goals page, or copy last period's goals forward."
            />
          ) : (
            <>
              <Text size="xs" c="dimmed" className="no-print">
                Choose a goal for what it takes, its trend, its customers and account managers, and the events
                behind them.
              </Text>
              <ScorecardGrid
                goals={goals}
                previous={previous.data?.goals ?? []}
                selected={goalId}
                onSelect={selectGoal}
              />
            </>
          )}
          {goal && range && (
            <GoalDetail
              key={goal.id}
              goal={goal}
              period={range}
              metricName={metricOf(goal.metric)?.name ?? goal.metric}
              additive={metricOf(goal.metric)?.additive ?? false}
              drill={drill}
              onDrill={setDrill}
              onClose={() => selectGoal(null)}
            />
          )}
        </>
      )}
      <DepartmentInitiatives department={department} part="list" />
    </Stack>
  );
}
