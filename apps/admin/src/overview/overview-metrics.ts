// What the overview shows, in order.
export type ChartKind = "area" | "bar" | "line";
export type OverviewMetric = { key: string; chart: ChartKind };

export const OVERVIEW_METRICS: readonly OverviewMetric[] = [
  { key: "revenue", chart: "area" },
  { key: "orders", chart: "bar" },
  { key: "active_customers", chart: "line" },
  { key: "complaints", chart: "bar" },
];
