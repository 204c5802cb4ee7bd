import "@mantine/charts/styles.css";
import { Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconBuilding } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useMetricCatalog, type MetricDefinition } from "../hooks/use-metric-catalog";
import { useView } from "../hooks/use-view";
import { scopeTitle } from "../lib/department-scope";
import { formatRange } from "../lib/format";
import { trpc } from "../lib/trpc";
import { DepartmentScores } from "./department-scores";
import { GrainControl } from "./grain-control";
import { KpiCard } from "./kpi-card";
import { MetricChart } from "./metric-chart";
import { MetricPicker } from "./metric-picker";
import { CROSS_DEPARTMENT_METRICS, overviewMetrics, type ChartKind } from "./overview-metrics";
import { useOverviewScope } from "./use-overview-scope";

/** Placeholders while the catalog and the user's choice load. */
const SKELETONS = [0, 1, 2, 3];

const COMPARE_WORDS = { previous: "the previous period", year: "the same period last year" } as const;

export function OverviewPage() {
  const { settings, user } = useSession();
  const { view } = useView();
  const catalog = useMetricCatalog();
  const preferences = useQuery(trpc.preferences.get.queryOptions(undefined, { staleTime: Infinity }));
  const departments = useDepartments();
  const { scope, filter, choose, ready, error: scopeError, retry } = useOverviewScope();

  const chosen = preferences.data?.overviewMetrics ?? null;
  const metrics = overviewMetrics(chosen, user, catalog.data ?? []).flatMap(({ key, chart }) => {
    const metric = catalog.data?.find((m) => m.key === key);
    // In a department's view, a metric of several departments' events reads the company's figure.
    const companyWide = scope.kind === "department" && CROSS_DEPARTMENT_METRICS.has(key);
    return metric ? [{ metric, chart, companyWide, filter: companyWide ? {} : filter }] : [];
  }) satisfies { metric: MetricDefinition; chart: ChartKind }[];
  const departmentName = (key: string) => departments.data?.find((d) => d.key === key)?.name ?? key;
  const pending = catalog.isPending || preferences.isPending || !ready;
  const error = catalog.error ?? preferences.error ?? scopeError;

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <header>
          <Title order={1} fz={24} fw={650} lts={-0.3} data-testid="overview-title">
            {ready ? scopeTitle(scope) : <Skeleton h={30} w={220} component="span" display="block" />}
          </Title>
          <Text c="dimmed" size="sm" mt={4} data-testid="period-summary">
            {formatRange(view.period, settings.locale)} compared with {COMPARE_WORDS[view.compare]} (
            {formatRange(view.comparison, settings.locale)})
          </Text>
        </header>
        {scope.kind !== "mine" && ready && (
          <Select
            aria-label="Department"
            data={scope.options}
            value={scope.kind === "company" ? "company" : scope.department.key}
            onChange={(value) => value && choose(value)}
            allowDeselect={false}
            leftSection={<IconBuilding size={16} stroke={1.7} />}
            w={220}
            comboboxProps={{ shadow: "md" }}
            data-testid="department-select"
          />
        )}
      </Group>

      {error ? (
        <QueryError
          title={
            catalog.error
              ? "Could not load the metric catalog"
              : preferences.error
                ? "Could not load your choice of metrics"
                : "Could not load the departments"
          }
          error={error}
          onRetry={() => {
            void catalog.refetch();
            void preferences.refetch();
            retry();
          }}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" component="section" aria-label="Key figures">
            {pending
              ? SKELETONS.map((n) => <Skeleton key={n} h={150} radius="md" />)
              : metrics.map(({ metric, filter: metricFilter, companyWide }) => (
                  <KpiCard key={metric.key} metric={metric} view={view} filter={metricFilter} companyWide={companyWide} />
                ))}
          </SimpleGrid>

          <DepartmentScores view={view} />

          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} fz="lg" fw={600}>
                Trends
              </Title>
              <Group gap="sm">
                {!pending && catalog.data && (
                  <MetricPicker
                    catalog={catalog.data}
                    shown={metrics.map((m) => m.metric.key)}
                    custom={chosen !== null}
                    departmentName={departmentName}
                  />
                )}
                <GrainControl />
              </Group>
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {pending
                ? SKELETONS.map((n) => <Skeleton key={n} h={360} radius="md" />)
                : metrics.map(({ metric, chart, filter: metricFilter, companyWide }) => (
                    <MetricChart key={metric.key} metric={metric} kind={chart} filter={metricFilter} companyWide={companyWide} />
                  ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </Stack>
  );
}
