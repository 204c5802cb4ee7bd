import { lazy } from "react";

// One import for both charts: the module (and Recharts with it) is fetched and evaluated once.
const load = () => import("./department-charts");

export const ScoreLineChart = lazy(() => load().then((m) => ({ default: m.ScoreLineChart })));
export const GoalBarChart = lazy(() => load().then((m) => ({ default: m.GoalBarChart })));

/** Starts fetching the charts' code without rendering one, so it is there when the data is. */
export function preloadCharts(): void {
  void load();
}
