import { sql, type RawBuilder } from "kysely";
import { ANY_DEPARTMENT, ANY_MANAGER, executePrepared, NO_MANAGER } from "@retain/db";
import type { MetricContext } from "./definition";
import { and } from "./live-events";
import { isGrain, localDateOf } from "./periods";

/*
 * Reads from the rollups (packages/warehouse/src/rollups.ts): `rollup_department_daily` (day ×
 * department), `rollup_daily` (day × department × account manager) and `rollup_customer_daily`
 * (customer × day × department × account manager).
 * Periods are unions of local days, so day rows serve every grain. The rollups are cut in the zone
 * of the settings row `rollupTimeZone`; a query in another zone, or before the rollups exist, reads
 * raw events instead. The zone test is part of the rollup statement, so an answer always comes from
 * one statement (one snapshot): the rollup rows together with the zone they were cut in, or, when
 * that zone does not fit, a second statement over raw events only.
 */

/** `activity`: the day × department (× account manager) measures; `customers`: per customer. */
export type RollupRows = "activity" | "customers";

/** Whether the rollups can answer the scope at all (they are not kept per customer for every measure). */
function rollupsCanAnswer(ctx: MetricContext): boolean {
  return ctx.rollups && ctx.scope.customerId === undefined && ctx.scope.accountManagerId !== NO_MANAGER;
}

/**
 * The period of the rollup row `r`, to group by: `select ${rollupBucket(ctx)} as bucket … group by
 * ${rollupPeriod(ctx)}` formats each group once instead of every row (to_char is the costly part of
 * reading a year of day rows). The grain is a literal, not a parameter, so that PostgreSQL sees the
 * same expression in both places; it is one of the fixed grain names, never caller text.
 */
export function rollupPeriod(ctx: MetricContext): RawBuilder<unknown> {
  if (ctx.whole) return sql`cast(${ctx.whole.startDate} as date)`;
  if (!isGrain(ctx.grain)) throw new Error(`not a grain: ${String(ctx.grain)}`);
  return sql`date_trunc(${sql.lit(ctx.grain)}, r.day::timestamp)`;
}

/** The period start (local date) of the rollup row `r`, for rows grouped by rollupPeriod(). */
export function rollupBucket(ctx: MetricContext): RawBuilder<string> {
  return sql<string>`to_char(${rollupPeriod(ctx)}, 'YYYY-MM-DD')`;
}

/**
 * `from <table> r where <local days of the context> and <scope>`. Activity without a manager filter
 * reads the department rows (one per day and department), with one the manager rows.
 */
export function rollupRows(ctx: MetricContext, rows: RollupRows, extra: RawBuilder<unknown>[] = []) {
  const table =
    rows === "customers"
      ? "rollup_customer_daily"
      : ctx.scope.accountManagerId === undefined
        ? "rollup_department_daily"
        : "rollup_daily";
  const conditions = [
    sql`r.day >= ${localDateOf(ctx.start, ctx.timeZone)}::date`,
    sql`r.day < ${localDateOf(ctx.end, ctx.timeZone)}::date`,
    ...extra,
  ];
  if (ctx.scope.department !== undefined) conditions.push(sql`r.department = ${ctx.scope.department}`);
  if (ctx.scope.accountManagerId !== undefined) {
    conditions.push(sql`r.account_manager_id = ${ctx.scope.accountManagerId}::uuid`);
  }
  return sql`from ${sql.table(table)} r where ${and(conditions)}`;
}

/**
 * The scope of the context on order_timeline `r`, whose department is ANY_DEPARTMENT for "no
 * filter" (it keeps no manager scopes: a read with a manager filter must not come here).
 */
export function timelineScope(ctx: MetricContext): RawBuilder<unknown> {
  return sql`r.department = ${ctx.scope.department ?? ANY_DEPARTMENT}
    and r.account_manager_id = ${ctx.scope.accountManagerId ?? ANY_MANAGER}::uuid`;
}

/**
 * The rows of `rollup` when the rollups are built in the query's zone (with `facts`: when they are
 * maintained at all, for reads of the fact tables), else those of `raw`. Both
 * select the same columns, among them a non-null `bucket`. The common case is one statement that
 * returns the rollup rows with the zone test beside them; the zone test is an uncorrelated
 * subquery, so the planner turns it into a one-time filter that skips the rollups when they do not
 * fit. Only then does `raw` run, on its own: planning it together with the rollup read would cost
 * every read more than the rollup read itself.
 */
export async function readRollupOrRaw<R extends { bucket: string }>(
  ctx: MetricContext,
  rollup: RawBuilder<unknown>,
  raw: RawBuilder<unknown>,
  options: { facts?: boolean } = {},
): Promise<R[]> {
  // The facts (packages/warehouse/src/facts.ts) hold instants, not local days: they serve any zone
  // once they are maintained at all, which is when the rollups are (the zone row exists).
  const built = options.facts
    ? sql`exists (select 1 from settings s where s.key = 'rollupTimeZone')`
    : sql`coalesce((select s.value #>> '{}' from settings s where s.key = 'rollupTimeZone') = ${ctx.timeZone}, false)`;
  if (rollupsCanAnswer(ctx)) {
    // `bucket` is null in the one row of nulls the left join yields when the range has no rollup rows.
    // Prepared on PostgreSQL: the text depends on the metric, grain and filters only, and its plan
    // (a range of a rollup's primary key) not on the values.
    const rows = await executePrepared(
      ctx.db,
      sql<Omit<R, "bucket"> & { bucket: string | null; rollups_built: boolean }>`
      select rolled.*, flag.rollups_built
      from (select ${built} as rollups_built) flag
      left join lateral (select * from (${rollup}) r0 where flag.rollups_built) rolled on true`.compile(
        ctx.db,
      ),
    );
    if (rows[0]?.rollups_built) {
      const found: R[] = [];
      for (const { rollups_built: _built, ...row } of rows)
        if (row.bucket !== null) found.push(row as unknown as R);
      return found;
    }
  }
  const { rows } = await sql<R>`${raw}`.execute(ctx.db);
  return rows;
}
