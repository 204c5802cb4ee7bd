import "../goals/print.css";
import { Button, Group, Paper, Skeleton, Stack, Text, Title, Tooltip } from "@mantine/core";
import { useQueries, useQuery } from "@tanstack/react-query";
import { IconPrinter } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useMetricCatalog } from "../hooks/use-metric-catalog";
import { formatValue, type Unit } from "../lib/format";
import { departmentName } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import { goalPeriodName, periodsUpTo } from "../goals/goal-period";
import { STATUS_COLOR, STATUS_LABELS, type GoalStatus } from "../goals/goal-rules";
import { PeriodSelect } from "../goals/period-select";
import { StatusBadge } from "../goals/status-badge";
import { useGoalPeriod } from "../goals/use-goal-period";
import { compliance, promiseKey } from "./compliance";

const share = (value: number | null) => (value === null ? "—" : `${Math.round(value * 100)} %`);

/** The promises every department made to customers, as customers read them, and how well they are kept. */
export function BillOfRightsPage() {
  const { settings } = useSession();
  const { period, setPeriod, today } = useGoalPeriod();
  const departments = useDepartments();
  const catalog = useMetricCatalog();
  const current = useQuery(trpc.scorecards.billOfRights.queryOptions({ period }));
  const earlierLabels = periodsUpTo(period, 5).slice(0, -1);
  const earlier = useQueries({
    queries: earlierLabels.map((label) => trpc.scorecards.billOfRights.queryOptions({ period: label })),
  });
  const promises = current.data?.promises ?? [];
  const now = compliance(promises);
  const pastAll = earlier.flatMap((q) => q.data?.promises ?? []);
  const past = compliance(pastAll);
  const pastLoading = earlier.some((q) => q.isPending);
  const byDepartment = new Map<string, typeof promises>();
  for (const p of promises) byDepartment.set(p.department, [...(byDepartment.get(p.department) ?? []), p]);
  const unitOf = (metric: string) => (catalog.data?.find((m) => m.key === metric)?.unit ?? "count") as Unit;
  const history = (key: string) =>
    earlierLabels.map((label, i) => ({
      label,
      status: (earlier[i]?.data?.promises.find((p) => promiseKey(p) === key)?.status ??
        null) as GoalStatus | null,
    }));
  const periodName = goalPeriodName(period, settings.locale, today);

  return (
    <Stack gap="lg" data-testid="bill-of-rights">
      <PageHeader
        title="Customer bill of rights"
        description={`What we promise our customers, and how well we keep it · ${periodName}`}
        actions={
          <Group gap="sm" align="flex-end" className="no-print">
            <PeriodSelect value={period} onChange={setPeriod} />
            <CsvButton
              what="the promises"
              fileName={csvFileName("bill-of-rights", period)}
              header={["department", "promise", "metric", "target", "actual", "status", ...earlierLabels]}
              rows={() =>
                promises.map((p) => [
                  p.department,
                  p.promise,
                  p.metric,
                  p.target,
                  p.actual,
                  p.status,
                  ...history(promiseKey(p)).map((h) => h.status),
                ])
              }
              disabled={!current.data}
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
      {current.error ? (
        <QueryError
          title="Could not load the promises"
          error={current.error}
          onRetry={() => void current.refetch()}
        />
      ) : current.isPending ? (
        <Skeleton h={320} radius="md" />
      ) : promises.length === 0 ? (
        <EmptyState
          title="No promises in this period"
          description="A promise is an external goal with the sentence customers read; an administrator sets them on the Goals page."
        />
      ) : (
        <>
          <Group gap="xl" className="print-keep">
            <Paper withBorder radius="md" p="md" miw={220}>
              <Text size="sm" c="dimmed" fw={500}>
                Kept this period
              </Text>
              <Text fz={32} fw={700} data-testid="compliance-now">
                {share(now.share)}
              </Text>
              <Text size="xs" c="dimmed">
                {now.kept} of {now.judged} promises met or on track
              </Text>
            </Paper>
            <Paper withBorder radius="md" p="md" miw={220}>
              <Text size="sm" c="dimmed" fw={500}>
                Kept over the four periods before
              </Text>
              <Text fz={32} fw={700} data-testid="compliance-past">
                {pastLoading ? (
                  <Skeleton h={36} w={80} component="span" display="block" />
                ) : (
                  share(past.share)
                )}
              </Text>
              <Text size="xs" c="dimmed">
                {pastLoading ? "…" : `${past.kept} of ${past.judged} promises met`}
              </Text>
            </Paper>
          </Group>
          {[...byDepartment].map(([department, list]) => (
            <Paper
              key={department}
              withBorder
              radius="md"
              p="lg"
              component="section"
              className="print-keep"
              aria-labelledby={`promises-${department}`}
            >
              <Title order={2} fz="md" fw={600} mb="sm" id={`promises-${department}`}>
                {departmentName(department, departments.data)}
              </Title>
              <Stack gap="md" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
                {list.map((p) => (
                  <li key={p.goalId} data-testid="promise">
                    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
                      <div>
                        <Text fz="lg" fw={500} lh={1.35}>
                          {p.promise}
                        </Text>
                        <Text size="sm" c="dimmed" mt={2}>
                          {formatValue(p.actual, unitOf(p.metric), settings)} against{" "}
                          {formatValue(p.target, unitOf(p.metric), settings)} ·{" "}
                          {catalog.data?.find((m) => m.key === p.metric)?.name ?? p.metric}
                        </Text>
                      </div>
                      <Stack gap={6} align="flex-end">
                        <StatusBadge status={p.status} />
                        <Group gap={4} role="group" aria-label="The four periods before">
                          {history(promiseKey(p)).map((h) => (
                            <Tooltip
                              key={h.label}
                              label={`${h.label}: ${h.status ? STATUS_LABELS[h.status] : "no such promise"}`}
                            >
                              <Text
                                span
                                tabIndex={0}
                                role="img"
                                aria-label={`${h.label}: ${h.status ? STATUS_LABELS[h.status] : "no such promise"}`}
                                w={12}
                                h={12}
                                bg={h.status ? `${STATUS_COLOR[h.status]}.7` : "gray.3"}
                                style={{ display: "inline-block", borderRadius: 3 }}
                              />
                            </Tooltip>
                          ))}
                        </Group>
                      </Stack>
                    </Group>
                  </li>
                ))}
              </Stack>
            </Paper>
          ))}
        </>
      )}
    </Stack>
  );
}
