import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import type { Grain } from "./periods";

export const metricUnits = ["money", "count", "ratio", "percent", "score", "hours"] as const;
export type MetricUnit = (typeof metricUnits)[number];
export type MetricDirection = "higher" | "lower";

/** Which events a value is computed from; every filter is optional. */
export type MetricScope = {
  /** Events attributed to this department (`events.department`). */
  department?: string;
  /** Events attributed to this account manager (`events.account_manager_id`). */
  accountManagerId?: string;
  /** Events of this customer (`events.customer_id`). */
  customerId?: string;
};

/** Organisation settings a computation depends on. */
export type MetricSettings = {
  /** IANA zone in which periods are cut. */
  timeZone: string;
  /** Days without an order after which a customer counts as churned. */
  churnDays: number;
  /** Hours within which a complaint must be resolved. */
  complaintSlaHours: number;
  /** "Now" for churn (a churn moment counts once it has passed); default: the current time. */
  now?: Date;
};

/** Everything a metric needs to compute the values of consecutive periods in one query. */
export type MetricContext = {
  db: Kysely<Database>;
  grain: Grain;
  timeZone: string;
  /** Start of the first period and end of the last one. */
  start: Date;
  end: Date;
  scope: MetricScope;
  churnDays: number;
  complaintSlaHours: number;
  now: Date;
  /** Read event-local metrics from the rollups when they are built in `timeZone`; false: raw events only. */
  rollups: boolean;
  /**
   * Set for a read of the whole range as one value (metricValue): every bucket is this one period,
   * `[start, end)` of the context, whatever `grain` says.
   */
  whole?: { label: string; startDate: string };
};

/**
 * Values by period label. A period without a value takes the metric's empty value:
 * 0 for counts and sums, null for ratios and means (nothing to divide by).
 */
export type PeriodValues = Map<string, number | null>;

export type MetricDefinition<K extends string = string> = {
  /** Stable snake_case key used by goals and the API. */
  key: K;
  name: string;
  unit: MetricUnit;
  /** Which way is better. */
  direction: MetricDirection;
  /** Key of the department the metric belongs to. */
  department: string;
  description: string;
  /** A plain sum or count of events: the value of a period is the sum of the values of its parts. */
  additive: boolean;
  /** All periods of the context at once, in a single SQL statement. */
  compute: (ctx: MetricContext) => Promise<PeriodValues>;
};

/** Identity with the literal key kept, so the catalog knows its keys. */
export function defineMetric<const K extends string>(definition: MetricDefinition<K>): MetricDefinition<K> {
  return definition;
}

/** The value of a period with nothing in it: 0 for counts and sums, null for ratios and means. */
export function emptyValue(definition: Pick<MetricDefinition, "additive" | "unit">): number | null {
  return definition.additive || definition.unit === "count" ? 0 : null;
}
