import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { emptyValue, getMetric, metricSeries, parsePeriodLabel } from "@retain/metrics";
import { findManager, type ManagerProfile } from "./managers";
import { managerKpis, previousPeriod, type KpiValues, type ManagerSettings } from "./reads";

/** How many periods of a manager's KPI history are read, the chosen one last. */
export const KPI_HISTORY_PERIODS = 6;

export type ManagerKpiHistory = {
  manager: ManagerProfile;
  period: string;
  previousPeriod: string;
  kpis: KpiValues;
  previousKpis: KpiValues;
  /** The chosen period and the ones before it, oldest first; the last two are `previousKpis` and `kpis`. */
  history: { period: string; kpis: KpiValues }[];
};

/**
 * One manager's §8 KPIs for `period`, the one before and the history up to it: each the §5 metric
 * with the manager filter (events attributed to them at their time), read for that manager alone —
 * the same value the list's breakdown by manager gives them. Undefined when no such manager.
 */
export async function managerKpiHistory(
  db: Kysely<Database>,
  email: string,
  period: string,
  settings: ManagerSettings,
): Promise<ManagerKpiHistory | undefined> {
  const manager = await findManager(db, email);
  if (!manager) return undefined;
  const labels = [period];
  while (labels.length < KPI_HISTORY_PERIODS) labels.unshift(previousPeriod(labels[0]!));
  const { grain, to } = parsePeriodLabel(period);
  const { from } = parsePeriodLabel(labels[0]!);
  const history = labels.map((label) => ({ period: label, kpis: {} as KpiValues }));
  for (const metric of managerKpis) {
    const series = await metricSeries(
      db,
      { metric, from, to, grain, accountManagerId: manager.id },
      settings,
    );
    const empty = emptyValue(getMetric(metric)!);
    for (const entry of history)
      entry.kpis[metric] = series.points.find((p) => p.period === entry.period)?.value ?? empty;
  }
  const last = history[history.length - 1]!;
  const before = history[history.length - 2]!;
  return {
    manager,
    period,
    previousPeriod: before.period,
    kpis: last.kpis,
    previousKpis: before.kpis,
    history,
  };
}
