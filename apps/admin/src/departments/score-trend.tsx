import { Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQueries } from "@tanstack/react-query";
import { Suspense } from "react";
import { useSession } from "../auth/session-context";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { goalPeriodName, periodsUpTo } from "../goals/goal-period";
import { ScoreLineChart } from "./lazy-charts";
import type { DepartmentScorecard } from "./types";

const PERIODS = 6;

const points = (value: number | null) =>
  value === null ? "—" : value.toLocaleString(undefined, { maximumFractionDigits: 1 });

/** The department's score for the period, its change from the previous one, and its last six periods. */
export function ScoreTrend({
  department,
  departmentName,
  period,
  today,
  current,
}: {
  department: string;
  departmentName: string;
  period: string;
  today: string;
  current: DepartmentScorecard | undefined;
}) {
  const { settings } = useSession();
  const labels = periodsUpTo(period, PERIODS);
  const earlier = useQueries({
    // After the period's own scorecard: a batch answers when its slowest read does.
    queries: labels.slice(0, -1).map((label) => ({
      ...trpc.scorecards.department.queryOptions({ department, period: label }),
      enabled: Boolean(current),
    })),
  });
  const scores = labels.map((label, i) => ({
    period: label,
    name: goalPeriodName(label, settings.locale, today).replace(/ \(.*\)$/, ""),
    score: i === labels.length - 1 ? (current?.score ?? null) : (earlier[i]?.data?.score ?? null),
  }));
  const previous = earlier[earlier.length - 1];
  const prevScore = previous?.data?.score ?? null;
  const score = current?.score ?? null;
  const change = score !== null && prevScore !== null ? score - prevScore : null;
  const loadingTrend = earlier.some((q) => q.isPending);
  const summary = `${departmentName}'s score over the last ${PERIODS} periods: ${scores.map((s) => `${s.name} ${points(s.score)}`).join(", ")}`;
  return (
    <Paper withBorder radius="md" p="md" className="print-keep" data-testid="score-trend">
      <Group align="stretch" gap="xl" wrap="wrap">
        <Stack gap={2} miw={160}>
          <Text size="sm" c="dimmed" fw={500}>
            Score
          </Text>
          <Text fz={40} fw={700} lh={1.1} data-testid="department-score" data-score={score ?? ""}>
            {current ? points(score) : <Skeleton h={44} w={90} component="span" display="block" />}
          </Text>
          <Text
            size="sm"
            c={change === null ? "dimmed" : change >= 0 ? "green.8" : "red.8"}
            data-testid="score-change"
          >
            {change === null
              ? "No score for the previous period"
              : `${change >= 0 ? "+" : "−"}${points(Math.abs(change))} points on the previous period (${points(prevScore)})`}
          </Text>
          <Text size="xs" c="dimmed" maw={220}>
            Weighted attainment of the active goals, 0–100.
          </Text>
        </Stack>
        <Stack gap={4} style={{ flex: 1, minWidth: 260 }}>
          <Group justify="space-between">
            <Title order={2} fz="sm" fw={600}>
              Score by period
            </Title>
            <CsvButton
              what="the score by period"
              fileName={csvFileName(department, "score", period)}
              header={["period", "score"]}
              rows={() => scores.map((s) => [s.period, s.score])}
              disabled={loadingTrend}
            />
          </Group>
          {loadingTrend ? (
            <Skeleton h={140} />
          ) : (
            <figure style={{ margin: 0 }} aria-label={summary}>
              <Suspense fallback={<Skeleton h={140} />}>
                <ScoreLineChart data={scores} valueFormatter={points} />
              </Suspense>
              <figcaption
                className="visually-hidden"
                style={{
                  position: "absolute",
                  width: 1,
                  height: 1,
                  overflow: "hidden",
                  clip: "rect(0 0 0 0)",
                }}
              >
                {summary}
              </figcaption>
            </figure>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
