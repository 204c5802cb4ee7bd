import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@retain/db";
import { getMetric, type MetricKey } from "./catalog";
import { emptyValue, type MetricContext, type MetricSettings, type MetricUnit } from "./definition";
import { MetricQueryError } from "./errors";
import { grains, periodsBetween, rangeBounds, type Grain } from "./periods";

export type MetricSeriesQuery = {
  metric: string;
  /** First local date (YYYY-MM-DD) in the organisation's zone, inclusive. */
  from: string;
  /** Last local date, exclusive. */
  to: string;
  grain: Grain;
  department?: string;
  accountManagerId?: string;
  customerId?: string;
};

export type MetricPoint = { period: string; value: number | null };

export type MetricSeries = { metric: MetricKey; unit: MetricUnit; grain: Grain; points: MetricPoint[] };

const bad = (error: string) => ({ error });
const department = bad("department must be a department key");
const customer = bad("customerId must be a customer id (1–128 characters)");
const churnDays = bad("churnDays must be a whole number of days from 1 to 3650");
const slaHours = bad("complaintSlaHours must be a number of hours above 0 and at most 8760");

const querySchema = z.object({
  metric: z.string(bad("metric must be a metric key")),
  from: z.string(bad("from must be a date YYYY-MM-DD")),
  to: z.string(bad("to must be a date YYYY-MM-DD")),
  grain: z.enum(grains, bad(`grain must be one of ${grains.join(", ")}`)),
  department: z.string(department).min(1, department).max(40, department).optional(),
  accountManagerId: z.guid(bad("accountManagerId must be a user id (UUID)")).optional(),
  customerId: z.string(customer).min(1, customer).max(128, customer).optional(),
});

const settingsSchema = z.object({
  timeZone: z.string(bad("timeZone must be an IANA time zone name")),
  churnDays: z.number(churnDays).int(churnDays).min(1, churnDays).max(3650, churnDays),
  complaintSlaHours: z.number(slaHours).positive(slaHours).max(8760, slaHours),
  now: z.date(bad("now must be a valid date")).optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "query";
  throw new MetricQueryError(field, issue?.message ?? "invalid metric query");
}

export type MetricSeriesOptions = {
  /**
   * Read event-local metrics from the rollups when they are built in the query's zone (default
   * true); false computes everything from raw events, e.g. to check the rollups against.
   */
  rollups?: boolean;
};

/**
 * The values of one metric for every period of `grain` that intersects `[from, to)`, in order.
 * A point always covers its whole period. Throws MetricQueryError for an invalid query.
 */
export async function metricSeries(
  db: Kysely<Database>,
  query: MetricSeriesQuery,
  settings: MetricSettings,
  options: MetricSeriesOptions = {},
): Promise<MetricSeries> {
  const q = parse(querySchema, query);
  const s = parse(settingsSchema, settings);
  const metric = getMetric(q.metric);
  if (!metric) throw new MetricQueryError("metric", `unknown metric "${q.metric}"`);
  const periods = periodsBetween(q.from, q.to, q.grain, s.timeZone);
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) throw new MetricQueryError("to", "the range covers no period");

  const ctx: MetricContext = {
    db,
    grain: q.grain,
    timeZone: s.timeZone,
    start: first.start,
    end: last.end,
    scope: { department: q.department, accountManagerId: q.accountManagerId, customerId: q.customerId },
    churnDays: s.churnDays,
    complaintSlaHours: s.complaintSlaHours,
    now: s.now ?? new Date(),
    rollups: options.rollups ?? true,
  };
  const values = await metric.compute(ctx);
  const empty = emptyValue(metric);
  return {
    metric: metric.key,
    unit: metric.unit,
    grain: q.grain,
    points: periods.map((p) => ({ period: p.label, value: values.get(p.label) ?? empty })),
  };
}

export type MetricValueQuery = Omit<MetricSeriesQuery, "grain">;
export type MetricValue = { metric: MetricKey; unit: MetricUnit; from: string; to: string; value: number | null };

/**
 * The value of one metric over exactly the local dates `[from, to)`, as if they were one period:
 * the distinct customers of the whole range, the rate of the whole range — not a sum or mean of
 * periods, which a distinct count or a ratio does not allow. Throws MetricQueryError for an invalid query.
 */
export async function metricValue(
  db: Kysely<Database>,
  query: MetricValueQuery,
  settings: MetricSettings,
  options: MetricSeriesOptions = {},
): Promise<MetricValue> {
  const q = parse(querySchema, { ...query, grain: "day" });
  const s = parse(settingsSchema, settings);
  const metric = getMetric(q.metric);
  if (!metric) throw new MetricQueryError("metric", `unknown metric "${q.metric}"`);
  const { start, end } = rangeBounds(q.from, q.to, s.timeZone);
  const label = `${q.from}/${q.to}`;
  const ctx: MetricContext = {
    db,
    grain: "day",
    timeZone: s.timeZone,
    start,
    end,
    scope: { department: q.department, accountManagerId: q.accountManagerId, customerId: q.customerId },
    churnDays: s.churnDays,
    complaintSlaHours: s.complaintSlaHours,
    now: s.now ?? new Date(),
    rollups: options.rollups ?? true,
    whole: { label, startDate: q.from },
  };
  const values = await metric.compute(ctx);
  return { metric: metric.key, unit: metric.unit, from: q.from, to: q.to, value: values.get(label) ?? emptyValue(metric) };
}
