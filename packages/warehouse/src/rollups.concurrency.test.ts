import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { metricSeries } from "@retain/metrics";
import { ingestEvents } from "./ingest-events";
import { rebuildRollups } from "./rollups";
import {
  MANAGERS,
  compareWithRaw,
  resetWarehouse,
  rollupSnapshot,
  seedReferenceData,
} from "./rollup-test-support";

/*
 * Two writers ingest overlapping batches at the same time (the same events in both → duplicates,
 * voids of the same targets from both sides) while a third task keeps rebuilding the rollups and
 * reading metrics. Nothing may be lost or counted twice: every event is stored once, the accepted
 * counts add up to the stored events, and the rollups equal a rebuild.
 */

const ZONE = "Europe/Berlin";
const TYPES = ["order", "visit", "complaint", "praise", "campaign_touch", "delivery", "payment"] as const;

function makeEvent(i: number): Record<string, unknown> {
  const type = TYPES[i % TYPES.length] ?? "order";
  const at = Date.parse("2026-03-01T00:00:00Z") + ((i * 7_919) % (120 * 24 * 60)) * 60_000;
  const base: Record<string, unknown> = {
    id: `e${i}`,
    source: i % 5 === 0 ? "erp" : "api",
    type,
    customerId: `c${i % 40}`,
    occurredAt: new Date(at).toISOString(),
  };
  if (i % 3 === 0) base.accountManager = MANAGERS[i % 2]?.email;
  if (type === "order" || type === "payment")
    base.amount = `${(i % 997) + 1}.${String(i % 100).padStart(2, "0")}`;
  if (type === "campaign_touch") base.campaignId = "spring";
  if (type === "delivery") base.promisedAt = new Date(at + ((i % 5) - 2) * 3_600_000).toISOString();
  return base;
}

function voidOf(target: Record<string, unknown>, id: string): Record<string, unknown> {
  return {
    id,
    source: target.source,
    type: "void",
    refId: target.id,
    ...(target.customerId === undefined ? {} : { customerId: target.customerId }),
    occurredAt: new Date(Date.parse(String(target.occurredAt)) + 60_000).toISOString(),
  };
}

/** Writer streams: a shared head both send first, then overlapping tails with voids of head events. */
function streams(): { a: Record<string, unknown>[][]; b: Record<string, unknown>[][]; distinct: number } {
  const events = Array.from({ length: 1_600 }, (_, i) => makeEvent(i));
  const head = events.slice(0, 200);
  const rest = events.slice(200);
  // Overlapping in a different order; the head comes first in both, so every void finds its target.
  const a = [...head, ...rest.slice(0, 900)];
  const b = [...[...head].reverse(), ...rest.slice(500).reverse()];
  // Some targets are voided by both writers with the same void (a duplicate), some with two voids.
  const voidId = (writer: string, index: number, e: Record<string, unknown>) =>
    `${index % 36 === 0 ? "vs" : writer}-${String(e.id)}`;
  const voidsA = head.flatMap((e, i) => (i % 9 === 0 ? [voidOf(e, voidId("va", i, e))] : []));
  const voidsB = head.flatMap((e, i) => (i % 6 === 0 ? [voidOf(e, voidId("vb", i, e))] : []));
  const batches = (list: Record<string, unknown>[], voids: Record<string, unknown>[], size: number) => {
    const out: Record<string, unknown>[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    // Voids ride along with later batches, after the head is stored by this writer.
    voids.forEach((v, i) => out[1 + (i % (out.length - 1))]?.push(v));
    return out;
  };
  const ids = new Set([...a, ...b, ...voidsA, ...voidsB].map((e) => `${String(e.source)}:${String(e.id)}`));
  return { a: batches(a, voidsA, 100), b: batches(b, voidsB, 130), distinct: ids.size };
}

describe.each(testDialects())("concurrent ingestion on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await seedReferenceData(t.db);
    await resetWarehouse(t.db, ZONE);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("loses and double-counts nothing with two writers and rebuilds and reads running", async () => {
    const { a, b, distinct } = streams();
    let writing = 2;
    const totals = { accepted: 0, duplicates: 0, submitted: 0 };
    const writer = async (batches: Record<string, unknown>[][]) => {
      try {
        for (const batch of batches) {
          const result = await ingestEvents(t.db, batch);
          expect(result.rejected).toEqual([]);
          totals.accepted += result.accepted;
          totals.duplicates += result.duplicates;
          totals.submitted += batch.length;
        }
      } finally {
        writing--;
      }
    };
    let rebuilds = 0;
    let reads = 0;
    const third = async () => {
      while (writing > 0) {
        if (rebuilds <= reads) {
          await rebuildRollups(t.db, { timeZone: ZONE });
          rebuilds++;
        } else {
          const series = await metricSeries(
            t.db,
            { metric: "orders", from: "2026-03-01", to: "2026-08-01", grain: "month", department: "sales" },
            { timeZone: ZONE, churnDays: 180, complaintSlaHours: 24 },
          );
          expect(series.points).toHaveLength(5);
          reads++;
        }
      }
    };
    await Promise.all([writer(a), writer(b), third()]);

    const stored = await t.db
      .selectFrom("events")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(distinct);
    expect(totals.accepted).toBe(distinct);
    expect(totals.accepted + totals.duplicates).toBe(totals.submitted);
    expect(rebuilds).toBeGreaterThan(0);

    const incremental = await rollupSnapshot(t.db);
    expect(
      await compareWithRaw(t.db, {
        from: "2026-02-01",
        to: "2026-08-01",
        grain: "month",
        scope: {},
        timeZone: ZONE,
      }),
    ).toEqual([]);
    await rebuildRollups(t.db, { timeZone: ZONE });
    expect(incremental).toEqual(await rollupSnapshot(t.db));
  });
});
