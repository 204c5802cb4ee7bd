import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import {
  lockedFactSource,
  problemsSql,
  segmentsSql,
  withVoids,
  withWorkMem,
  type AccountSettings,
} from "./sql";

/*
 * Today's standing of every customer (segment, credit policy), kept in customer_standings and
 * recomputed in one set-based pass whenever what it depends on has changed: the date, the events
 * (their last seq), the customers (their last update; a delete drops the stamp, see migration
 * 2026_12_07_0201) or the §8 settings. A recompute records every credit-policy change in the
 * customer's history (the first computation records the first policy).
 *
 * The freshness test is one cheap statement: the last seq is looked for only at or above the one
 * recorded (a block-range index on seq skips the rest of the events), the last update by an index.
 */

type Freshness = { stamp: string | null; current: string };

async function freshness(db: Kysely<Database>, asOf: string, settings: AccountSettings): Promise<Freshness> {
  const { rows } = await sql<{
    stored: string | null;
    seq: string | number | null;
    updated: Date | string | null;
  }>`
    select st.stamp as stored,
      (select max(e.seq) from events e where e.seq >= coalesce((st.stamp::jsonb ->> 1)::bigint, 0)) as seq,
      (select max(c.updated_at) from customers c) as updated
    from (select 1) one
    left join customer_standings_state st on st.id = 1`.execute(db);
  const r = rows[0];
  const updated = r?.updated ? new Date(r.updated).toISOString() : null;
  return {
    stamp: r?.stored ?? null,
    current: JSON.stringify([
      asOf,
      r?.seq === null || r?.seq === undefined ? null : Number(r.seq),
      updated,
      settings,
    ]),
  };
}

/** Recomputes the standings for `asOf` unless they are up to date; true when it recomputed. */
export async function ensureStandings(
  db: Kysely<Database>,
  asOf: string,
  settings: AccountSettings,
  now = new Date(),
): Promise<boolean> {
  const first = await freshness(db, asOf, settings);
  if (first.stamp === first.current) return false;
  const recomputed = await withWorkMem(db, async (trx) => {
    // One recompute at a time; a second waiter finds the stamp current and stops.
    await sql`select pg_advisory_xact_lock(7412001)`.execute(trx);
    const { stamp: again, current: stamp } = await freshness(trx, asOf, settings);
    if (again === stamp) return false;
    const source = await lockedFactSource(trx, settings.timeZone);
    await sql`delete from customer_standings`.execute(trx);
    await withVoids(sql`
      insert into customer_standings (customer_id, segment, revenue, credit_policy, record, on_time_rate, payments)
      select s.customer_id, s.segment, cast(s.revenue_cents as numeric) / 100,
        case when f.record = 'good' then 'preferential' when f.record = 'none' then 'standard'
             when f.size = 'large' then 'strict' else 'stop' end,
        f.record,
        case when f.payments_with_due = 0 then null else round(100.0 * f.payments_on_time / f.payments_with_due, 2) end,
        f.payments_with_due
      from (${segmentsSql(asOf, settings, source)}) s
      join (${problemsSql(asOf, settings, {}, source)}) f on f.customer_id = s.customer_id`).execute(trx);
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
    return true;
  });
  if (recomputed) await summarizeNewSeqRanges(db);
  return true;
}

/**
 * Summarises the block ranges of events filled since the last time, so the next freshness test
 * skips them (PostgreSQL's autovacuum does it too, `autosummarize`; PGlite has none). Best effort:
 * it gives way at once to a vacuum or analyze of events that holds the lock.
 */
async function summarizeNewSeqRanges(db: Kysely<Database>): Promise<void> {
  if (db.isTransaction) return;
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('lock_timeout', '50ms', true)`.execute(trx);
      await sql`select brin_summarize_new_values('events_seq_brin'::regclass)`.execute(trx);
    });
  } catch {
    // The ranges stay unsummarised until the next recompute or autovacuum; reads stay correct.
  }
}
