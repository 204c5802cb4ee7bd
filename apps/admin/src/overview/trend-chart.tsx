import { AreaChart, BarChart, LineChart } from "@mantine/charts";
import type { ChartKind } from "./overview-metrics";
import type { ChartRow } from "./chart-rows";

type Props = {
  kind: ChartKind;
  rows: ChartRow[];
  currentLabel: string;
  comparisonLabel: string;
  xAxisLabel: string;
  yAxisLabel: string;
  formatFull: (value: number) => string;
  formatTick: (value: number) => string;
};

const HEIGHT = 260;
const CURRENT_COLOR = "brand.6";
const COMPARISON_COLOR = "gray.4";

/** One metric over time against its comparison period, as area, bars or line. */
export function TrendChart({ kind, rows, currentLabel, comparisonLabel, xAxisLabel, yAxisLabel, formatFull, formatTick }: Props) {
  const shared = {
    h: HEIGHT,
    data: rows,
    dataKey: "label",
    valueFormatter: formatFull,
    yAxisProps: { tickFormatter: formatTick, width: 64 },
    xAxisProps: { minTickGap: 16 },
    xAxisLabel,
    yAxisLabel,
    withLegend: true,
    legendProps: { verticalAlign: "top" as const, height: 36 },
    gridAxis: "y" as const,
    tickLine: "none" as const,
    accessibilityLayer: true,
  };
  const withDots = rows.length <= 16;

  switch (kind) {
    case "area":
      return (
        <AreaChart
          {...shared}
          curveType="monotone"
          withDots={withDots}
          fillOpacity={0.25}
          series={[
            { name: "comparison", label: comparisonLabel, color: COMPARISON_COLOR, strokeDasharray: "4 4" },
            { name: "current", label: currentLabel, color: CURRENT_COLOR },
          ]}
          areaProps={(series) => (series.name === "comparison" ? { fill: "none" } : {})}
        />
      );
    case "line":
      return (
        <LineChart
          {...shared}
          curveType="monotone"
          withDots={withDots}
          series={[
            { name: "comparison", label: comparisonLabel, color: COMPARISON_COLOR, strokeDasharray: "4 4" },
            { name: "current", label: currentLabel, color: CURRENT_COLOR },
          ]}
        />
      );
    case "bar":
      return (
        <BarChart
          {...shared}
          maxBarWidth={18}
          series={[
            { name: "comparison", label: comparisonLabel, color: COMPARISON_COLOR },
            { name: "current", label: currentLabel, color: CURRENT_COLOR },
          ]}
        />
      );
  }
}
