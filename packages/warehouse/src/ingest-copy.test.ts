import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import type { Database } from "@retain/db";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { assignManager, ingestCustomers } from "./ingest-customers";
import { ingestEvents } from "./ingest-events";
import { rebuildRollups } from "./rollups";
import { MANAGERS, resetWarehouse, rollupSnapshot, seedReferenceData } from "./rollup-test-support";

/*
 * Batches are stored with COPY where the database handle allows it (connect() registers a bulk
 * transaction for its Kysely), else with `insert … on conflict do nothing`. Both must store the
 * same rows and fold the same rollups, text that COPY treats specially included; and a key that a
 * concurrent writer stores while the COPY runs must not fail the batch.
 */

const THIRD = { id: "00000000-0000-4000-8000-0000000000a3", email: "m3@example.com" };

function batch(): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < 60; i++) {
    const customerId = `c${i % 4}`;
    // Around c1's reassignment at 2026-03-01T00:00:00.000500Z: one millisecond before, at and after.
    const occurredAt = new Date(Date.parse("2026-03-01T00:00:00Z") + ((i % 3) - 1) * 86_400_000 * (i % 5)).toISOString();
    events.push({ id: `o${i}`, type: "order", customerId, occurredAt, amount: `${i}.5${i % 10}` });
  }
  events.push(
    { id: "edge-before", type: "praise", customerId: "c1", occurredAt: "2026-02-28T23:59:59.999Z" },
    { id: "edge-at", type: "praise", customerId: "c1", occurredAt: "2026-03-01T00:00:00.000Z" },
    { id: "edge-after", type: "praise", customerId: "c1", occurredAt: "2026-03-01T00:00:00.001Z" },
    // The same instant as written by a source in another zone.
    { id: "offset", type: "praise", customerId: "c1", occurredAt: "2026-03-01T01:00:00.001+01:00" },
    {
      id: "special\ttab",
      type: "complaint",
      customerId: "c2",
      occurredAt: "2026-03-02T10:00:00Z",
      severity: "high",
      payload: { note: "tab\there, quote \" and \\N, newline\n", nested: { list: [1, "\\", null] } },
    },
    { id: "touch", type: "campaign_touch", customerId: "c2", occurredAt: "2026-03-02T11:00:00Z", campaignId: "line\nbreak \\ back\\slash\r" },
    { id: "follow-up", type: "visit", customerId: "c2", occurredAt: "2026-03-03T09:00:00Z", refId: "special\ttab" },
    { id: "named", type: "visit", customerId: "c3", occurredAt: "2026-03-03T09:00:00Z", accountManager: THIRD.email },
    { id: "overlap", type: "praise", customerId: "c3", occurredAt: "2025-12-15T00:00:00Z" },
    { id: "void-1", type: "void", customerId: "c3", refId: "o7", occurredAt: "2026-03-04T00:00:00Z" },
    { id: "stub", type: "praise", customerId: "brand-new", occurredAt: "2026-03-05T00:00:00Z" },
    { id: "survey", type: "survey", customerId: "c0", occurredAt: "2026-03-06T00:00:00Z", scale: 10, score: 9 },
    { id: "train", type: "training", occurredAt: "2026-03-07T00:00:00Z", hours: "7.25", employee: "zoe@example.com" },
  );
  return events;
}

async function storedRows(db: Kysely<Database>): Promise<string[]> {
  const { rows } = await sql<{ row: string }>`
    select concat_ws('|', customer_id, source, id, type, occurred_at, department, account_manager_id, amount,
      ref_id, due_at, promised_at, severity, scale, score, hours, channel, campaign_id, stage, employee, payload::text,
      content_hash) as row
    from events order by source, id`.execute(db);
  return rows.map((r) => r.row);
}

describe.each(testDialects())("storing batches with COPY on $kind", (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await dialect.create();
    await seedReferenceData(db.db);
    await db.db
      .insertInto("users")
      .values({ id: THIRD.id, email: THIRD.email, name: THIRD.email, role: "account_manager" })
      .execute();
  });
  afterAll(async () => {
    await db?.drop();
  });

  async function ingestTwice(db: Kysely<Database>, events: Record<string, unknown>[]) {
    const first = await ingestEvents(db, events);
    // Again: everything is now a duplicate, found before the COPY.
    const second = await ingestEvents(db, events);
    return { first, second, rows: await storedRows(db), rollups: await rollupSnapshot(db) };
  }

  async function freshWarehouse() {
    await resetWarehouse(db.db, "Europe/Berlin");
    await ingestCustomers(
      db.db,
      ["c0", "c1", "c2", "c3"].map((id, i) => ({ id, name: id, accountManager: MANAGERS[i % 2 === 0 ? 0 : 1].email })),
    );
    // c1: m3 from a boundary with microseconds, which only an exact comparison places right.
    await sql`update customer_assignments set valid_to = '2026-03-01T00:00:00.000500Z'
      where customer_id = 'c1' and valid_to is null`.execute(db.db);
    await db.db
      .insertInto("customer_assignments")
      .values({ customer_id: "c1", user_id: THIRD.id, valid_from: "2026-03-01T00:00:00.000500Z", method: "manual" })
      .execute();
    // c3: a backdated reassignment overlapping the history; the later decision wins.
    await assignManager(db.db, "c3", THIRD.id, new Date("2026-01-01T00:00:00Z"));
    await assignManager(db.db, "c3", MANAGERS[0].id, new Date("2025-12-01T00:00:00Z"));
    // Rollups are maintained from here on.
    await rebuildRollups(db.db, { timeZone: "Europe/Berlin" });
  }

  it("stores and folds exactly what the insert path does", async () => {
    await freshWarehouse();
    // A Kysely of its own has no bulk transaction registered: the insert path.
    const byInsert = await ingestTwice(db.db.withoutPlugins(), batch());
    await freshWarehouse();
    const byCopy = await ingestTwice(db.db, batch());

    expect(byCopy.first).toEqual(byInsert.first);
    expect(byCopy.first.rejected).toEqual([]);
    expect(byCopy.first.accepted).toBe(batch().length);
    expect(byCopy.second).toEqual({ accepted: 0, duplicates: batch().length, rejected: [] });
    expect(byCopy.rows).toEqual(byInsert.rows);
    expect(byCopy.rollups).toEqual(byInsert.rollups);

    expect(byCopy.rows.find((r) => r.includes("|touch|"))).toContain("line\nbreak \\ back\\slash\r");
    expect(byCopy.rows.find((r) => r.includes("special\ttab|complaint"))).toContain(String.raw`"tab\there, quote \" and \\N, newline\n"`);
    const manager = async (id: string) =>
      (await db.db.selectFrom("events").select("account_manager_id").where("id", "=", id).executeTakeFirstOrThrow())
        .account_manager_id;
    expect(await manager("edge-at")).toBe(MANAGERS[1].id);
    expect(await manager("edge-after")).toBe(THIRD.id);
    expect(await manager("offset")).toBe(THIRD.id);
    expect(await manager("named")).toBe(THIRD.id);
    expect(await manager("overlap")).toBe(MANAGERS[0].id);
    expect(byCopy.rollups.daily.length).toBeGreaterThan(10);
    const stub = await db.db.selectFrom("customers").select("incomplete").where("id", "=", "brand-new").execute();
    expect(stub).toEqual([{ incomplete: true }]);
  });

  it("tells new events, duplicates and conflicts apart in a batch that overlaps stored ones", async () => {
    // On PGlite the keys are not looked up before the COPY: a stored one fails it, and the batch
    // is stored by insert. Either way the answer and the stored rows are those of the insert path.
    const all = batch();
    const overlapping = [
      ...all.slice(40).map((e) => (e.id === "o45" ? { ...e, amount: "999.99" } : e)),
      { id: "late-new", type: "order", customerId: "c0", occurredAt: "2026-02-01T00:00:00Z", amount: "3.10" },
    ];
    const run = async (db: Kysely<Database>) => {
      await ingestEvents(db, all.slice(0, 50));
      const result = await ingestEvents(db, overlapping);
      return { result, rows: await storedRows(db), rollups: await rollupSnapshot(db) };
    };
    await freshWarehouse();
    const byInsert = await run(db.db.withoutPlugins());
    await freshWarehouse();
    const byCopy = await run(db.db);

    expect(byCopy.result).toEqual({
      accepted: all.length - 50 + 1,
      duplicates: 9,
      rejected: [expect.objectContaining({ id: "o45", errors: [expect.objectContaining({ field: "id", code: "conflict" })] })],
    });
    expect(byCopy).toEqual(byInsert);
    await rebuildRollups(db.db, { timeZone: "Europe/Berlin" });
    expect(await rollupSnapshot(db.db)).toEqual(byCopy.rollups);
  });

  it.skipIf(dialect.kind !== "postgres")(
    "stores the batch by insert when a concurrent writer takes one of its keys during the COPY",
    async () => {
      await freshWarehouse();
      const url = new URL(process.env.TEST_DATABASE_URL ?? "");
      const { rows: named } = await sql<{ name: string }>`select current_database() as name`.execute(db.db);
      url.pathname = `/${named[0]?.name ?? ""}`;
      const other = new pg.Client({ connectionString: url.toString() });
      await other.connect();
      try {
        // Another writer holds the key o5 uncommitted: the batch's look-up cannot see it, its COPY waits.
        await other.query("begin");
        await other.query(
          `insert into events (customer_id, source, id, type, occurred_at, department, content_hash)
           values ('c1', 'api', 'o5', 'order', '2026-03-01T00:00:00Z', 'sales', 'someone-else')`,
        );
        const pending = ingestEvents(db.db, batch());
        for (let waited = 0; ; waited += 20) {
          const { rows } = await other.query(
            // (pg_stat_activity does not show a COPY FROM STDIN as the backend's query.)
            `select count(*)::int as n from pg_stat_activity
             where datname = current_database() and pg_backend_pid() = any(pg_blocking_pids(pid))`,
          );
          if (rows[0].n > 0) break;
          if (waited > 10_000) throw new Error("the COPY never waited for the concurrent writer");
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await other.query("commit");
        const result = await pending;
        expect(result.accepted).toBe(batch().length - 1);
        expect(result.rejected).toEqual([
          expect.objectContaining({ id: "o5", errors: [expect.objectContaining({ field: "id", code: "conflict" })] }),
        ]);
      } finally {
        await other.end();
      }
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from events`.execute(db.db);
      expect(rows[0]?.n).toBe(batch().length);
    },
  );
});
