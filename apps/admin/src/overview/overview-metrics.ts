// Which metrics the overview shows, in order: the user's own choice (saved on the server), or
// their role's default — a department head's department's home metrics (SPEC §5 `home`), the
// company's headline figures for everyone else.
import type { Role } from "../lib/roles";
import type { Unit } from "../lib/format";

export type ChartKind = "area" | "bar" | "line";
export type CatalogMetric = { key: string; unit: Unit; department: string };
export type OverviewMetric = { key: string; chart: ChartKind };

/** The company's headline figures: the default of admins, viewers and account managers. */
export const HEADLINE_METRICS = ["revenue", "orders", "active_customers", "complaints"] as const;
/** As many as the preference store accepts. */
export const MAX_METRICS = 12;
/** A department head's default: their home metrics, at most two rows of cards. */
const MAX_HOME_METRICS = 8;

/**
 * Metrics computed from events of more than one department (their default departments, SPEC §4):
 * the defect rate divides quality's defects by sales' orders, campaign conversion relates
 * marketing's touches to sales' orders, the follow-up rate customer service's complaints to sales'
 * visits. Filtered by one department they lose half their events (the Quality department has no
 * orders), so in a department's view they are read company-wide and labelled so — the department
 * answers for the company's figure (SPEC §6, goal scope `company`).
 */
export const CROSS_DEPARTMENT_METRICS: ReadonlySet<string> = new Set([
  "defect_rate",
  "campaign_conversion_rate",
  "follow_up_rate",
]);

export function chartKind(unit: Unit): ChartKind {
  if (unit === "money") return "area";
  if (unit === "count") return "bar";
  return "line";
}

/** The metrics a user sees before choosing their own. */
export function defaultMetricKeys(
  user: { role: Role; department: string | null },
  catalog: readonly CatalogMetric[],
): string[] {
  if (user.role === "department_head" && user.department) {
    const home = catalog.filter((m) => m.department === user.department).map((m) => m.key);
    if (home.length > 0) return home.slice(0, MAX_HOME_METRICS);
  }
  return HEADLINE_METRICS.filter((key) => catalog.some((m) => m.key === key));
}

/** The chosen keys that are in the catalog, with their chart; falls back to the default. */
export function overviewMetrics(
  chosen: readonly string[] | null,
  user: { role: Role; department: string | null },
  catalog: readonly CatalogMetric[],
): OverviewMetric[] {
  const known = (chosen ?? []).filter((key) => catalog.some((m) => m.key === key));
  const keys = known.length > 0 ? known : defaultMetricKeys(user, catalog);
  return keys.flatMap((key) => {
    const metric = catalog.find((m) => m.key === key);
    return metric ? [{ key, chart: chartKind(metric.unit) }] : [];
  });
}

/** The catalog grouped by department for the picker, departments in the catalog's order. */
export function metricGroups(
  catalog: readonly (CatalogMetric & { name: string })[],
  departmentName: (key: string) => string,
): { group: string; items: { value: string; label: string }[] }[] {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const metric of catalog) {
    const items = groups.get(metric.department) ?? [];
    items.push({ value: metric.key, label: metric.name });
    groups.set(metric.department, items);
  }
  return [...groups].map(([department, items]) => ({ group: departmentName(department), items }));
}
