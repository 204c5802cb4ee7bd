// The department page's charts. Recharts is the heaviest part of the admin's code, so these load on
// their own (lazy-charts.ts), after the scorecard's rows are on screen.
import "@mantine/charts/styles.css";
import { BarChart, LineChart } from "@mantine/charts";

/** The department's score per period, 0–100, a gap where a period has none. */
export function ScoreLineChart({
  data,
  valueFormatter,
}: {
  data: { name: string; score: number | null }[];
  valueFormatter: (value: number) => string;
}) {
  return (
    <LineChart
      h={140}
      data={data}
      dataKey="name"
      series={[{ name: "score", label: "Score", color: "brand.6" }]}
      yAxisProps={{ domain: [0, 100], width: 40 }}
      valueFormatter={valueFormatter}
      connectNulls={false}
      gridAxis="x"
      tickLine="none"
      accessibilityLayer
    />
  );
}

/** A goal's metric per period as bars, with the target as a reference line. */
export function GoalBarChart({
  data,
  metricName,
  target,
  targetLabel,
  valueFormatter,
  yAxisLabel,
  xAxisLabel,
}: {
  data: { label: string; value: number | null }[];
  metricName: string;
  target: number;
  targetLabel: string;
  valueFormatter: (value: number) => string;
  yAxisLabel: string;
  xAxisLabel: string;
}) {
  return (
    <BarChart
      h={220}
      data={data}
      dataKey="label"
      series={[{ name: "value", label: metricName, color: "brand.6" }]}
      referenceLines={[{ y: target, label: targetLabel, color: "red.8" }]}
      valueFormatter={valueFormatter}
      yAxisLabel={yAxisLabel}
      xAxisLabel={xAxisLabel}
      yAxisProps={{ width: 72, domain: [0, (max: number) => Math.max(max, target) * 1.05] }}
      gridAxis="x"
      tickLine="none"
      accessibilityLayer
    />
  );
}
