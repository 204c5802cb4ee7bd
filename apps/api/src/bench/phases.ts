import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { sql, type Kysely } from "kysely";
import { inClientThread } from "./client-thread";
import type { Client } from "./http-client";
import { from as copyFrom } from "pg-copy-streams";
import type { Database, DatabaseHandle } from "@retain/db";
import { ingestEvents, rebuildRollups, type IngestOptions } from "@retain/warehouse";
import {
  copyText,
  eventBatch,
  physicalRows,
  timelineSpan,
  WINDOW_START,
  type Span,
} from "./generate";
import { rawRevenueSeries, rawRollupGroupBy } from "./raw-queries";

export const BATCH = 5_000;

const seconds = (since: number) => (performance.now() - since) / 1000;

/** Sizes of the numbered batches that make up `events` events. */
export function batchSizes(events: number, size = BATCH): number[] {
  return Array.from({ length: Math.ceil(events / size) }, (_, k) => Math.min(size, events - k * size));
}

/**
 * (a) The physical reference: the same events as prepared rows, written with real `COPY … FROM
 * STDIN` (pg-copy-streams; PGlite: `COPY … FROM '/dev/blob'`), 10,000 rows per COPY, into a copy of
 * the events table with the same indexes and constraints. Only the COPY statements are timed, not
 * the preparation of the rows.
 */
export async function measureCopy(
  handle: DatabaseHandle,
  options: { events: number; customers: number; managerOf: (customerId: string) => string | null },
): Promise<{ rows: number; seconds: number }> {
  const { db } = handle;
  await sql`create table events_copy (like events including all)`.execute(db);
  let timed = 0;
  let rows = 0;
  const sizes = batchSizes(options.events);
  const batch = (k: number) =>
    k < sizes.length ? eventBatch(k, sizes[k] ?? 0, options.customers, "e", timelineSpan(k, sizes.length)) : [];
  for (let k = 0; k < sizes.length; k += 2) {
    const events = [...batch(k), ...batch(k + 1)];
    const { columns, text } = copyText(physicalRows(events, options.managerOf));
    const statement = `copy events_copy (${columns.join(", ")}) from`;
    const started = performance.now();
    if (handle.driver.kind === "postgres") {
      const client = await handle.driver.pool.connect();
      try {
        await pipeline(Readable.from([text]), client.query(copyFrom(`${statement} stdin`)));
      } finally {
        client.release();
      }
    } else {
      await handle.driver.pglite.query(`${statement} '/dev/blob'`, [], { blob: new Blob([text]) });
    }
    timed += seconds(started);
    rows += events.length;
  }
  const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from events_copy`.execute(db);
  if (count[0]?.n !== rows) throw new Error(`COPY stored ${count[0]?.n} rows, expected ${rows}`);
  await sql`drop table events_copy`.execute(db);
  return { rows, seconds: timed };
}

export type Rate = { events: number; seconds: number; perSecond: number };

/**
 * (b) The events through `POST /api/v1/events` in 5,000-event batches, sent from the client thread:
 * the first half one request at a time, the second half from two concurrent clients.
 */
export async function measureRestIngest(
  client: Client,
  options: { events: number; customers: number },
): Promise<{
  sequential: Rate;
  concurrent: Rate;
  overall: Rate;
  rejected: number;
  firstRejection: string | null;
}> {
  const sizes = batchSizes(options.events);
  const half = Math.ceil(sizes.length / 2);
  const run = (batches: number[], concurrency: number) =>
    inClientThread({ kind: "ingest", client, batches, sizes, customers: options.customers, concurrency });
  const first = await run(
    sizes.slice(0, half).map((_, k) => k),
    1,
  );
  const second = await run(
    sizes.slice(half).map((_, k) => half + k),
    2,
  );
  const rate = (r: { events: number; seconds: number }): Rate => ({ ...r, perSecond: r.events / r.seconds });
  const total = first.events + second.events;
  const totalSeconds = first.seconds + second.seconds;
  return {
    sequential: rate(first),
    concurrent: rate(second),
    overall: { events: total, seconds: totalSeconds, perSecond: total / totalSeconds },
    rejected: first.rejected + second.rejected,
    firstRejection: first.firstRejection ?? second.firstRejection,
  };
}

async function bestOf(times: number, work: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, seconds(started));
  }
  return best;
}

/** (c) Full rollup rebuild against the same aggregates by plain GROUP BY; best of two runs each. */
export async function measureRebuild(
  db: Kysely<Database>,
  zone: string,
): Promise<{ fullRollupS: number; rawGroupByS: number }> {
  const rawGroupByS = await bestOf(2, () => rawRollupGroupBy(db, zone));
  const fullRollupS = await bestOf(2, () => rebuildRollups(db, { timeZone: zone }));
  return { fullRollupS, rawGroupByS };
}

/**
 * (d) 10,000 more events through one `ingestEvents` call, with the rollup phase as the warehouse
 * reports it: new activity (`nextDays`), or the worst case spread over the whole window (`WHOLE_WINDOW`).
 */
export async function measureIncremental(
  db: Kysely<Database>,
  options: { events: number; customers: number; span: Span; prefix: string },
): Promise<{
  events: number;
  accepted: number;
  rollupMs: number | null;
  totalMs: number;
  phases: Map<string, number>;
}> {
  const events = batchSizes(options.events).flatMap((size, k) =>
    eventBatch(k, size, options.customers, options.prefix, options.span),
  );
  const phases = new Map<string, number>();
  const ingestOptions: IngestOptions = {
    onTiming: (phase, ms) => phases.set(phase, (phases.get(phase) ?? 0) + ms),
  };
  const started = performance.now();
  const result = await ingestEvents(db, events, ingestOptions);
  const totalMs = performance.now() - started;
  // The whole rollup phase when reported as one, else the sum of its parts (rollup.lock, rollup.upsert…).
  const parts = [...phases].filter(([phase]) => phase.startsWith("rollup."));
  const rollupMs =
    phases.get("rollup") ?? (parts.length > 0 ? parts.reduce((sum, [, ms]) => sum + ms, 0) : null);
  return { events: events.length, accepted: result.accepted, rollupMs, totalMs, phases };
}

const monthStart = (offset: number) => {
  const d = new Date(WINDOW_START);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return d.toISOString().slice(0, 10);
};

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

type Series = { points: { period: string; value: number | null }[] };

/**
 * (e) 12-month revenue series of the sales department over HTTP from the client thread, the window
 * moving month by month, against the same series by GROUP BY on raw events (also used to check the
 * answers).
 */
export async function measureReads(
  client: Client,
  db: Kysely<Database>,
  options: { reads: number; rawReads: number; zone: string },
): Promise<{ p50: number; p95: number; rawP95: number; mismatches: number }> {
  const window = (i: number) => ({
    from: monthStart(i % 13),
    to: monthStart((i % 13) + 12),
    department: "sales",
  });
  const path = (i: number) => {
    const w = window(i);
    return `/metrics/revenue?from=${w.from}&to=${w.to}&grain=month&department=${w.department}`;
  };
  const measured = await inClientThread({
    kind: "reads",
    client,
    warmup: Array.from({ length: 5 }, (_, i) => path(i)),
    paths: Array.from({ length: options.reads }, (_, i) => path(i)),
    keep: 13,
  });
  const latencies = measured.latencies;
  const answers = new Map(measured.answers.map((answer, i) => [i, answer as Series]));

  const rawLatencies: number[] = [];
  let mismatches = 0;
  for (let i = 0; i < options.rawReads; i++) {
    const started = performance.now();
    const raw = await rawRevenueSeries(db, { ...window(i), zone: options.zone });
    rawLatencies.push(performance.now() - started);
    for (const point of answers.get(i)?.points ?? []) {
      if (Math.abs((point.value ?? 0) - (raw.get(point.period) ?? 0)) > 0.005) mismatches++;
    }
  }
  return {
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    rawP95: percentile(rawLatencies, 0.95),
    mismatches,
  };
}
