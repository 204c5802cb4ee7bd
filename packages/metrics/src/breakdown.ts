import { sql, type Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@retain/db";
import { getMetric, type MetricKey } from "./catalog";
import type { MetricContext, MetricDefinition, MetricSettings } from "./definition";
import { MetricQueryError } from "./errors";
import { and, liveEvents, scopeConditions } from "./live-events";
import { readRollupOrRaw, rollupRows } from "./rollup-reads";
import { localDateOf, periodsBetween, type Grain } from "./periods";
import { metricSeries, type MetricSeriesQuery } from "./series";
import { toNumber, type SqlNumber } from "./values";

/*
 * A metric over `[from, to)` split by department, account manager or customer: which parts make
 * the number. Every value is the metric's own value with that part as one more filter, so a row is
 * what `GET /metrics/{key}` answers for that filter, and `total` is what it answers without it.
 * Plain counts and sums of one event type are grouped in one statement over the live events (the
 * same events their rollups sum); every other metric is read once per part through metricSeries.
 */

export const breakdownDimensions = ["department", "accountManager", "customer"] as const;
export type BreakdownBy = (typeof breakdownDimensions)[number];

export type BreakdownQuery = {
  metric: string;
  from: string;
  to: string;
  by: BreakdownBy;
  /** Rows to return, the largest first (default 20). */
  limit?: number;
  department?: string;
  accountManagerId?: string;
  customerId?: string;
};

export type BreakdownRow = {
  /** Department key, account manager email or customer id; null for events without one. */
  key: string | null;
  name: string;
  value: number | null;
  /** value ÷ total for additive metrics, null otherwise. */
  share: number | null;
};

export type Breakdown = { metric: MetricKey; by: BreakdownBy; total: number | null; rows: BreakdownRow[] };

type PlainMeasure = {
  type: string;
  sum?: "amount" | "hours";
  distinctCustomers?: true;
  /** The column of `rollup_customer_daily` that holds the measure per customer and day, if any. */
  perCustomer?: "orders" | "revenue" | "campaign_touches" | "complaints";
};

/**
 * Metrics that count or sum one event type, or count the distinct customers with one, grouped in
 * one statement; the others are read part by part.
 */
const plainMeasures: Partial<Record<MetricKey, PlainMeasure>> = {
  active_customers: { type: "order", distinctCustomers: true, perCustomer: "orders" },
  campaign_reach: { type: "campaign_touch", distinctCustomers: true, perCustomer: "campaign_touches" },
  revenue: { type: "order", sum: "amount", perCustomer: "revenue" },
  orders: { type: "order", perCustomer: "orders" },
  payments_collected: { type: "payment", sum: "amount" },
  visits: { type: "visit" },
  complaints: { type: "complaint", perCustomer: "complaints" },
  praise: { type: "praise" },
  feedback_items: { type: "feedback" },
  supplier_issues: { type: "supplier_issue" },
  training_hours: { type: "training", sum: "hours" },
};

/** Reading a non-additive metric part by part: at most this many parts. */
export const MAX_BREAKDOWN_PARTS = 2000;
const PARALLEL_READS = 4;

const querySchema = z.object({
  by: z.enum(breakdownDimensions, { error: "by must be department, accountManager or customer" }),
  limit: z
    .number({ error: "limit must be a whole number from 1 to 500" })
    .int({ error: "limit must be a whole number from 1 to 500" })
    .min(1, { error: "limit must be a whole number from 1 to 500" })
    .max(500, { error: "limit must be a whole number from 1 to 500" })
    .optional(),
});

/** The coarsest grain for which `[from, to)` is exactly one period, or null. */
function singlePeriodGrain(from: string, to: string, timeZone: string): Grain | null {
  for (const grain of ["year", "quarter", "month", "week", "day"] as const) {
    const periods = periodsBetween(from, to, grain, timeZone);
    const only = periods[0];
    if (
      periods.length === 1 &&
      only &&
      localDateOf(only.start, timeZone) === from &&
      localDateOf(only.end, timeZone) === to
    ) {
      return grain;
    }
  }
  return null;
}

/** Exact sum of values with at most 2 decimals (money, hours, counts): added in hundredths. */
function exactSum(values: readonly (number | null)[]): number {
  let hundredths = 0;
  for (const v of values) hundredths += Math.round((v ?? 0) * 100);
  return hundredths / 100;
}

type Scope = { department?: string; accountManagerId?: string; customerId?: string };

async function valueOver(
  db: Kysely<Database>,
  metric: MetricDefinition,
  range: { from: string; to: string; grain: Grain | null },
  scope: Scope,
  settings: MetricSettings,
): Promise<number | null> {
  const query: MetricSeriesQuery = {
    metric: metric.key,
    from: range.from,
    to: range.to,
    grain: range.grain ?? "day",
    ...scope,
  };
  const series = await metricSeries(db, query, settings);
  if (range.grain !== null) return series.points[0]?.value ?? null;
  return exactSum(series.points.map((p) => p.value));
}

function contextOf(
  db: Kysely<Database>,
  start: Date,
  end: Date,
  scope: Scope,
  settings: MetricSettings,
): MetricContext {
  return {
    db,
    grain: "day",
    timeZone: settings.timeZone,
    start,
    end,
    scope,
    churnDays: settings.churnDays,
    complaintSlaHours: settings.complaintSlaHours,
    now: settings.now ?? new Date(),
    rollups: false,
  };
}

const columnOf: Record<BreakdownBy, string> = {
  department: "department",
  accountManager: "account_manager_id",
  customer: "customer_id",
};

/**
 * One statement: the count or sum of a plain measure per part, over the live events in scope; by
 * customer, from `rollup_customer_daily` when it is built in the query's zone and holds the measure
 * (the same live events, summed per customer and local day).
 */
async function plainParts(
  ctx: MetricContext,
  measure: PlainMeasure,
  by: BreakdownBy,
): Promise<{ key: string | null; value: number }[]> {
  const column = sql.ref(`e.${columnOf[by]}`);
  const value = measure.sum
    ? sql`coalesce(sum(${sql.ref(`e.${measure.sum}`)}), 0)`
    : measure.distinctCustomers
      ? sql`count(distinct e.customer_id)`
      : sql`count(*)`;
  const raw = sql`
    select ${column}::text as key, ${value} as value, '' as bucket
    from (${liveEvents(ctx, [measure.type])}) e
    group by 1`;
  let rows: { key: string | null; value: SqlNumber }[];
  if (by === "customer" && measure.perCustomer) {
    const stored = sql.ref(`r.${measure.perCustomer}`);
    // A customer with the measure in range counts once for a distinct count, else the days add up.
    const perCustomer = measure.distinctCustomers ? sql`1` : sql`sum(${stored})`;
    rows = await readRollupOrRaw<{ key: string | null; value: SqlNumber; bucket: string }>(
      { ...ctx, rollups: true },
      sql`select r.customer_id as key, ${perCustomer} as value, '' as bucket
        ${rollupRows(ctx, "customers", [sql`${stored} <> 0`])}
        group by r.customer_id`,
      raw,
    );
  } else {
    rows = (await sql<{ key: string | null; value: SqlNumber }>`${raw}`.execute(ctx.db)).rows;
  }
  return rows.map((r) => ({
    key: by === "customer" && r.key === "" ? null : r.key,
    value: toNumber(r.value),
  }));
}

/**
 * The event types a metric's value is made of (in the scope its filters apply to): a part without
 * such an event has no value, so only parts met in them are read. Metrics not listed look at every
 * event of the range.
 */
const sourceTypes: Partial<Record<MetricKey, readonly [string, ...string[]]>> = {
  avg_order_value: ["order"],
  new_customers: ["order"],
  churned_customers: ["order"],
  purchase_frequency: ["order"],
  on_time_payment_rate: ["payment"],
  win_rate: ["opportunity_won", "opportunity_lost"],
  campaign_conversion_rate: ["campaign_touch"],
  complaint_resolution_hours: ["complaint_resolved"],
  complaints_within_sla_rate: ["complaint"],
  follow_up_rate: ["complaint"],
  csat: ["survey"],
  nps: ["survey"],
  service_resolution_hours: ["service_resolved"],
  on_time_delivery_rate: ["delivery"],
  defect_rate: ["order", "defect"],
};

/** The parts a metric may have a value for: the departments, managers or customers met in the events. */
async function candidateParts(
  db: Kysely<Database>,
  metric: MetricDefinition,
  by: BreakdownBy,
  start: Date,
  end: Date,
  scope: Scope,
  settings: MetricSettings,
): Promise<string[]> {
  // Churn moments fall up to churnDays after the order behind them.
  const from =
    metric.key === "churned_customers"
      ? new Date(start.getTime() - (settings.churnDays + 1) * 86_400_000)
      : start;
  const column = sql.ref(`e.${columnOf[by]}`);
  const conditions = [
    sql`e.occurred_at >= ${from}`,
    sql`e.occurred_at < ${end}`,
    sql`${column} is not null`,
    ...scopeConditions(scope, "e"),
  ];
  const types = sourceTypes[metric.key as MetricKey];
  if (types) conditions.push(sql`e.type in (${sql.join(types)})`);
  if (by === "customer") conditions.push(sql`e.customer_id <> ''`);
  const { rows } = await sql<{ key: string }>`
    select distinct ${column}::text as key from events e where ${and(conditions)}`.execute(db);
  const keys = new Set(rows.map((r) => r.key));
  if (by === "customer" && (metric.key === "tier_upgrades" || metric.key === "tier_downgrades")) {
    const changes = await db
      .selectFrom("customer_tier_changes")
      .select("customer_id")
      .distinct()
      .where("changed_at", ">=", start)
      .where("changed_at", "<", end)
      .execute();
    for (const c of changes)
      if (scope.customerId === undefined || c.customer_id === scope.customerId) keys.add(c.customer_id);
  }
  return [...keys].sort();
}

async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}

async function namesOf(db: Kysely<Database>, by: BreakdownBy, keys: readonly (string | null)[]) {
  const known = keys.filter((k): k is string => k !== null);
  const names = new Map<string, { key: string; name: string }>();
  if (known.length === 0) return names;
  if (by === "department") {
    const rows = await db
      .selectFrom("departments")
      .select(["key", "name"])
      .where("key", "in", known)
      .execute();
    for (const r of rows) names.set(r.key, { key: r.key, name: r.name });
  } else if (by === "accountManager") {
    const rows = await db
      .selectFrom("users")
      .select(["id", "email", "name"])
      .where("id", "in", known)
      .execute();
    for (const r of rows) names.set(r.id, { key: r.email, name: r.name });
  } else {
    const rows = await db.selectFrom("customers").select(["id", "name"]).where("id", "in", known).execute();
    for (const r of rows) names.set(r.id, { key: r.id, name: r.name });
  }
  return names;
}

const noneName: Record<BreakdownBy, string> = {
  department: "No department",
  accountManager: "No account manager",
  customer: "No customer",
};

/**
 * The metric over `[from, to)` per part, ordered by value (largest first, ties by key). A range
 * that is not one whole period (a day, week, month, quarter or year) is summed day by day, which
 * only additive metrics allow. Parts without a value (null, or 0 for counts and sums) are left out.
 */
export async function metricBreakdown(
  db: Kysely<Database>,
  query: BreakdownQuery,
  settings: MetricSettings,
): Promise<Breakdown> {
  const parsed = querySchema.safeParse({ by: query.by, limit: query.limit });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MetricQueryError(String(issue?.path[0] ?? "by"), issue?.message ?? "invalid breakdown");
  }
  const metric = getMetric(query.metric);
  if (!metric) throw new MetricQueryError("metric", `unknown metric "${query.metric}"`);
  const scope: Scope = {
    department: query.department,
    accountManagerId: query.accountManagerId,
    customerId: query.customerId,
  };
  const days = periodsBetween(query.from, query.to, "day", settings.timeZone);
  const start = days[0]!.start;
  const end = days[days.length - 1]!.end;
  const grain = singlePeriodGrain(query.from, query.to, settings.timeZone);
  if (grain === null && !metric.additive) {
    throw new MetricQueryError(
      "to",
      `${metric.key} is not additive: from and to must bound one whole day, week, month, quarter or year`,
    );
  }
  const range = { from: query.from, to: query.to, grain };
  const limit = parsed.data.limit ?? 20;
  // Also checks the filters and settings, as a metric read does.
  const total = await valueOver(db, metric, range, scope, settings);

  let parts: { key: string | null; value: number | null }[];
  const plain = plainMeasures[metric.key];
  if (plain) {
    parts = await plainParts(contextOf(db, start, end, scope, settings), plain, query.by);
  } else {
    const keys = await candidateParts(db, metric, query.by, start, end, scope, settings);
    if (keys.length > MAX_BREAKDOWN_PARTS) {
      throw new MetricQueryError(
        "by",
        `${metric.key} is read part by part and this range has ${keys.length} ${query.by} parts (at most ${MAX_BREAKDOWN_PARTS}); narrow it with a filter or a shorter range`,
      );
    }
    const filterOf = (key: string): Scope =>
      query.by === "department"
        ? { ...scope, department: key }
        : query.by === "accountManager"
          ? { ...scope, accountManagerId: key }
          : { ...scope, customerId: key };
    const values = await inBatches(keys, PARALLEL_READS, (key) =>
      valueOver(db, metric, range, filterOf(key), settings),
    );
    parts = keys.map((key, i) => ({ key, value: values[i] ?? null }));
  }

  const countsOrSums = metric.additive || metric.unit === "count";
  const kept = parts
    .filter((p) => p.value !== null && !(countsOrSums && p.value === 0))
    .sort((a, b) => (b.value as number) - (a.value as number) || String(a.key).localeCompare(String(b.key)))
    .slice(0, limit);
  const names = await namesOf(
    db,
    query.by,
    kept.map((p) => p.key),
  );
  return {
    metric: metric.key,
    by: query.by,
    total,
    rows: kept.map((p) => {
      const named = p.key === null ? undefined : names.get(p.key);
      return {
        key: p.key === null ? null : (named?.key ?? p.key),
        name: p.key === null ? noneName[query.by] : (named?.name ?? p.key),
        value: p.value,
        share: metric.additive && total !== null && total !== 0 && p.value !== null ? p.value / total : null,
      };
    }),
  };
}
