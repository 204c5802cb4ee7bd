import { sql, type RawBuilder } from "kysely";
import type { MetricContext, MetricScope } from "./definition";

/*
 * SQL building blocks shared by the metric definitions. Everything is a kysely `sql`
 * fragment with bound parameters; no value is ever spliced into the text.
 */

export type TimeRange = { from?: Date; to?: Date };

export type LiveEventsOptions = {
  /** Occurrence window `[from, to)`; default: from the start of the first period to the end of the last. */
  range?: TimeRange;
  /** Apply the query's department / account-manager / customer filter; default true. */
  scoped?: boolean;
};

// The columns metrics read; the payload and bookkeeping columns stay on disk.
const COLUMNS = sql.raw(
  "e.customer_id, e.source, e.id, e.seq, e.type, e.occurred_at, e.department, e.account_manager_id, " +
    "e.amount, e.ref_id, e.due_at, e.promised_at, e.scale, e.score, e.hours",
);

/** The filter conditions of `scope` on the event columns of `alias`. */
export function scopeConditions(scope: MetricScope, alias: string): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.department !== undefined)
    conditions.push(sql`${sql.ref(`${alias}.department`)} = ${scope.department}`);
  if (scope.accountManagerId !== undefined) {
    conditions.push(sql`${sql.ref(`${alias}.account_manager_id`)} = ${scope.accountManagerId}`);
  }
  if (scope.customerId !== undefined)
    conditions.push(sql`${sql.ref(`${alias}.customer_id`)} = ${scope.customerId}`);
  return conditions;
}

export function and(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/**
 * `select … from events e` restricted to `types`, minus voided events: an event is voided
 * when a `void` event of the same source refers to its id. Use as a derived table.
 */
export function liveEvents(
  ctx: MetricContext,
  types: readonly [string, ...string[]],
  options: LiveEventsOptions = {},
): RawBuilder<unknown> {
  const range = options.range ?? { from: ctx.start, to: ctx.end };
  const conditions: RawBuilder<unknown>[] = [sql`e.type in (${sql.join(types)})`];
  if (range.from) conditions.push(sql`e.occurred_at >= ${range.from}`);
  if (range.to) conditions.push(sql`e.occurred_at < ${range.to}`);
  if (options.scoped ?? true) conditions.push(...scopeConditions(ctx.scope, "e"));
  conditions.push(
    sql`not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)`,
  );
  return sql`select ${COLUMNS} from events e where ${and(conditions)}`;
}

/**
 * The local date (YYYY-MM-DD) on which the period holding the instant `at` starts. ISO weeks
 * start on Monday, as `date_trunc('week', …)` does.
 */
export function periodBucket(ctx: MetricContext, at: RawBuilder<unknown>): RawBuilder<string> {
  // The whole range is one period (its rows are bounded to [start, end) by every metric).
  if (ctx.whole) return sql<string>`cast(${ctx.whole.startDate} as text)`;
  return sql<string>`to_char(date_trunc(${ctx.grain}, (${at}) at time zone cast(${ctx.timeZone} as text)), 'YYYY-MM-DD')`;
}

/**
 * An exact elapsed duration. Intervals in seconds, never in days: `+ interval '1 day'` on a
 * timestamptz follows the session's time zone across DST, so results would depend on the connection.
 */
export function duration(milliseconds: number): RawBuilder<unknown> {
  return sql`make_interval(secs => ${milliseconds / 1000})`;
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export function shift(date: Date, milliseconds: number): Date {
  return new Date(date.getTime() + milliseconds);
}
