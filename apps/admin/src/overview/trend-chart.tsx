import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import { niceTicks } from "../lib/format";
import { COMPARISON_COLOR, CURRENT_COLOR, CURRENT_CSS } from "./chart-colors";
import { ChartTooltip } from "./chart-tooltip";
import type { ChartRow } from "./chart-rows";
import type { ChartKind } from "./overview-metrics";

type Props = {
  kind: ChartKind;
  rows: ChartRow[];
  currentLabel: string;
  comparisonLabel: string;
  xAxisLabel: string;
  yAxisLabel: string;
  formatFull: (value: number | null) => string;
  formatValueTick: (value: number) => string;
  formatPeriodTick: (period: string, index: number) => string;
  /** Counts have whole-number ticks only. */
  integerTicks: boolean;
  /** The chart's accessible name: what it shows, in a sentence (see chart-summary.ts). */
  summary: string;
};

const HEIGHT = 260;

/** One metric over time against its comparison period, as area, bars or line. */
export function TrendChart(props: Props) {
  const { kind, rows, currentLabel, comparisonLabel, xAxisLabel, yAxisLabel } = props;
  const labels = new Map(rows.map((row) => [row.period, row]));
  // The running bucket is drawn apart (dashed line, hollow bar): "done" holds the whole buckets,
  // "partial" the running one (and, for lines, the bucket before it, so the dashed segment joins).
  const partialIndex = rows.findIndex((row) => row.partial);
  const data = rows.map((row, index) => ({
    period: row.period,
    comparison: row.comparison,
    done: row.partial ? null : row.current,
    partial:
      partialIndex < 0 ? null : index === partialIndex || (kind !== "bar" && index === partialIndex - 1) ? row.current : null,
  }));
  const values = rows.flatMap((row) => [row.current, row.comparison]).filter((v): v is number => v !== null);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 4, props.integerTicks);
  const shared = {
    h: HEIGHT,
    data,
    dataKey: "period",
    valueFormatter: props.formatFull,
    yAxisProps: {
      tickFormatter: props.formatValueTick,
      width: 64,
      allowDecimals: !props.integerTicks,
      ticks,
      domain: [ticks[0] ?? 0, ticks.at(-1) ?? 1],
    },
    // Every bucket's label when they fit, and always the first and the last.
    xAxisProps: { tickFormatter: props.formatPeriodTick, minTickGap: 8, interval: "preserveStartEnd" as const },
    tooltipProps: {
      content: ({ label }: { label?: unknown }) => (
        <ChartTooltip
          row={labels.get(String(label))}
          currentLabel={currentLabel}
          comparisonLabel={comparisonLabel}
          formatFull={props.formatFull}
        />
      ),
    },
    xAxisLabel,
    yAxisLabel,
    // Horizontal grid lines only.
    gridAxis: "x" as const,
    tickLine: "none" as const,
    accessibilityLayer: true,
  };
  const series = [
    { name: "comparison", label: comparisonLabel, color: COMPARISON_COLOR },
    { name: "done", label: currentLabel, color: CURRENT_COLOR },
    ...(partialIndex >= 0 ? [{ name: "partial", label: `${currentLabel}, so far`, color: CURRENT_COLOR }] : []),
  ];
  const dashed = series.map((s) =>
    s.name === "comparison" ? { ...s, strokeDasharray: "4 4" } : s.name === "partial" ? { ...s, strokeDasharray: "2 3" } : s,
  );
  const withDots = rows.length <= 16;
  // An image with a name to assistive technology; the keyboard still moves through its points (accessibilityLayer).
  const svg = { role: "img", "aria-label": props.summary };

  switch (kind) {
    case "area":
      return (
        <AreaChart
          {...shared}
          curveType="monotone"
          withDots={withDots}
          fillOpacity={0.22}
          series={dashed}
          connectNulls={false}
          areaProps={(s) => (s.name === "comparison" ? { fillOpacity: 0 } : s.name === "partial" ? { fillOpacity: 0.08 } : {})}
          areaChartProps={svg}
        />
      );
    case "line":
      return <LineChart {...shared} curveType="monotone" withDots={withDots} series={dashed} lineChartProps={svg} />;
    case "bar":
      return (
        <BarChart
          {...shared}
          maxBarWidth={14}
          barChartProps={{ barGap: 2, ...svg }}
          // The running bucket's bar stacks where the whole ones stand, hollow.
          series={series.map((s) => (s.name === "comparison" ? s : { ...s, stackId: "current" }))}
          barProps={(s) =>
            s.name === "partial"
              ? { fillOpacity: 0.15, stroke: CURRENT_CSS, strokeWidth: 1.5, strokeDasharray: "3 2" }
              : {}
          }
        />
      );
  }
}
