import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { metricBreakdown, emptyValue, getMetric, parsePeriodLabel } from "@retain/metrics";
import { fromCents } from "./events";
import { listManagers, type ManagerProfile } from "./managers";
import { segments, shareOf, type PyramidSegment } from "./pyramid";
import { sql } from "kysely";
import { problemRows, pyramidRows, valueChangeRows, type AccountSettings, type CustomerScope, type PyramidRow, type ValueChangeRow } from "./sql";
import { ensureStandings } from "./standings";
import type { ProblemReason } from "./problems";

/** GET /customers/pyramid: six segments top first, revenue share in percentage points. */
export async function pyramid(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
  options: { today?: string } = {},
): Promise<{ asOf: string; segments: PyramidSegment[] }> {
  const rows = asOf === options.today ? await pyramidFromStandings(db, asOf, settings, scope) : await pyramidRows(db, asOf, settings, scope);
  const total = rows.reduce((sum, r) => sum + r.revenueCents, 0);
  return {
    asOf,
    segments: segments.map((segment) => {
      const row = rows.find((r) => r.segment === segment);
      const cents = row?.revenueCents ?? 0;
      return { segment, customers: row?.customers ?? 0, revenue: fromCents(cents), share: shareOf(cents, total) };
    }),
  };
}

/** Today's pyramid from the standings (recomputed by the same SQL when stale): one small scan. */
async function pyramidFromStandings(db: Kysely<Database>, asOf: string, settings: AccountSettings, scope: CustomerScope): Promise<PyramidRow[]> {
  await ensureStandings(db, asOf, settings);
  const conditions = [sql`true`];
  if (scope.accountManagerId !== undefined) conditions.push(sql`c.account_manager_id = ${scope.accountManagerId}`);
  if (scope.department !== undefined) {
    conditions.push(sql`exists (select 1 from events d where d.customer_id = c.id and d.department = ${scope.department})`);
  }
  if (scope.customerIds !== undefined) {
    conditions.push(scope.customerIds.length === 0 ? sql`false` : sql`c.id in (${sql.join(scope.customerIds)})`);
  }
  const { rows } = await sql<{ segment: PyramidRow["segment"]; customers: number | string; revenue: string | number }>`
    select s.segment, count(*) as customers, coalesce(sum(s.revenue), 0) as revenue
    from customer_standings s join customers c on c.id = s.customer_id
    where ${sql.join(conditions, sql` and `)}
    group by s.segment`.execute(db);
  return rows.map((r) => ({ segment: r.segment, customers: Number(r.customers), revenueCents: Math.round(Number(r.revenue) * 100) }));
}

export async function valueChanges(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<{ asOf: string; changes: ValueChangeRow[] }> {
  return { asOf, changes: await valueChangeRows(db, asOf, settings, scope) };
}

export async function problemCustomers(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  scope: CustomerScope = {},
): Promise<{ asOf: string; customers: { customerId: string; reasons: ProblemReason[] }[] }> {
  const rows = await problemRows(db, asOf, settings, scope, { onlyProblems: true });
  return { asOf, customers: rows.map((r) => ({ customerId: r.customerId, reasons: r.reasons })) };
}

/** The §8 KPIs of a manager, each the §5 metric with the manager filter. */
export const managerKpis = [
  "new_customers",
  "churned_customers",
  "revenue",
  "purchase_frequency",
  "tier_upgrades",
  "tier_downgrades",
  "complaints",
  "praise",
] as const;
export type ManagerKpi = (typeof managerKpis)[number];
export type KpiValues = Record<ManagerKpi, number | null>;

/** The period before `label` of the same grain (2026-Q1 → 2025-Q4, 2026-03 → 2026-02, 2026 → 2025). */
export function previousPeriod(label: string): string {
  const p = parsePeriodLabel(label);
  const year = Number(label.slice(0, 4));
  switch (p.grain) {
    case "year":
      return String(year - 1);
    case "quarter": {
      const q = Number(label.slice(6));
      return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
    }
    case "month": {
      const m = Number(label.slice(5, 7));
      return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
    }
    default:
      throw new RangeError(`period must be a month, quarter or year: ${label}`);
  }
}

export type ManagerSettings = { timeZone: string; churnDays: number; complaintSlaHours: number; now?: Date };

/** Per manager email: the KPIs of the period (events attributed to the manager at their time). */
async function kpisOf(
  db: Kysely<Database>,
  period: string,
  settings: ManagerSettings,
  managers: number,
  accountManagerId?: string,
): Promise<Map<string, KpiValues>> {
  const { from, to } = parsePeriodLabel(period);
  const byEmail = new Map<string, KpiValues>();
  for (const metric of managerKpis) {
    // One manager's figures are read with their filter: the top `limit` of everyone's might leave them out.
    const query = { metric, from, to, by: "accountManager" as const, accountManagerId, limit: Math.min(Math.max(managers, 1), 500) };
    const breakdown = await metricBreakdown(db, query, settings);
    for (const row of breakdown.rows) {
      if (row.key === null) continue;
      const values = byEmail.get(row.key) ?? emptyKpis();
      values[metric] = row.value;
      byEmail.set(row.key, values);
    }
  }
  return byEmail;
}

function emptyKpis(): KpiValues {
  return Object.fromEntries(managerKpis.map((k) => [k, emptyValue(getMetric(k)!)])) as KpiValues;
}

export type ManagerWithKpis = ManagerProfile & { period: string; previousPeriod: string; kpis: KpiValues; previousKpis: KpiValues };

/** GET /account-managers?period=: each manager with customers served now, capacity and KPIs of the period and the one before. */
export async function managersWithKpis(
  db: Kysely<Database>,
  period: string,
  settings: ManagerSettings,
  only?: string,
): Promise<ManagerWithKpis[]> {
  const previous = previousPeriod(period);
  const managers = (await listManagers(db)).filter((m) => only === undefined || m.id === only);
  if (only !== undefined && managers.length === 0) return [];
  const [current, before] = [await kpisOf(db, period, settings, managers.length, only), await kpisOf(db, previous, settings, managers.length, only)];
  return managers.map((m) => ({
    ...m,
    period,
    previousPeriod: previous,
    kpis: current.get(m.email) ?? emptyKpis(),
    previousKpis: before.get(m.email) ?? emptyKpis(),
  }));
}
