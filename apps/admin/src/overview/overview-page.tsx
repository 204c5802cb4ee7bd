import "@mantine/charts/styles.css";
import { Group, Select, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconBuilding } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { useMetricCatalog, type MetricDefinition } from "../hooks/use-metric-catalog";
import { useView } from "../hooks/use-view";
import { scopeTitle } from "../lib/department-scope";
import { formatRange } from "../lib/format";
import { GrainControl } from "./grain-control";
import { KpiCard } from "./kpi-card";
import { MetricChart } from "./metric-chart";
import { OVERVIEW_METRICS, type ChartKind } from "./overview-metrics";
import { useOverviewScope } from "./use-overview-scope";

const COMPARE_WORDS = { previous: "the previous period", year: "the same period last year" } as const;

export function OverviewPage() {
  const { settings } = useSession();
  const { view } = useView();
  const catalog = useMetricCatalog();
  const { scope, filter, choose, ready, error: scopeError, retry } = useOverviewScope();

  const metrics = OVERVIEW_METRICS.flatMap(({ key, chart }) => {
    const metric = catalog.data?.find((m) => m.key === key);
    return metric ? [{ metric, chart }] : [];
  }) satisfies { metric: MetricDefinition; chart: ChartKind }[];
  const pending = catalog.isPending || !ready;
  const error = catalog.error ?? scopeError;

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
          title={catalog.error ? "Could not load the metric catalog" : "Could not load the departments"}
          error={error}
          onRetry={() => {
            void catalog.refetch();
            retry();
          }}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" component="section" aria-label="Key figures">
            {pending
              ? OVERVIEW_METRICS.map((m) => <Skeleton key={m.key} h={150} radius="md" />)
              : metrics.map(({ metric }) => <KpiCard key={metric.key} metric={metric} view={view} filter={filter} />)}
          </SimpleGrid>

          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} fz="lg" fw={600}>
                Trends
              </Title>
              <GrainControl />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {pending
                ? OVERVIEW_METRICS.map((m) => <Skeleton key={m.key} h={360} radius="md" />)
                : metrics.map(({ metric, chart }) => (
                    <MetricChart key={metric.key} metric={metric} kind={chart} filter={filter} />
                  ))}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </Stack>
  );
}
