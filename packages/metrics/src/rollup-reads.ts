import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { sql, type RawBuilder } from "kysely";
import { NO_MANAGER } from "@retain/db";
import type { MetricContext } from "./definition";
import { and } from "./live-events";

/*
 * Reads from the rollups (packages/warehouse/src/rollups.ts): `rollup_department_daily` (day ×
 * department), `rollup_daily` (day × department × account manager) and `rollup_customer_daily`
 * (customer × day × department × account manager).
 * Periods are unions of local days, so day rows serve every grain. The rollups are cut in the zone
 * of the settings row `rollupTimeZone`; a query in another zone, or before the rollups exist, reads
 * raw events instead — in the same statement, so a read stays one snapshot.
 */

/** `activity`: the day × department (× account manager) measures; `customers`: per customer. */
export type RollupRows = "activity" | "customers";

/** Whether the rollups can answer the scope at all (they are not kept per customer for every measure). */
function rollupsCanAnswer(ctx: MetricContext): boolean {
  return ctx.rollups && ctx.scope.customerId === undefined && ctx.scope.accountManagerId !== NO_MANAGER;
}

const localDate = (instant: Date, timeZone: string) =>
  format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");

/** The period start (local date) of the rollup row `r`. */
export function rollupBucket(ctx: MetricContext): RawBuilder<string> {
  return sql<string>`to_char(date_trunc(${ctx.grain}, r.day::timestamp), 'YYYY-MM-DD')`;
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
    sql`r.day >= ${localDate(ctx.start, ctx.timeZone)}::date`,
    sql`r.day < ${localDate(ctx.end, ctx.timeZone)}::date`,
    ...extra,
  ];
  if (ctx.scope.department !== undefined) conditions.push(sql`r.department = ${ctx.scope.department}`);
  if (ctx.scope.accountManagerId !== undefined) {
    conditions.push(sql`r.account_manager_id = ${ctx.scope.accountManagerId}::uuid`);
  }
  return sql`from ${sql.table(table)} r where ${and(conditions)}`;
}

/**
 * One statement answering from `rollup` when the rollups are built in the query's zone, else from
 * `raw`. Both must select the same columns. The zone test is an uncorrelated subquery, so the
 * planner turns it into a one-time filter and runs only one branch.
 */
export function rollupOrRaw(
  ctx: MetricContext,
  rollup: RawBuilder<unknown>,
  raw: RawBuilder<unknown>,
): RawBuilder<unknown> {
  if (!rollupsCanAnswer(ctx)) return raw;
  const built = sql`coalesce((select s.value #>> '{}' from settings s where s.key = 'rollupTimeZone') = ${ctx.timeZone}, false)`;
  return sql`
    select * from (${rollup}) rolled where ${built}
    union all
    select * from (${raw}) computed where not ${built}`;
}
