import { Anchor, Group, Paper, Progress, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { todayIn } from "../lib/dates";
import { formatValue, type Unit } from "../lib/format";
import type { ResolvedView } from "../lib/view-state";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { goalPeriodName, goalPeriodOfView, shiftGoalPeriod } from "../goals/goal-period";
import { mostAtRisk } from "../goals/goal-rules";
import { StatusBadge } from "../goals/status-badge";

const points = (value: number | null) => (value === null ? "—" : value.toFixed(1));

/**
 * Every department's score for the goal period the overview shows, ranked, with its change from the
 * previous period; the company score; the goals most at risk among those the user may read.
 */
export function DepartmentScores({ view }: { view: ResolvedView }) {
  const { user, settings } = useSession();
  const today = todayIn(settings.timeZone);
  const period = goalPeriodOfView(view.period, today);
  const previousPeriod = shiftGoalPeriod(period, -1);
  const company = useQuery(trpc.scorecards.company.queryOptions({ period }));
  const previous = useQuery(trpc.scorecards.company.queryOptions({ period: previousPeriod }));
  const mayOpen = (department: string) =>
    user.role === "admin" || (user.role === "department_head" && user.department === department);
  // Goal detail is for admins (every department) and heads (their own); §7 gives others the scores only.
  const readable = (company.data?.departments ?? []).filter((d) => d.goals > 0 && mayOpen(d.department));
  const scorecards = useQueries({
    queries: readable.map((d) =>
      trpc.scorecards.department.queryOptions({ department: d.department, period }),
    ),
  });
  const ranked = [...(company.data?.departments ?? [])]
    .filter((d) => d.goals > 0)
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1));
  const before = new Map((previous.data?.departments ?? []).map((d) => [d.department, d.score]));
  const atRisk = mostAtRisk(
    scorecards.flatMap((q) => q.data?.goals ?? []).filter((g) => g.state === "active"),
  );
  const name = (key: string) => company.data?.departments.find((d) => d.department === key)?.name ?? key;
  const periodName = goalPeriodName(period, settings.locale, today);
  const companyChange =
    company.data?.score != null && previous.data?.score != null
      ? company.data.score - previous.data.score
      : null;

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-labelledby="department-scores-title"
      data-testid="department-scores"
    >
      <Group justify="space-between" mb="sm" wrap="wrap">
        <div>
          <Title order={2} fz="lg" fw={600} id="department-scores-title">
            Department scores
          </Title>
          <Text size="sm" c="dimmed">
            Goals of {periodName}, compared with the{" "}
            {view.period.preset === "year_to_date" ? "previous year" : "previous period"}
          </Text>
        </div>
        <CsvButton
          what="the department scores"
          fileName={csvFileName("department-scores", period)}
          header={["department", "name", "score", "previous_score", "goals"]}
          rows={() =>
            ranked.map((d) => [d.department, d.name, d.score, before.get(d.department) ?? null, d.goals])
          }
          disabled={!company.data}
        />
      </Group>
      {company.error ? (
        <QueryError
          title="Could not load the scores"
          error={company.error}
          onRetry={() => void company.refetch()}
          compact
        />
      ) : company.isPending ? (
        <Skeleton h={200} />
      ) : ranked.length === 0 ? (
        <Text size="sm" c="dimmed">
          No department has goals in {periodName}.
          {user.role === "admin" ? " Set them on the Goals page." : ""}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: atRisk.length > 0 || readable.length > 0 ? 2 : 1 }} spacing="lg">
          <Stack gap={8}>
            <Group gap="xs" align="baseline">
              <Text size="sm" fw={500}>
                Company score
              </Text>
              <Text fz="xl" fw={700} data-testid="company-score">
                {points(company.data.score)}
              </Text>
              {companyChange !== null && <Change value={companyChange} />}
            </Group>
            <Stack
              gap={6}
              component="ol"
              style={{ listStyle: "none", padding: 0, margin: 0 }}
              aria-label="Departments by score"
            >
              {ranked.map((d) => {
                const prev = before.get(d.department) ?? null;
                const label = mayOpen(d.department) ? (
                  <Anchor
                    component={Link}
                    to={`/departments/${d.department}?period=${period}`}
                    size="sm"
                    fw={500}
                  >
                    {d.name}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500}>
                    {d.name}
                  </Text>
                );
                return (
                  <li key={d.department} data-testid={`department-score-${d.department}`}>
                    <Group gap="sm" wrap="nowrap">
                      <div style={{ width: 150, flexShrink: 0 }}>{label}</div>
                      <Progress
                        value={d.score ?? 0}
                        style={{ flex: 1 }}
                        aria-label={`Score of ${d.name}: ${points(d.score)}`}
                      />
                      <Text size="sm" ff="monospace" w={44} ta="right">
                        {points(d.score)}
                      </Text>
                      <div style={{ width: 64 }}>
                        {d.score !== null && prev !== null ? <Change value={d.score - prev} /> : null}
                      </div>
                    </Group>
                  </li>
                );
              })}
            </Stack>
          </Stack>
          {readable.length > 0 && (
            <Stack gap={8}>
              <Group justify="space-between">
                <Text size="sm" fw={500}>
                  Most at risk
                </Text>
                <CsvButton
                  what="the goals most at risk"
                  fileName={csvFileName("goals-at-risk", period)}
                  header={["goal", "department", "metric", "status", "target", "expected", "actual"]}
                  rows={() =>
                    atRisk.map((g) => [
                      g.title,
                      g.department,
                      g.metric,
                      g.status,
                      g.target,
                      g.expected,
                      g.actual,
                    ])
                  }
                  disabled={scorecards.some((q) => q.isPending)}
                />
              </Group>
              {scorecards.some((q) => q.isPending) ? (
                <Skeleton h={120} />
              ) : atRisk.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No goal is at risk or off track.
                </Text>
              ) : (
                <Stack gap={6} component="ul" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                  {atRisk.map((g) => (
                    <li key={g.id} data-testid="goal-at-risk">
                      <Group gap="sm" wrap="nowrap" justify="space-between">
                        <div style={{ minWidth: 0 }}>
                          <Anchor
                            component={Link}
                            to={`/departments/${g.department}?period=${period}&goal=${g.id}`}
                            size="sm"
                            fw={500}
                          >
                            {g.title}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {name(g.department)} · {formatValue(g.actual, g.unit as Unit, settings)} of{" "}
                            {formatValue(g.expected, g.unit as Unit, settings)} expected by now
                          </Text>
                        </div>
                        <StatusBadge status={g.status} />
                      </Group>
                    </li>
                  ))}
                </Stack>
              )}
            </Stack>
          )}
        </SimpleGrid>
      )}
    </Paper>
  );
}

function Change({ value }: { value: number }) {
  const up = value >= 0;
  return (
    <Text size="xs" c={up ? "green.8" : "red.8"} fw={500}>
      {up ? "▲" : "▼"} {Math.abs(value).toFixed(1)}
      <Text
        span
        size="xs"
        style={{ position: "absolute", width: 1, height: 1, overflow: "hidden", clip: "rect(0 0 0 0)" }}
      >
        {" "}
        points on the previous period
      </Text>
    </Text>
  );
}
