import { Card, Skeleton, Stack, Title } from "@mantine/core";
import { useId } from "react";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { QueryError } from "../components/query-error";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { useMetricSeries, type MetricFilter } from "../hooks/use-metric-series";
import { useView } from "../hooks/use-view";
import { useQuery } from "@tanstack/react-query";
import { addDays } from "../lib/dates";
import { formatPeriod, formatPeriodTick, formatRange, formatTick, formatValue, unitLabel } from "../lib/format";
import { bucketRange, runningBucket } from "../lib/period";
import { trpc } from "../lib/trpc";
import { hasData } from "../lib/summary";
import { ChartDataTable } from "./chart-data-table";
import { COMPARISON_CSS, CURRENT_CSS } from "./chart-colors";
import { ChartLegend } from "./chart-legend";
import { chartRows } from "./chart-rows";
import { chartSummary } from "./chart-summary";
import type { ChartKind } from "./overview-metrics";
import { TrendChart } from "./trend-chart";

const GRAIN_TITLES = { day: "Day", week: "Week", month: "Month", quarter: "Quarter", year: "Year" } as const;
const PER_GRAIN = { day: "daily", week: "weekly", month: "monthly", quarter: "quarterly", year: "yearly" } as const;
const CHART_HEIGHT = 296;

type Props = { metric: MetricDefinition; kind: ChartKind; filter: MetricFilter; companyWide?: boolean };

export function MetricChart({ metric, kind, filter, companyWide = false }: Props) {
  const { settings } = useSession();
  const { view, state, update, today } = useView();
  const titleId = useId();
  const current = useMetricSeries(metric.key, view.period, view.grain, filter);
  const comparison = useMetricSeries(metric.key, view.comparison, view.grain, filter);
  // The running last bucket (December of year to date, three days in) compares with the same days
  // of the comparison's bucket, not with all of it.
  const points = current.data?.grain === view.grain ? current.data.points : [];
  const running = runningBucket(points.at(-1)?.period, view.period, today);
  const comparisonBucket = bucketRange(
    (comparison.data?.grain === view.grain ? comparison.data.points : [])[points.length - 1]?.period ?? "",
  );
  const sameDays =
    running && comparisonBucket
      ? { from: comparisonBucket.from, to: addDays(comparisonBucket.from, running.elapsedDays) }
      : null;
  const sameDaysValue = useQuery(
    trpc.metrics.value.queryOptions(
      { key: metric.key, from: sameDays?.from ?? "", to: sameDays?.to ?? "", ...filter },
      { enabled: running !== null && running.elapsedDays > 0 && sameDays !== null },
    ),
  );

  const currentLabel = formatRange(view.period, settings.locale);
  const comparisonLabel = formatRange(view.comparison, settings.locale);
  const axisUnit = unitLabel(metric.unit, settings.currency);
  const formatFull = (value: number | null) => formatValue(value, metric.unit, settings, "full");
  const error = current.error ?? comparison.error;

  let body;
  if (error) {
    body = (
      <QueryError
        title={`Could not load ${metric.name.toLowerCase()}`}
        error={error}
        onRetry={() => [current, comparison].filter((q) => q.error).forEach((q) => void q.refetch())}
      />
    );
  } else if (!current.data || !comparison.data) {
    body = <Skeleton h={CHART_HEIGHT} aria-label={`Loading ${metric.name}`} />;
  } else if (!hasData(current.data.points)) {
    body = (
      <EmptyState
        height={CHART_HEIGHT}
        title={`No ${metric.name.toLowerCase()} in ${currentLabel}`}
        description="Choose a longer period, or send events through the REST API (POST /api/v1/events) to fill this chart."
        action={
          state.preset === "last_12_months"
            ? undefined
            : { label: "Show the last 12 months", onClick: () => update({ preset: "last_12_months", range: null, grain: null }) }
        }
      />
    );
  } else {
    const rows = chartRows(
      current.data.points,
      comparison.data.points,
      view.grain,
      settings.locale,
      running ? { period: running.label, sameDaysComparison: sameDaysValue.data?.value ?? null } : null,
    );
    body = (
      <>
        <TrendChart
          kind={kind}
          rows={rows}
          currentLabel={currentLabel}
          comparisonLabel={comparisonLabel}
          xAxisLabel={GRAIN_TITLES[view.grain]}
          yAxisLabel={`${metric.name} (${axisUnit})`}
          formatFull={formatFull}
          integerTicks={metric.unit === "count"}
          formatValueTick={(value) => formatTick(value, metric.unit, settings)}
          formatPeriodTick={(period, index) => formatPeriodTick(period, view.grain, settings.locale, index === 0)}
          summary={chartSummary({
            title: `${metric.name}, ${PER_GRAIN[view.grain]}`,
            rows,
            format: formatFull,
            currentLabel,
            comparisonLabel,
          })}
        />
        <ChartDataTable
          caption={`${metric.name} by ${view.grain}, ${currentLabel} compared with ${comparisonLabel}`}
          rows={rows}
          format={formatFull}
          currentLabel={currentLabel}
          comparisonLabel={comparisonLabel}
        />
      </>
    );
  }

  return (
    <Card
      component="section"
      aria-labelledby={titleId}
      aria-busy={current.isFetching || comparison.isFetching}
      data-testid={`chart-${metric.key}`}
    >
      <Stack gap={4} mb="md">
        <Title order={3} fz="md" fw={600} id={titleId}>
          {metric.name}, {PER_GRAIN[view.grain]}
          {companyWide ? ", company-wide" : ""}
        </Title>
        <ChartLegend
          items={[
            { label: currentLabel, color: CURRENT_CSS },
            { label: comparisonLabel, color: COMPARISON_CSS, dashed: true },
            ...(running
              ? [{ label: `${formatPeriod(running.label, view.grain, settings.locale)} so far`, color: CURRENT_CSS, dashed: true }]
              : []),
          ]}
        />
      </Stack>
      {body}
    </Card>
  );
}
