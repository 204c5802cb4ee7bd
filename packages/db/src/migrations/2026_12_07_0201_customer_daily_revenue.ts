import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
//
// The §8 date reads (value pyramid, value changes, falling spend, rising complaints) from the
// per-customer rollup instead of raw events: rollup_customer_daily gains each customer's day of
// order revenue (exact sum) and complaints. Complaints add rows of their own, so the table is
// refilled from live events in the zone it was built in (when it is maintained at all).
//
// What the date reads still take from raw events gets partial indexes that cover it (payments by
// due date, complaints by time), and the registry's freshness test and name order get theirs.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table rollup_customer_daily
      add column revenue numeric not null default 0,
      add column complaints integer not null default 0`.execute(db);

  const { rows } = await sql<{ zone: string | null }>`
    select value #>> '{}' as zone from settings where key = 'rollupTimeZone'`.execute(db);
  const zone = rows[0]?.zone;
  if (typeof zone === "string") {
    await sql`delete from rollup_customer_daily`.execute(db);
    await sql`
      insert into rollup_customer_daily
        (customer_id, day, department, account_manager_id, orders, campaign_touches, revenue, complaints)
      select e.customer_id, (e.occurred_at at time zone cast(${zone} as text))::date, e.department,
        coalesce(e.account_manager_id, '00000000-0000-0000-0000-000000000000'::uuid),
        count(*) filter (where e.type = 'order')::integer,
        count(*) filter (where e.type = 'campaign_touch')::integer,
        coalesce(sum(e.amount) filter (where e.type = 'order'), 0),
        count(*) filter (where e.type = 'complaint')::integer
      from events e
      where e.type in ('order', 'campaign_touch', 'complaint')
        and not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)
      group by 1, 2, 3, 4
      order by 1, 2, 3, 4`.execute(db);
  }

  // Payment records: payments by due date, with what the record and the void test read.
  await sql`create index events_payment_due_idx on events (due_at) include (customer_id, occurred_at, source, id)
    where type = 'payment'`.execute(db);
  // Open complaints: complaints by time, with their key.
  await sql`create index events_complaint_time_idx on events (occurred_at) include (customer_id, source, id)
    where type = 'complaint'`.execute(db);
  // The last event stored, without a scan: seq grows with the table, so a block-range index finds
  // the newest rows (summarised as ranges fill up).
  await sql`create index events_seq_brin on events using brin (seq) with (pages_per_range = 16, autosummarize = on)`.execute(
    db,
  );
  // The customers' last change, and the registry's default order (name, then id by code point).
  await sql`create index customers_updated_idx on customers (updated_at)`.execute(db);
  await sql`create index customers_name_order_idx on customers (lower(name), (id collate "C"))`.execute(db);
  // The standings' freshness test reads the customers' last update; a delete leaves none behind,
  // so it drops the stamp (customer_standings_state) instead. Deletes are rare: ingest never deletes.
  await sql`
    create function retain_customers_deleted() returns trigger language plpgsql as $$
    begin
      delete from customer_standings_state;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger customers_deleted after delete or truncate on customers
    for each statement execute function retain_customers_deleted()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists customers_deleted on customers`.execute(db);
  await sql`drop function if exists retain_customers_deleted()`.execute(db);
  for (const index of [
    "customers_name_order_idx",
    "customers_updated_idx",
    "events_seq_brin",
    "events_complaint_time_idx",
    "events_payment_due_idx",
  ]) {
    await sql`drop index if exists ${sql.id(index)}`.execute(db);
  }
  await sql`delete from rollup_customer_daily where orders = 0 and campaign_touches = 0`.execute(db);
  await sql`alter table rollup_customer_daily drop column complaints, drop column revenue`.execute(db);
}
