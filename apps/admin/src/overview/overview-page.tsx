import "@mantine/charts/styles.css";
import { Group, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useSession } from "../auth/session-context";
import { QueryError } from "../components/query-error";
import { useMetricCatalog, type MetricDefinition } from "../hooks/use-metric-catalog";
import { useView } from "../hooks/use-view";
import { formatRange } from "../lib/format";
import { GrainControl } from "./grain-control";
import { KpiCard } from "./kpi-card";
import { MetricChart } from "./metric-chart";
import { OVERVIEW_METRICS, type ChartKind } from "./overview-metrics";

const COMPARE_WORDS = { previous: "the previous period", year: "the same period last year" } as const;

export function OverviewPage() {
  const { settings } = useSession();
  const { view } = useView();
  const catalog = useMetricCatalog();

  const metrics = OVERVIEW_METRICS.flatMap(({ key, chart }) => {
    const metric = catalog.data?.find((m) => m.key === key);
    return metric ? [{ metric, chart }] : [];
  }) satisfies { metric: MetricDefinition; chart: ChartKind }[];

  return (
    <Stack gap="xl">
      <header>
        <Title order={1} fz={24} fw={650} lts={-0.3}>
          Overview
        </Title>
        <Text c="dimmed" size="sm" mt={4} data-testid="period-summary">
          {formatRange(view.period, settings.locale)} compared with {COMPARE_WORDS[view.compare]} (
          {formatRange(view.comparison, settings.locale)})
        </Text>
      </header>

      {catalog.error ? (
        <QueryError title="Could not load the metric catalog" error={catalog.error} onRetry={() => void catalog.refetch()} />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" component="section" aria-label="Key figures">
            {catalog.isPending
              ? OVERVIEW_METRICS.map((m) => <Skeleton key={m.key} h={150} radius="md" />)
              : metrics.map(({ metric }) => <KpiCard key={metric.key} metric={metric} view={view} />)}
          </SimpleGrid>

          <Stack gap="md">
            <Group justify="space-between">
              <Title order={2} fz="lg" fw={600}>
                Trends
              </Title>
              <GrainControl />
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {catalog.isPending
                ? OVERVIEW_METRICS.map((m) => <Skeleton key={m.key} h={360} radius="md" />)
                : metrics.map(({ metric, chart }) => <MetricChart key={metric.key} metric={metric} kind={chart} />)}
            </SimpleGrid>
          </Stack>
        </>
      )}
    </Stack>
  );
}
