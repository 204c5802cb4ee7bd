import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { eventTypes } from "./event-types";
import { factTables } from "./facts";
import { metricCatalog, metricSeries, type Grain, type MetricScope } from "@retain/metrics";

/*
 * Shared by the rollup property and concurrency tests: reference data, resets, and the two
 * comparisons they make — rollups against a rebuild, metric reads against raw events.
 */

/** The departments events are attributed to by default: every department of SPEC §2. */
export const DEPARTMENTS = [...new Set(Object.values(eventTypes).filter((d) => d !== null))];

export const MANAGERS = [
  { id: "00000000-0000-4000-8000-0000000000a1", email: "m1@example.com" },
  { id: "00000000-0000-4000-8000-0000000000a2", email: "m2@example.com" },
] as const;

export async function seedReferenceData(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("departments")
    .values(DEPARTMENTS.map((key) => ({ key, name: key })))
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  await db
    .insertInto("users")
    .values(
      MANAGERS.map((m) => ({ id: m.id, email: m.email, name: m.email, role: "account_manager" as const })),
    )
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
}

/** Empties events, customers and rollups, and sets the organisation's zone (rollups start afresh in it). */
export async function resetWarehouse(db: Kysely<Database>, timeZone: string): Promise<void> {
  await db.deleteFrom("events").execute();
  await db.deleteFrom("customer_assignments").execute();
  await db.deleteFrom("customer_tier_changes").execute();
  await db.deleteFrom("customers").execute();
  await db.deleteFrom("rollup_daily").execute();
  await db.deleteFrom("rollup_department_daily").execute();
  await db.deleteFrom("rollup_customer_daily").execute();
  for (const table of factTables) await db.deleteFrom(table).execute();
  await db.deleteFrom("settings").where("key", "in", ["rollupTimeZone", "timeZone"]).execute();
  await db
    .insertInto("settings")
    .values({ key: "timeZone", value: JSON.stringify(timeZone) })
    .execute();
}

/** Every rollup row as text, sums at a fixed scale (0 and 0.00 are the same sum), in key order. */
export async function rollupSnapshot(
  db: Kysely<Database>,
): Promise<{ daily: string[]; departments: string[]; customers: string[]; facts: string[] }> {
  const measures = sql.raw(`orders, revenue::numeric(20, 2), payments,
    payments_amount::numeric(20, 2), payments_with_due, payments_on_time, opportunities_won, opportunities_lost,
    visits, complaints, praise, csat_surveys, csat_positive, nps_surveys, nps_promoters, nps_detractors,
    feedback_items, deliveries, deliveries_on_time, supplier_issues, defects, training_hours::numeric(20, 2)`);
  const daily = await sql<{ row: string }>`
    select concat_ws(' ', department, day::text, account_manager_id, ${measures}) as row
    from rollup_daily order by department, day, account_manager_id`.execute(db);
  const departments = await sql<{ row: string }>`
    select concat_ws(' ', department, day::text, ${measures}) as row
    from rollup_department_daily order by department, day`.execute(db);
  const customers = await sql<{ row: string }>`
    select concat_ws(' ', customer_id, day::text, department, account_manager_id, orders, campaign_touches,
      revenue::numeric(20, 2), complaints) as row
    from rollup_customer_daily order by customer_id, day, department, account_manager_id`.execute(db);
  // Instants as UTC text with microseconds, whatever the session's zone.
  const t = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')`;
  const facts = await sql<{ row: string }>`
    select * from (
      select concat_ws(' ', 'order_timeline', department, account_manager_id, customer_id, ${sql.raw(t("at"))},
        orders, ${sql.raw(t("prev_at"))}, ${sql.raw(t("next_at"))}) as row
      from order_timeline
      union all
      select concat_ws(' ', 'case_facts', source, id, customer_id, type, ${sql.raw(t("opened_at"))}, department,
        account_manager_id, ${sql.raw(t("resolved_at"))}, resolved_department, resolved_account_manager_id,
        ${sql.raw(t("visited_at"))})
      from case_facts
      union all
      select concat_ws(' ', 'touch_facts', source, id, customer_id, ${sql.raw(t("at"))}, department,
        account_manager_id, converted)
      from touch_facts
    ) f order by row`.execute(db);
  return {
    daily: daily.rows.map((r) => r.row),
    departments: departments.rows.map((r) => r.row),
    customers: customers.rows.map((r) => r.row),
    facts: facts.rows.map((r) => r.row),
  };
}

export type SeriesCheck = { from: string; to: string; grain: Grain; scope: MetricScope; timeZone: string };

/**
 * Every metric of the catalog read with rollups and computed from raw events: returns the
 * differences (empty when they agree exactly).
 */
export async function compareWithRaw(db: Kysely<Database>, check: SeriesCheck): Promise<string[]> {
  const differences: string[] = [];
  const settings = {
    timeZone: check.timeZone,
    churnDays: 30,
    complaintSlaHours: 24,
    now: new Date("2027-01-01T00:00:00Z"),
  };
  for (const metric of metricCatalog) {
    const query = { metric: metric.key, from: check.from, to: check.to, grain: check.grain, ...check.scope };
    const [rolled, raw] = [
      await metricSeries(db, query, settings),
      await metricSeries(db, query, settings, { rollups: false }),
    ];
    rolled.points.forEach((point, i) => {
      const expected = raw.points[i];
      if (point.period !== expected?.period || point.value !== expected.value) {
        differences.push(
          `${metric.key} ${JSON.stringify(check)} ${point.period}: ${point.value} ≠ ${expected?.value}`,
        );
      }
    });
  }
  return differences;
}
