import { sql, type Kysely } from "kysely";
import { NO_MANAGER, type Database } from "@retain/db";

/*
 * The baselines: what the rollups and the metric reads replace, written as plain GROUP BY over the
 * raw events (voided events excluded, local days in the organisation's zone).
 */

const live = sql`not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)`;

const dailyMeasures = [
  "count(*) filter (where e.type = 'order')",
  "sum(e.amount) filter (where e.type = 'order')",
  "count(*) filter (where e.type = 'payment')",
  "sum(e.amount) filter (where e.type = 'payment')",
  "count(*) filter (where e.type = 'payment' and e.due_at is not null)",
  "count(*) filter (where e.type = 'payment' and e.occurred_at <= e.due_at)",
  "count(*) filter (where e.type = 'opportunity_won')",
  "count(*) filter (where e.type = 'opportunity_lost')",
  "count(*) filter (where e.type = 'visit')",
  "count(*) filter (where e.type = 'complaint')",
  "count(*) filter (where e.type = 'praise')",
  "count(*) filter (where e.type = 'survey' and e.scale = 5)",
  "count(*) filter (where e.type = 'survey' and e.scale = 5 and e.score >= 4)",
  "count(*) filter (where e.type = 'survey' and e.scale = 10)",
  "count(*) filter (where e.type = 'survey' and e.scale = 10 and e.score >= 9)",
  "count(*) filter (where e.type = 'survey' and e.scale = 10 and e.score <= 6)",
  "count(*) filter (where e.type = 'feedback')",
  "count(*) filter (where e.type = 'delivery')",
  "count(*) filter (where e.type = 'delivery' and e.occurred_at <= e.promised_at)",
  "count(*) filter (where e.type = 'supplier_issue')",
  "count(*) filter (where e.type = 'defect')",
  "sum(e.hours) filter (where e.type = 'training')",
];
const customerMeasures = [
  "count(*) filter (where e.type = 'order')",
  "count(*) filter (where e.type = 'campaign_touch')",
];

/** GROUP BY `keys` computing `measures`, wrapped so every aggregate is computed but only one row returns. */
function groupBy(keys: string[], measures: string[], zone: string) {
  const named = measures.map((m, i) => sql.raw(`${m} as m${i}`));
  const totals = measures.map((_, i) => sql.raw(`sum(m${i})`));
  const keyList = keys.map((k) =>
    k === "day"
      ? sql`(e.occurred_at at time zone ${zone})::date`
      : k === "manager"
        ? sql`coalesce(e.account_manager_id, ${NO_MANAGER}::uuid)`
        : sql.raw(`e.${k}`),
  );
  return sql`
    select count(*) as rows, ${sql.join(totals)}
    from (
      select ${sql.join(keyList)}, ${sql.join(named)}
      from events e
      where e.type <> 'void' and ${live}
      group by ${sql.raw(keys.map((_, i) => String(i + 1)).join(", "))}
    ) g`;
}

/** The aggregates of both rollup tables (day × department × manager; customer × day × department × manager). */
export async function rawRollupGroupBy(db: Kysely<Database>, zone: string): Promise<void> {
  await groupBy(["department", "day", "manager"], dailyMeasures, zone).execute(db);
  await groupBy(["customer_id", "day", "department", "manager"], customerMeasures, zone).execute(db);
}

/** Monthly revenue of one department over [from, to) local dates, straight from raw events. */
export async function rawRevenueSeries(
  db: Kysely<Database>,
  query: { from: string; to: string; department: string; zone: string },
): Promise<Map<string, number>> {
  const { rows } = await sql<{ period: string; value: string }>`
    select to_char(date_trunc('month', e.occurred_at at time zone ${query.zone}), 'YYYY-MM') as period, sum(e.amount) as value
    from events e
    where e.type = 'order' and e.department = ${query.department}
      and e.occurred_at >= (${query.from}::timestamp at time zone ${query.zone})
      and e.occurred_at < (${query.to}::timestamp at time zone ${query.zone})
      and ${live}
    group by 1
    order by 1`.execute(db);
  return new Map(rows.map((r) => [r.period, Number(r.value)]));
}
