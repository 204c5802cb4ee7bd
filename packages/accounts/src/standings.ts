import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { problemsSql, segmentsSql, withVoids, type AccountSettings } from "./sql";

/*
 * Today's standing of every customer (segment, credit policy), kept in customer_standings and
 * recomputed in one set-based pass whenever what it depends on has changed: the date, the events
 * (their last seq), the customers (count and last update) or the §8 settings. A recompute records
 * every credit-policy change in the customer's history (the first computation records the first policy).
 */

async function stampOf(db: Kysely<Database>, asOf: string, settings: AccountSettings): Promise<string> {
  const { rows } = await sql<{ seq: string | number | null; n: string | number; updated: Date | null }>`
    select (select max(seq) from events) as seq, count(*) as n, max(updated_at) as updated from customers`.execute(db);
  const r = rows[0];
  return JSON.stringify([asOf, Number(r?.seq ?? 0), Number(r?.n ?? 0), r?.updated ? new Date(r.updated).toISOString() : null, settings]);
}

/** Recomputes the standings for `asOf` unless they are up to date; true when it recomputed. */
export async function ensureStandings(db: Kysely<Database>, asOf: string, settings: AccountSettings, now = new Date()): Promise<boolean> {
  const stamp = await stampOf(db, asOf, settings);
  const state = await db.selectFrom("customer_standings_state").select("stamp").where("id", "=", 1).executeTakeFirst();
  if (state?.stamp === stamp) return false;
  await db.transaction().execute(async (trx) => {
    // One recompute at a time; a second waiter finds the stamp current and stops.
    await sql`select pg_advisory_xact_lock(7412001)`.execute(trx);
    const again = await trx.selectFrom("customer_standings_state").select("stamp").where("id", "=", 1).executeTakeFirst();
    if (again?.stamp === stamp) return;
    await sql`delete from customer_standings`.execute(trx);
    await withVoids(sql`
      insert into customer_standings (customer_id, segment, revenue, credit_policy, record, on_time_rate, payments)
      select s.customer_id, s.segment, s.revenue_cents / 100,
        case when f.record = 'good' then 'preferential' when f.record = 'none' then 'standard'
             when f.size = 'large' then 'strict' else 'stop' end,
        f.record,
        case when f.payments_with_due = 0 then null else round(100.0 * f.payments_on_time / f.payments_with_due, 2) end,
        f.payments_with_due
      from (${segmentsSql(asOf, settings)}) s
      join (${problemsSql(asOf, settings)}) f on f.customer_id = s.customer_id`).execute(trx);
    await sql`
      insert into customer_credit_policies (customer_id, changed_at, as_of, from_policy, to_policy, record, on_time_rate, payments)
      select s.customer_id, ${now}, ${asOf}, last.to_policy, s.credit_policy, s.record, s.on_time_rate, s.payments
      from customer_standings s
      left join (
        select distinct on (customer_id) customer_id, to_policy
        from customer_credit_policies
        order by customer_id, seq desc
      ) last on last.customer_id = s.customer_id
      where last.to_policy is distinct from s.credit_policy`.execute(trx);
    await trx
      .insertInto("customer_standings_state")
      .values({ id: 1, stamp, as_of: asOf })
      .onConflict((oc) => oc.column("id").doUpdateSet({ stamp, as_of: asOf, computed_at: now }))
      .execute();
  });
  return true;
}
