import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import { COMPARISON_COLOR, CURRENT_COLOR } from "./chart-colors";
import type { ChartRow } from "./chart-rows";
import type { ChartKind } from "./overview-metrics";

type Props = {
  kind: ChartKind;
  rows: ChartRow[];
  currentLabel: string;
  comparisonLabel: string;
  xAxisLabel: string;
  yAxisLabel: string;
  formatFull: (value: number) => string;
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
  const shared = {
    h: HEIGHT,
    data: rows,
    dataKey: "period",
    valueFormatter: props.formatFull,
    yAxisProps: { tickFormatter: props.formatValueTick, width: 64, allowDecimals: !props.integerTicks },
    xAxisProps: { tickFormatter: props.formatPeriodTick, minTickGap: 12 },
    tooltipProps: {
      labelFormatter: (period: unknown) => {
        const row = labels.get(String(period));
        return row?.comparisonPeriod ? `${row.label} vs ${row.comparisonPeriod}` : (row?.label ?? String(period));
      },
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
    { name: "current", label: currentLabel, color: CURRENT_COLOR },
  ];
  const dashed = series.map((s) => (s.name === "comparison" ? { ...s, strokeDasharray: "4 4" } : s));
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
          areaProps={(s) => (s.name === "comparison" ? { fill: "none" } : {})}
          areaChartProps={svg}
        />
      );
    case "line":
      return <LineChart {...shared} curveType="monotone" withDots={withDots} series={dashed} lineChartProps={svg} />;
    case "bar":
      return <BarChart {...shared} maxBarWidth={14} barChartProps={{ barGap: 2, ...svg }} series={series} />;
  }
}
