import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { analyzeIngestedTables } from "@retain/warehouse";

export type StatisticsKeeper = {
  /** Rows this server's ingest just wrote (events accepted, customers created or updated). */
  noteWrites: (rows: number) => void;
  close: () => Promise<void>;
};

/** For PostgreSQL: the server's autovacuum keeps the statistics. */
export const serverKeepsStatistics: StatisticsKeeper = { noteWrites: () => undefined, close: async () => undefined };

/**
 * Keeps the planner's statistics up with ingest on a database that does not do it itself: PGlite
 * has no autovacuum, and a planner that still believes the events table small picks plans that
 * cost raw-event metrics twice their time (docs/performance.md). When ingest has been quiet for
 * `quietMs` (so a bulk load is not slowed down) and events grew past autovacuum's own analyze
 * threshold since its last analyze (50 rows + 10 % of the rows then), the ingested tables are
 * analyzed.
 */
export function keepStatistics(
  db: Kysely<Database>,
  options: { quietMs?: number; onError?: (error: unknown) => void } = {},
): StatisticsKeeper {
  const quietMs = options.quietMs ?? 5_000;
  let pending = 0;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let closed = false;

  const analyzeIfDue = async () => {
    // How far events grew since its last analyze, by anyone (this server, `npm run import`, the
    // bench): its rows per page then times its pages now, as the planner itself estimates.
    const { rows } = await sql<{ reltuples: number; relpages: number; pages: string }>`
      select reltuples, relpages, pg_relation_size(oid) / current_setting('block_size')::int as pages
      from pg_class where oid = 'events'::regclass`.execute(db);
    const stats = rows[0];
    if (!stats) return;
    const analyzed = Number(stats.reltuples);
    const grown =
      analyzed < 0 || Number(stats.relpages) === 0
        ? pending // never analyzed (-1), or empty then: count what this server wrote
        : (analyzed / Number(stats.relpages)) * Number(stats.pages) - analyzed;
    if (grown <= 50 + 0.1 * Math.max(analyzed, 0)) return;
    const counted = pending;
    await analyzeIngestedTables(db);
    pending -= counted;
  };

  return {
    noteWrites(rows) {
      if (closed || rows <= 0) return;
      pending += rows;
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(analyzeIfDue).catch((error: unknown) => options.onError?.(error));
      }, quietMs);
      timer.unref();
    },
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
    },
  };
}
