import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
//
// Structures kept at ingest for the metrics that are not event-local (SPEC §5): each is folded in
// the ingest transaction for the keys a batch touches and rebuilt with the rollups. They hold
// instants, not local days, so they serve every time zone.
export async function up(db: Kysely<any>): Promise<void> {
  // Each customer's distinct instants with a live order, once per filter scope: department '' is
  // "any department"; account_manager_id is the nil uuid, "any manager" (manager scopes are not
  // kept). prev_at / next_at link the instants of one customer within one scope: a row
  // without prev_at is the customer's first order in that scope (new customers), and the gap to
  // next_at decides churn.
  await db.schema
    .createTable("order_timeline")
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("orders", "integer", (c) => c.notNull())
    .addColumn("prev_at", "timestamptz")
    .addColumn("next_at", "timestamptz")
    // Seconds to the next instant, exact: churn reads the long gaps only, whatever churnDays is.
    .addColumn("gap", "numeric", (c) => c.generatedAlwaysAs(sql`extract(epoch from next_at - at)`).stored())
    .addPrimaryKeyConstraint("order_timeline_pk", ["department", "account_manager_id", "customer_id", "at"])
    .modifyEnd(sql`with (fillfactor = 80)`)
    .execute();
  await sql`create index order_timeline_first_idx on order_timeline (department, account_manager_id, at)
    where prev_at is null`.execute(db);
  await sql`create index order_timeline_last_idx on order_timeline (department, account_manager_id, at)
    where next_at is null`.execute(db);
  await sql`create index order_timeline_gap_idx on order_timeline (department, account_manager_id, gap, at)
    where gap is not null`.execute(db);

  // Every live complaint and service request with its first live resolution (earliest, ties by
  // ingestion order) and, for complaints, its first live follow-up visit at or after it.
  await db.schema
    .createTable("case_facts")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("opened_at", "timestamptz", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid")
    .addColumn("resolved_at", "timestamptz")
    .addColumn("resolved_department", "text")
    .addColumn("resolved_account_manager_id", "uuid")
    .addColumn("visited_at", "timestamptz")
    .addPrimaryKeyConstraint("case_facts_pk", ["source", "id"])
    .execute();
  await sql`create index case_facts_opened_idx on case_facts (type, department, opened_at)`.execute(db);
  await sql`create index case_facts_opened_any_idx on case_facts (type, opened_at)`.execute(db);
  await sql`create index case_facts_resolved_idx on case_facts (type, resolved_department, resolved_at)
    where resolved_at is not null`.execute(db);
  await sql`create index case_facts_resolved_any_idx on case_facts (type, resolved_at)
    where resolved_at is not null`.execute(db);

  // Every live campaign touch, and whether a live order of its customer (any department or manager)
  // came within 30 days after it.
  await db.schema
    .createTable("touch_facts")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("at", "timestamptz", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid")
    .addColumn("converted", "boolean", (c) => c.notNull())
    .addPrimaryKeyConstraint("touch_facts_pk", ["source", "id"])
    .execute();
  await sql`create index touch_facts_customer_idx on touch_facts (customer_id, at)`.execute(db);
  await sql`create index touch_facts_at_idx on touch_facts (department, at) include (customer_id, converted)`.execute(
    db,
  );
  await sql`create index touch_facts_any_idx on touch_facts (at) include (customer_id, converted)`.execute(
    db,
  );

  // Where the rollups are maintained, the facts are filled from live events now, as a rebuild would.
  const { rows } = await sql<{ zone: string | null }>`
    select value #>> '{}' as zone from settings where key = 'rollupTimeZone'`.execute(db);
  if (typeof rows[0]?.zone !== "string") return;
  const live = (alias: string) =>
    sql.raw(
      `not exists (select 1 from events vd where vd.type = 'void' and vd.source = ${alias}.source and vd.ref_id = ${alias}.id)`,
    );
  const nil = sql`'00000000-0000-0000-0000-000000000000'::uuid`;
  await sql`
    insert into order_timeline (department, account_manager_id, customer_id, at, orders, prev_at, next_at)
    select department, account_manager_id, customer_id, at, orders, lag(at) over w, lead(at) over w
    from (
      select s.department, s.account_manager_id, e.customer_id, e.occurred_at as at, count(*)::integer as orders
      from events e
      cross join lateral (values ('', ${nil}), (e.department, ${nil})) as s(department, account_manager_id)
      where e.type = 'order' and s.account_manager_id is not null and ${live("e")}
      group by 1, 2, 3, 4
    ) g
    window w as (partition by department, account_manager_id, customer_id order by at)`.execute(db);
  await sql`
    insert into case_facts (source, id, customer_id, type, opened_at, department, account_manager_id,
      resolved_at, resolved_department, resolved_account_manager_id, visited_at)
    select o.source, o.id, o.customer_id, o.type, o.occurred_at, o.department, o.account_manager_id,
      r.occurred_at, r.department, r.account_manager_id, v.visited_at
    from events o
    left join lateral (
      select r.occurred_at, r.department, r.account_manager_id
      from events r
      where r.customer_id = o.customer_id and r.source = o.source and r.ref_id = o.id
        and r.type = case o.type when 'complaint' then 'complaint_resolved' else 'service_resolved' end
        and ${live("r")}
      order by r.occurred_at, r.seq
      limit 1
    ) r on true
    left join lateral (
      select min(v.occurred_at) as visited_at
      from events v
      where o.type = 'complaint' and v.customer_id = o.customer_id and v.source = o.source and v.ref_id = o.id
        and v.type = 'visit' and v.occurred_at >= o.occurred_at and ${live("v")}
    ) v on true
    where o.type in ('complaint', 'service_request') and ${live("o")}`.execute(db);
  await sql`
    insert into touch_facts (source, id, customer_id, at, department, account_manager_id, converted)
    select e.source, e.id, e.customer_id, e.occurred_at, e.department, e.account_manager_id,
      exists (
        select 1 from order_timeline o
        where o.department = '' and o.account_manager_id = ${nil} and o.customer_id = e.customer_id
          and o.at > e.occurred_at and o.at <= e.occurred_at + make_interval(secs => 2592000))
    from events e
    where e.type = 'campaign_touch' and ${live("e")}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("touch_facts").ifExists().execute();
  await db.schema.dropTable("case_facts").ifExists().execute();
  await db.schema.dropTable("order_timeline").ifExists().execute();
}
