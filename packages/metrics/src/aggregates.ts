import { sql, type RawBuilder } from "kysely";
import type { MetricContext, PeriodValues } from "./definition";
import { labelOfPeriodStart } from "./periods";
import { and, liveEvents, periodBucket, scopeConditions } from "./live-events";
import { readRollupOrRaw, rollupBucket, rollupPeriod, rollupRows } from "./rollup-reads";
import { ratio, toNumber, type SqlNumber } from "./values";

/*
 * Computations shared by several metrics. Each returns a `compute` function that
 * answers every period of the context with one SQL statement grouped by period.
 */

type Compute = (ctx: MetricContext) => Promise<PeriodValues>;

/** Maps rows keyed by period start (local date) to values keyed by period label. */
export function byPeriod<R extends { bucket: string }>(
  ctx: MetricContext,
  rows: readonly R[],
  value: (row: R) => number | null,
): PeriodValues {
  const whole = ctx.whole;
  if (whole) return new Map(rows.map((row) => [whole.label, value(row)]));
  return new Map(rows.map((row) => [labelOfPeriodStart(row.bucket, ctx.grain), value(row)]));
}

const occurredBucket = (ctx: MetricContext) => periodBucket(ctx, sql`e.occurred_at`);

/** Number of live events of `type` per period; `measure`: the count column of `rollup_daily`. */
export function countEvents(type: string, measure: string): Compute {
  return async (ctx) => {
    const rows = await readRollupOrRaw<{ bucket: string; n: number }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, sum(${sql.ref(`r.${measure}`)}) as n
        ${rollupRows(ctx, "activity")}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${occurredBucket(ctx)} as bucket, count(*) as n
        from (${liveEvents(ctx, [type])}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => r.n);
  };
}

/**
 * Exact Σ of a numeric column of live events of `type` per period (summed as numeric, 2 decimals
 * like the column); `measure`: the sum column of `rollup_daily`.
 */
export function sumEvents(type: string, column: "amount" | "hours", measure: string): Compute {
  return async (ctx) => {
    const rows = await readRollupOrRaw<{ bucket: string; total: SqlNumber }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, sum(${sql.ref(`r.${measure}`)}) as total
        ${rollupRows(ctx, "activity")}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${occurredBucket(ctx)} as bucket, coalesce(sum(${sql.ref(`e.${column}`)}), 0) as total
        from (${liveEvents(ctx, [type])}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => toNumber(r.total));
  };
}

/**
 * Number of distinct customers with a live event of `type` per period; `measure`: the count
 * column of `rollup_customer_daily` that is positive on the days the customer had one.
 */
export function distinctCustomers(type: string, measure: string): Compute {
  return async (ctx) => {
    const rows = await readRollupOrRaw<{ bucket: string; n: number }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket, count(distinct r.customer_id) as n
        ${rollupRows(ctx, "customers", [sql`${sql.ref(`r.${measure}`)} > 0`])}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${occurredBucket(ctx)} as bucket, count(distinct e.customer_id) as n
        from (${liveEvents(ctx, [type])}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => r.n);
  };
}

/**
 * `scale × (events matching hits) ÷ (events matching total)` among live events of `types`, per
 * period; null when no event matches `total`. Conditions are SQL on the event alias `e`.
 */
export function eventShare(options: {
  types: readonly [string, ...string[]];
  hits: (ctx: MetricContext) => RawBuilder<unknown>;
  total?: (ctx: MetricContext) => RawBuilder<unknown>;
  /** The same counts as sums of `rollup_daily` columns of the row `r`, e.g. `r.csat_positive`. */
  rollup: { hits: string; total: string };
  scale?: number;
}): Compute {
  return async (ctx) => {
    const total = options.total?.(ctx) ?? sql`true`;
    const rows = await readRollupOrRaw<{ bucket: string; hits: number; total: number }>(
      ctx,
      sql`select ${rollupBucket(ctx)} as bucket,
          sum(${sql.raw(options.rollup.hits)}) as hits, sum(${sql.raw(options.rollup.total)}) as total
        ${rollupRows(ctx, "activity")}
        group by ${rollupPeriod(ctx)}`,
      sql`select ${occurredBucket(ctx)} as bucket,
          count(*) filter (where ${options.hits(ctx)}) as hits,
          count(*) filter (where ${total}) as total
        from (${liveEvents(ctx, options.types)}) e
        group by bucket`,
    );
    return byPeriod(ctx, rows, (r) => ratio(r.hits, r.total, options.scale ?? 100));
  };
}

/**
 * Mean hours from an event of `openedType` to its first `resolvedType` event (refId = its id,
 * same source, same customer), for first resolutions in the period. Filters apply to the
 * resolution; a later resolution of an already resolved event counts nowhere.
 * Reads the resolutions of the period only: each finds its opening event by the primary key, and is
 * the first when no live resolution of the same event came before the period (earlier ones inside
 * the period are ordered out by `distinct on`).
 */
export function meanHoursToResolution(openedType: string, resolvedType: string): Compute {
  return async (ctx) => {
    const live = (alias: string) =>
      sql`not exists (select 1 from events v where v.type = 'void' and v.source = ${sql.ref(`${alias}.source`)} and v.ref_id = ${sql.ref(`${alias}.id`)})`;
    const { department, accountManagerId } = ctx.scope;
    const rows = await readRollupOrRaw<{ bucket: string; seconds: SqlNumber; n: number }>(
      ctx,
      // case_facts holds each live opening event with its first live resolution.
      sql`select ${periodBucket(ctx, sql`r.resolved_at`)} as bucket,
          sum(extract(epoch from r.resolved_at - r.opened_at)) as seconds, count(*) as n
        from case_facts r
        where ${and([
          sql`r.type = ${openedType}`,
          sql`r.resolved_at >= ${ctx.start}`,
          sql`r.resolved_at < ${ctx.end}`,
          ...(department === undefined ? [] : [sql`r.resolved_department = ${department}`]),
          ...(accountManagerId === undefined
            ? []
            : [sql`r.resolved_account_manager_id = ${accountManagerId}`]),
        ])}
        group by bucket`,
      sql`
      with resolved as (${liveEvents(ctx, [resolvedType], { scoped: false })}),
      first_resolution as (
        select distinct on (r.customer_id, r.source, r.ref_id)
          r.occurred_at, r.department, r.account_manager_id, r.customer_id,
          extract(epoch from r.occurred_at - o.occurred_at) as seconds
        from resolved r
        join events o on o.customer_id = r.customer_id and o.source = r.source and o.id = r.ref_id
        where o.type = ${openedType} and ${live("o")}
          and not exists (
            select 1 from events p
            where p.customer_id = r.customer_id and p.source = r.source and p.ref_id = r.ref_id
              and p.type = ${resolvedType} and p.occurred_at < ${ctx.start} and ${live("p")}
          )
        order by r.customer_id, r.source, r.ref_id, r.occurred_at, r.seq
      )
      select ${periodBucket(ctx, sql`f.occurred_at`)} as bucket, sum(f.seconds) as seconds, count(*) as n
      from first_resolution f
      where ${and(scopeConditions(ctx.scope, "f"))}
      group by bucket`,
      { facts: true },
    );
    return byPeriod(ctx, rows, (r) => ratio(r.seconds, r.n * 3600));
  };
}

/**
 * `100 × flagged complaints ÷ complaints` opened in the period (filters apply to the complaint),
 * per period; null without complaints. `flagged` selects the distinct keys
 * `(customer_id, source, id)` of the complaints in CTE `c` that qualify. Joins rather than
 * per-row subqueries, so the cost stays linear in the number of events. `fact` is the same test
 * on a row `r` of case_facts (first resolution `resolved_at`, first visit `visited_at`).
 */
export function complaintShare(
  flagged: (ctx: MetricContext) => RawBuilder<unknown>,
  fact: (ctx: MetricContext) => RawBuilder<unknown>,
): Compute {
  return async (ctx) => {
    const rows = await readRollupOrRaw<{ bucket: string; hits: number; total: number }>(
      ctx,
      sql`select ${periodBucket(ctx, sql`r.opened_at`)} as bucket,
          count(*) filter (where ${fact(ctx)}) as hits, count(*) as total
        from case_facts r
        where ${and([
          sql`r.type = 'complaint'`,
          sql`r.opened_at >= ${ctx.start}`,
          sql`r.opened_at < ${ctx.end}`,
          ...scopeConditions(ctx.scope, "r"),
        ])}
        group by bucket`,
      sql`
      with c as (${liveEvents(ctx, ["complaint"])}),
      flagged as (${flagged(ctx)})
      select ${periodBucket(ctx, sql`c.occurred_at`)} as bucket, count(f.id) as hits, count(*) as total
      from c
      left join flagged f on f.customer_id = c.customer_id and f.source = c.source and f.id = c.id
      group by bucket`,
      { facts: true },
    );
    return byPeriod(ctx, rows, (r) => ratio(r.hits, r.total, 100));
  };
}
