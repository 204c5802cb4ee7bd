import { sql, type Kysely, type RawBuilder } from "kysely";
import { ANY_DEPARTMENT, ANY_MANAGER, type Database } from "@retain/db";

/*
 * Facts kept beside the rollups for the metrics that are not event-local (SPEC §5), so that a read
 * touches the rows of its period only, not all events of a type:
 *   order_timeline  each customer's distinct instants with a live order, in any department and in
 *                   each department, linked to the previous and next one → new_customers, churned_customers
 *   case_facts      each live complaint / service request with its first live resolution and first
 *                   follow-up visit                 → resolution hours, complaints within SLA, follow-up rate
 *   touch_facts     each live campaign touch and whether an order followed within 30 days
 *                                                   → campaign_conversion_rate
 * They hold instants, not local days, so they serve every time zone. Each ingest transaction brings
 * them up to date for the keys its batch touches (foldFacts), after the rollup fold; rebuildFacts
 * recomputes them from raw events with the rollups. They are maintained exactly when the rollups are
 * (the settings row `rollupTimeZone` exists).
 */

export const factTables = ["order_timeline", "case_facts", "touch_facts"] as const;

/**
 * The filter scopes an order's instant is kept in: any department, and its department. Manager
 * scopes are not kept (they doubled the work of every fold): the timeline's account_manager_id is
 * ANY_MANAGER in every row, and a read with a manager filter computes from raw events.
 */
const scopes = sql`(values
  (${ANY_DEPARTMENT}::text, ${ANY_MANAGER}::uuid),
  (e.department, ${ANY_MANAGER}::uuid)) as s(department, account_manager_id)`;

/** The same customer and filter scope in two aliases. */
const same = (alias: string, other: string) =>
  sql.raw(
    `${alias}.department = ${other}.department and ${alias}.account_manager_id = ${other}.account_manager_id and ${alias}.customer_id = ${other}.customer_id`,
  );

const CONVERSION_WINDOW = sql`make_interval(secs => ${30 * 86_400})`;

const live = (alias: string) =>
  sql`not exists (select 1 from events vd where vd.type = 'void' and vd.source = ${sql.ref(`${alias}.source`)} and vd.ref_id = ${sql.ref(`${alias}.id`)})`;

/** Whether a live order of the touch's customer (any scope) came within 30 days after it, from order_timeline. */
const convertedAfter = (alias: string) => sql`exists (
  select 1 from order_timeline o
  where o.department = ${ANY_DEPARTMENT} and o.account_manager_id = ${ANY_MANAGER}::uuid
    and o.customer_id = ${sql.ref(`${alias}.customer_id`)}
    and o.at > ${sql.ref(`${alias}.at`)} and o.at <= ${sql.ref(`${alias}.at`)} + ${CONVERSION_WINDOW})`;

/** The first live resolution and follow-up visit of the opening events `o` (complaints, service requests). */
function caseFactsOf(openings: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    insert into case_facts (source, id, customer_id, type, opened_at, department, account_manager_id,
      resolved_at, resolved_department, resolved_account_manager_id, visited_at)
    select o.source, o.id, o.customer_id, o.type, o.occurred_at, o.department, o.account_manager_id,
      r.occurred_at, r.department, r.account_manager_id, v.visited_at
    from (${openings}) o
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
      where o.type = 'complaint'
        and v.customer_id = o.customer_id and v.source = o.source and v.ref_id = o.id
        and v.type = 'visit' and v.occurred_at >= o.occurred_at and ${live("v")}
    ) v on true
    order by o.source, o.id`;
}

/** Recomputes every fact from raw events; the tables are expected to be empty. */
export async function rebuildFacts(
  db: Kysely<Database>,
  onTiming?: (phase: string, ms: number) => void,
): Promise<Record<(typeof factTables)[number], number>> {
  const timed = async (phase: string, statement: RawBuilder<unknown>) => {
    const at = performance.now();
    const { numAffectedRows } = await statement.execute(db);
    onTiming?.(phase, performance.now() - at);
    return Number(numAffectedRows ?? 0);
  };
  const order_timeline = await timed(
    "order_timeline",
    sql`
      insert into order_timeline (department, account_manager_id, customer_id, at, orders, prev_at, next_at)
      select department, account_manager_id, customer_id, at, orders,
        lag(at) over w, lead(at) over w
      from (
        select s.department, s.account_manager_id, e.customer_id, e.occurred_at as at, count(*)::integer as orders
        from events e
        cross join lateral ${scopes}
        where e.type = 'order' and s.account_manager_id is not null and ${live("e")}
        group by 1, 2, 3, 4
      ) g
      window w as (partition by department, account_manager_id, customer_id order by at)
      order by 1, 2, 3, 4`,
  );
  const case_facts = await timed(
    "case_facts",
    caseFactsOf(sql`
      select e.source, e.id, e.customer_id, e.type, e.occurred_at, e.department, e.account_manager_id
      from events e
      where e.type in ('complaint', 'service_request') and ${live("e")}`),
  );
  const touch_facts = await timed(
    "touch_facts",
    sql`
      insert into touch_facts (source, id, customer_id, at, department, account_manager_id, converted)
      select t.source, t.id, t.customer_id, t.at, t.department, t.account_manager_id, ${convertedAfter("t")}
      from (
        select e.source, e.id, e.customer_id, e.occurred_at as at, e.department, e.account_manager_id
        from events e
        where e.type = 'campaign_touch' and ${live("e")}
      ) t
      order by t.source, t.id`,
  );
  return { order_timeline, case_facts, touch_facts };
}

/** An event of a batch as the facts see it: `sign` 1 stored live now, -1 voided now (it was live). */
export type FactEvent = {
  source: string;
  id: string;
  type: string;
  refId: string | null;
  sign: 1 | -1;
};

/** Transaction-scoped advisory lock under which facts are brought up to date (see foldFacts). */
const FACTS_LOCK = 0x5e7a14;

/**
 * Brings the facts up to date for what a batch changed, in the ingest transaction that stored it
 * (after the rollup fold). `batch` is the fold source of the orders and touches (sign 1 for the
 * batch's live events, -1 for stored events its voids take out); `events` the batch's stored and
 * newly voided events by key. Facts are recomputed from raw events for the keys touched, so
 * concurrent ingest transactions take turns here (an advisory lock held until commit): each then
 * reads what the others committed, and a complaint and its resolution stored side by side still
 * meet.
 */
export async function foldFacts(
  db: Kysely<Database>,
  batch: RawBuilder<unknown>,
  events: readonly FactEvent[],
): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FACTS_LOCK})`.execute(db);

  // order_timeline in one statement, from what is stored before it: each instant touched (n) with
  // its stored row and the nearest stored instants p before and s after it. Among those instants,
  // ordered, every live one links to its live neighbours: a touched instant on both sides, p on its
  // next side and s on its previous side (their other side lies beyond what was read; it keeps its
  // stored link). Gone instants are passed over: the nearest stored instant beyond a gone one is
  // read too, as the gone one was touched. Each row is written once (new instants arrive linked),
  // and only when it changes; every lookup is a subquery with a limit, which the planner keeps an
  // index probe (joined by key, it scanned the whole table).
  const { rows: touched } = await sql<{
    department: string;
    account_manager_id: string;
    customer_id: string;
    at: string;
    orders: number;
  }>`
    with d as (
      select s.department, s.account_manager_id, e.customer_id, e.occurred_at as at, sum(e.sign)::integer as orders
      from (${batch}) e
      cross join lateral ${scopes}
      where e.type = 'order' and s.account_manager_id is not null
      group by 1, 2, 3, 4
      having sum(e.sign) <> 0
    ),
    n as (
      select d.department, d.account_manager_id, d.customer_id, d.at, coalesce(r.orders, 0) + d.orders as orders,
        r.prev_at, r.next_at,
        p.at as p_at, p.orders as p_orders, p.prev_at as p_prev, p.next_at as p_next,
        s.at as s_at, s.orders as s_orders, s.prev_at as s_prev, s.next_at as s_next
      from d
      left join lateral (
        select o.orders, o.prev_at, o.next_at from order_timeline o
        where ${same("o", "d")} and o.at = d.at
        limit 1
      ) r on true
      left join lateral (
        select o.at, o.orders, o.prev_at, o.next_at from order_timeline o
        where ${same("o", "d")} and o.at < d.at
        order by o.at desc limit 1
      ) p on true
      left join lateral (
        select o.at, o.orders, o.prev_at, o.next_at from order_timeline o
        where ${same("o", "d")} and o.at > d.at
        order by o.at limit 1
      ) s on true
    ),
    seen as (
      select department, account_manager_id, customer_id, at, orders, prev_at, next_at,
        true as touched, true as own_prev, true as own_next
      from n
      union all
      select department, account_manager_id, customer_id, p_at, p_orders, p_prev, p_next, false, false, true
      from n where p_at is not null
      union all
      select department, account_manager_id, customer_id, s_at, s_orders, s_prev, s_next, false, true, false
      from n where s_at is not null
    ),
    k as (
      select department, account_manager_id, customer_id, at,
        coalesce(max(orders) filter (where touched), max(orders)) as orders,
        bool_or(touched) as touched, max(prev_at) as prev_at, max(next_at) as next_at,
        bool_or(own_prev) as own_prev, bool_or(own_next) as own_next
      from seen
      group by 1, 2, 3, 4
    ),
    linked as (
      select department, account_manager_id, customer_id, at, orders, touched, prev_at, next_at,
        case when own_prev then lag(at) over w else prev_at end as new_prev,
        case when own_next then lead(at) over w else next_at end as new_next
      from k
      where orders > 0
      window w as (partition by department, account_manager_id, customer_id order by at)
    ),
    upserted as (
      insert into order_timeline (department, account_manager_id, customer_id, at, orders, prev_at, next_at)
      select department, account_manager_id, customer_id, at, orders, new_prev, new_next
      from linked
      where touched or prev_at is distinct from new_prev or next_at is distinct from new_next
      order by 1, 2, 3, 4
      on conflict (department, account_manager_id, customer_id, at)
      do update set orders = excluded.orders, prev_at = excluded.prev_at, next_at = excluded.next_at
    )
    select department, account_manager_id, customer_id, orders,
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
    from n`.execute(db);
  // Instants whose last live order went (the statement above left their rows as they were).
  const gone = touched.filter((t) => t.orders === 0);
  if (gone.length > 0) {
    await sql`
      delete from order_timeline o
      using unnest(
        ${gone.map((t) => t.department)}::text[], ${gone.map((t) => t.account_manager_id)}::uuid[],
        ${gone.map((t) => t.customer_id)}::text[], ${gone.map((t) => t.at)}::timestamptz[]
      ) as t(department, account_manager_id, customer_id, at)
      where ${same("o", "t")} and o.at = t.at`.execute(db);
  }

  // case_facts: recomputed for every complaint or service request a stored or voided event refers to.
  const cases = new Map<string, { source: string; id: string }>();
  const addCase = (source: string, id: string | null) => {
    if (id !== null) cases.set(`${source}\u0000${id}`, { source, id });
  };
  for (const e of events) {
    if (e.type === "complaint" || e.type === "service_request") addCase(e.source, e.id);
    else if (
      e.type === "complaint_resolved" ||
      e.type === "service_resolved" ||
      e.type === "visit" ||
      e.type === "void"
    )
      addCase(e.source, e.refId);
  }
  if (cases.size > 0) {
    const list = [...cases.values()].sort((a, b) =>
      a.source < b.source ? -1 : a.source > b.source ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
    );
    const keys = sql`unnest(${list.map((c) => c.source)}::text[], ${list.map((c) => c.id)}::text[]) as k(source, id)`;
    await sql`delete from case_facts f using ${keys} where f.source = k.source and f.id = k.id`.execute(db);
    await caseFactsOf(sql`
      select e.source, e.id, e.customer_id, e.type, e.occurred_at, e.department, e.account_manager_id
      from ${keys}
      join events e on e.source = k.source and e.id = k.id
      where e.type in ('complaint', 'service_request') and ${live("e")}`).execute(db);
  }

  // touch_facts: touches voided now leave, touches stored now arrive, and the touches up to 30 days
  // before an order instant touched now are looked at again.
  const voidedTouches = events.filter((e) => e.type === "campaign_touch" && e.sign === -1);
  if (voidedTouches.length > 0) {
    await sql`
      delete from touch_facts f
      using unnest(${voidedTouches.map((e) => e.source)}::text[], ${voidedTouches.map((e) => e.id)}::text[]) as k(source, id)
      where f.source = k.source and f.id = k.id`.execute(db);
  }
  const newTouches = events.filter((e) => e.type === "campaign_touch" && e.sign === 1);
  if (newTouches.length > 0) {
    await sql`
      insert into touch_facts (source, id, customer_id, at, department, account_manager_id, converted)
      select t.source, t.id, t.customer_id, t.at, t.department, t.account_manager_id, ${convertedAfter("t")}
      from (
        select e.source, e.id, e.customer_id, e.occurred_at as at, e.department, e.account_manager_id
        from unnest(${newTouches.map((e) => e.source)}::text[], ${newTouches.map((e) => e.id)}::text[]) as k(source, id)
        join events e on e.source = k.source and e.id = k.id
        where e.type = 'campaign_touch' and ${live("e")}
      ) t
      order by t.source, t.id
      on conflict (source, id) do nothing`.execute(db);
  }
  const orderInstants = touched.filter(
    (t) => t.department === ANY_DEPARTMENT && t.account_manager_id === ANY_MANAGER,
  );
  if (orderInstants.length > 0) {
    await sql`
      with changed as (
        select t.source, t.id, ${convertedAfter("t")} as converted
        from (
          select distinct f.source, f.id, f.customer_id, f.at, f.converted
          from unnest(${orderInstants.map((t) => t.customer_id)}::text[], ${orderInstants.map((t) => t.at)}::timestamptz[]) as o(customer_id, at)
          join touch_facts f on f.customer_id = o.customer_id and f.at < o.at and f.at >= o.at - ${CONVERSION_WINDOW}
        ) t
      )
      update touch_facts f set converted = c.converted
      from changed c
      where f.source = c.source and f.id = c.id and f.converted <> c.converted`.execute(db);
  }
}
