import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { inClientThread } from "./client-thread";
import { call, type Client } from "./http-client";
import { percentile } from "./phases";

/** The date the §8 reads are made for: the end of the bench's window. */
export const ACCOUNTS_AS_OF = "2025-12-31";
const NEW_CUSTOMERS = 10_000;

/**
 * The straightforward way to the pyramid: every customer's 365-day revenue and earlier orders by
 * correlated subqueries over raw events, ranked in the application. The baseline of (g).
 */
async function naivePyramid(db: Kysely<Database>): Promise<number> {
  const { rows } = await sql<{ id: string; revenue: string | null; before: boolean }>`
    select c.id,
      (select sum(e.amount) from events e
        where e.customer_id = c.id and e.type = 'order'
          and e.occurred_at >= timestamptz '2025-01-01 00:00:00+00' and e.occurred_at < timestamptz '2026-01-01 00:00:00+00'
          and not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)) as revenue,
      exists (select 1 from events e
        where e.customer_id = c.id and e.type = 'order' and e.occurred_at < timestamptz '2025-01-01 00:00:00+00'
          and not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)) as before
    from customers c`.execute(db);
  const ranked = rows.filter((r) => Number(r.revenue ?? 0) > 0).sort((a, b) => Number(b.revenue) - Number(a.revenue) || (a.id < b.id ? -1 : 1));
  return ranked.length;
}

/**
 * (g) Customers and account managers: the pyramid, problems and value changes for a date over HTTP
 * beside the naive pyramid over raw events, the registry with a search term and two filters, and
 * proposals by level for 10,000 customers without a manager.
 */
export async function measureAccounts(
  client: Client,
  db: Kysely<Database>,
  options: { reads: number; rawReads: number },
): Promise<{ pyramidP95: number; pyramidRawP95: number; problemsP95: number; valueChangesP95: number; searchP95: number; proposalsMs: number }> {
  const n = Math.max(5, Math.round(options.reads / 10));
  const timed = async (path: string) =>
    percentile((await inClientThread({ kind: "reads", client, warmup: [path], paths: Array.from({ length: n }, () => path), keep: 0 })).latencies, 0.95);
  const pyramidP95 = await timed(`/customers/pyramid?asOf=${ACCOUNTS_AS_OF}`);
  const raw: number[] = [];
  for (let i = 0; i < Math.max(3, options.rawReads); i++) {
    const started = performance.now();
    await naivePyramid(db);
    raw.push(performance.now() - started);
  }
  const problemsP95 = await timed(`/customers/problems?asOf=${ACCOUNTS_AS_OF}`);
  const valueChangesP95 = await timed(`/customers/value-changes?asOf=${ACCOUNTS_AS_OF}`);
  const searchP95 = await timed("/customers?search=1&tier=regular&size=small&limit=50");

  await sql`
    insert into customers (id, name, tier)
    select 'bench-new-' || g, 'New customer ' || g, (array['vip', 'key', 'regular', 'regular', 'regular'])[1 + g % 5]
    from generate_series(1, ${NEW_CUSTOMERS}) g`.execute(db);
  await sql`update users set capacity = 100000 where role = 'account_manager'`.execute(db);
  const started = performance.now();
  await call(client, "POST", "/assignments/proposals", { method: "level" });
  const proposalsMs = performance.now() - started;
  return { pyramidP95, pyramidRawP95: percentile(raw, 0.95), problemsP95, valueChangesP95, searchP95, proposalsMs };
}
