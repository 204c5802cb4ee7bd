import { ActionIcon, Card, Group, Skeleton, Stack, Text, Tooltip } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { QueryError } from "../components/query-error";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import type { MetricFilter } from "../hooks/use-metric-series";
import type { ResolvedView } from "../lib/view-state";
import { KpiFigures } from "./kpi-figures";
import { useKpi } from "./use-kpi";

type Props = {
  metric: MetricDefinition;
  view: ResolvedView;
  filter: MetricFilter;
  /** Read without the department filter in a department's view (see CROSS_DEPARTMENT_METRICS). */
  companyWide?: boolean;
};

export function KpiCard({ metric, view, filter, companyWide = false }: Props) {
  const { kpi, pending, error, refetch } = useKpi(metric, view, filter);
  return (
    <Card data-testid={`kpi-${metric.key}`} aria-busy={pending} padding="md">
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="sm" c="dimmed" fw={500} truncate>
          {metric.name}
          {companyWide && (
            <Text span size="xs" c="dimmed" fw={400} data-testid="company-wide">
              {" "}
              · company-wide
            </Text>
          )}
        </Text>
        <Tooltip label={metric.description} multiline w={260} withArrow>
          {/* A button, so the definition opens on keyboard focus as it does on hover. */}
          <ActionIcon variant="transparent" color="gray" size="sm" aria-label={`What ${metric.name} means`}>
            <IconInfoCircle size={15} stroke={1.6} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      {error ? (
        <Stack mt="sm">
          <QueryError compact title={`Could not load ${metric.name.toLowerCase()}`} error={error} onRetry={refetch} />
        </Stack>
      ) : kpi ? (
        <KpiFigures metric={metric} kpi={kpi} />
      ) : (
        <Stack gap={10} mt={10}>
          <Skeleton h={30} w="60%" />
          <Skeleton h={14} w="45%" />
          <Skeleton h={40} />
        </Stack>
      )}
    </Card>
  );
}
