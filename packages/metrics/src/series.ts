import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@retain/db";
import { getMetric, type MetricKey } from "./catalog";
import { emptyValue, type MetricContext, type MetricSettings, type MetricUnit } from "./definition";
import { MetricQueryError } from "./errors";
import { grains, periodsBetween, type Grain } from "./periods";

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

const querySchema = z.object({
  metric: z.string(),
  from: z.string(),
  to: z.string(),
  grain: z.enum(grains, { error: `grain must be one of ${grains.join(", ")}` }),
  department: z.string().min(1).max(40).optional(),
  accountManagerId: z.guid({ error: "accountManagerId must be a user id (UUID)" }).optional(),
  customerId: z.string().min(1).max(128).optional(),
});

const settingsSchema = z.object({
  timeZone: z.string(),
  churnDays: z.number().int().min(1).max(3650),
  complaintSlaHours: z.number().positive().max(8760),
  now: z.date().optional(),
});

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join(".") || "query";
  throw new MetricQueryError(field, issue ? `${field}: ${issue.message}` : "invalid metric query");
}

/**
 * The values of one metric for every period of `grain` that intersects `[from, to)`, in order.
 * A point always covers its whole period. Throws MetricQueryError for an invalid query.
 */
export async function metricSeries(
  db: Kysely<Database>,
  query: MetricSeriesQuery,
  settings: MetricSettings,
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
