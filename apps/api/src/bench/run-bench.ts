import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { startApp, type RunningApp } from "../app";
import { benchCustomers, managerEmail, nextDays, WHOLE_WINDOW, type Span } from "./generate";
import { call, type Client } from "./http-client";
import {
  BATCH,
  measureCopy,
  measureIncremental,
  measureReads,
  measureRebuild,
  measureRestIngest,
} from "./phases";
import { measureAccounts } from "./accounts";
import { measureScorecards } from "./scorecards";
import { openScratchDatabase } from "./scratch-database";

export type BenchOptions = {
  events: number;
  /** PostgreSQL server to create the scratch database on; PGlite without. */
  databaseUrl?: string;
  /** PGlite in memory instead of a temporary directory. */
  memory?: boolean;
  /** Customers the events are spread over (default 100,000: a few busy ones, a long tail of small ones). */
  customers?: number;
  managers?: number;
  incrementalEvents?: number;
  /** How many times (d) folds new events, one batch after the other; the median is reported. */
  incrementalSamples?: number;
  reads?: number;
  rawReads?: number;
  /** Department scorecards read over HTTP in (f); default `reads`. */
  scorecardReads?: number;
  log?: (line: string) => void;
};

/** The figures of one run; the first twelve fields are the bench's `--json` contract (docs/performance.md). */
export type BenchResult = {
  database: "postgres" | "pglite";
  events: number;
  copy_rows_per_s: number;
  ingest_events_per_s: number;
  full_rollup_s: number;
  raw_groupby_s: number;
  incremental_events: number;
  incremental_rollup_ms: number | null;
  read_p50_ms: number;
  read_p95_ms: number;
  raw_read_p95_ms: number;
  rss_mb: number;
  ingest_sequential_events_per_s: number;
  ingest_concurrent_events_per_s: number;
  ingest_rejected: number;
  incremental_total_ms: number;
  /** Every sample of (d) for new events, in order; `incremental_rollup_ms` is their median. */
  incremental_rollup_samples_ms: (number | null)[];
  /** The same for 10,000 events spread over the whole window: every batch touches every day. */
  incremental_spread_rollup_ms: number | null;
  incremental_spread_total_ms: number;
  read_mismatches: number;
  /** (f) department scorecard (8 departments × 12 goals) over HTTP, and the same from raw events. */
  scorecard_p95_ms: number;
  scorecard_raw_p95_ms: number;
  company_scorecard_p95_ms: number;
  /** A year's revenue by customer. */
  breakdown_p95_ms: number;
  scorecard_goals: number;
  scorecard_mismatches: number;
  /** (g) §8 reads for a date over HTTP, the naive pyramid over raw events, the registry searched, proposals for 10,000. */
  pyramid_p95_ms: number;
  pyramid_raw_p95_ms: number;
  problems_p95_ms: number;
  value_changes_p95_ms: number;
  customer_search_p95_ms: number;
  proposals_10k_ms: number;
  /** Customers the events were spread over (`--customers`). */
  customers: number;
  seconds: number;
};

const ZONE = "UTC";

/** The middle value (the mean of the two middle ones for an even count); null when any is null. */
export function median(values: readonly (number | null)[]): number | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const sorted = [...(values as number[])].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const customers = options.customers ?? 100_000;
  const managers = options.managers ?? 10;
  const scratch = await openScratchDatabase({ databaseUrl: options.databaseUrl, memory: options.memory });
  const { db, kind, location } = scratch.handle;
  let running: RunningApp | undefined;
  try {
    log(`database: ${kind} ${location}`);
    const admin = { email: "bench-admin@example.com", password: randomBytes(12).toString("base64url") };
    running = await startApp({
      database: scratch.handle,
      port: 0,
      seed: "none",
      adminEmail: admin.email,
      adminPassword: admin.password,
      timeZone: ZONE,
      logLevel: "warn",
    });
    const { token } = await call<{ token: string }>({ url: running.url }, "POST", "/auth/login", admin);
    const client: Client = { url: running.url, token };
    for (let n = 0; n < managers; n++) {
      const user = {
        email: managerEmail(n),
        name: `Bench manager ${n}`,
        password: admin.password,
        role: "account_manager",
      };
      await call(client, "POST", "/users", user);
    }
    const people = benchCustomers(customers, managers);
    for (let i = 0; i < people.length; i += BATCH)
      await call(client, "POST", "/customers", { customers: people.slice(i, i + BATCH) });
    const managerRows = await db.selectFrom("customers").select(["id", "account_manager_id"]).execute();
    const managerOf = new Map(managerRows.map((r) => [r.id, r.account_manager_id]));
    log(`set up ${customers.toLocaleString("en-US")} customers and ${managers} account managers`);

    const copy = await measureCopy(scratch.handle, {
      events: options.events,
      customers,
      managerOf: (id) => managerOf.get(id) ?? null,
    });
    log(`(a) physical reference: ${copy.rows.toLocaleString("en-US")} rows in ${copy.seconds.toFixed(1)} s`);

    const ingest = await measureRestIngest(client, { events: options.events, customers });
    log(
      `(b) REST ingest: ${ingest.overall.events.toLocaleString("en-US")} events in ${ingest.overall.seconds.toFixed(1)} s, ${ingest.rejected} rejected${ingest.firstRejection ? ` (first: ${ingest.firstRejection})` : ""}`,
    );
    // What autovacuum would do after a bulk load; both the rollups and the baselines profit alike.
    await sql`analyze`.execute(db);

    const rebuild = await measureRebuild(db, ZONE);
    log(
      `(c) full rollup rebuild: ${rebuild.fullRollupS.toFixed(2)} s, raw GROUP BY ${rebuild.rawGroupByS.toFixed(2)} s`,
    );

    const incrementalOf = async (label: string, span: Span, prefix: string) => {
      const run = await measureIncremental(db, {
        events: options.incrementalEvents ?? 10_000,
        customers,
        span,
        prefix,
      });
      // A batch that was partly refused would fold less than it claims to measure.
      if (run.accepted !== run.events)
        throw new Error(`(d) ${label}: ${run.accepted} of ${run.events} events accepted`);
      log(
        `(d) incremental, ${label}: ${run.accepted.toLocaleString("en-US")} events accepted in ${run.totalMs.toFixed(0)} ms, rollup ${run.rollupMs === null ? "n/a" : `${run.rollupMs.toFixed(0)} ms`} (${[...run.phases].map(([phase, ms]) => `${phase} ${ms.toFixed(0)}`).join(", ")})`,
      );
      return run;
    };
    // Several batches of new activity, one after the other, as a CRM receives them: one sample
    // on a shared two-core machine says more about the machine's moment than about the fold.
    const samples = options.incrementalSamples ?? 5;
    const increments = [];
    for (let i = 0; i < samples; i++)
      increments.push(await incrementalOf(`the next days, ${i + 1} of ${samples}`, nextDays(i), `inc${i}.`));
    const incremental = {
      events: increments[0]?.events ?? 0,
      rollupMs: median(increments.map((run) => run.rollupMs)),
      totalMs: median(increments.map((run) => run.totalMs)) ?? 0,
    };
    const spread = await incrementalOf("spread over the 24 months", WHOLE_WINDOW, "spr");

    const reads = await measureReads(client, db, {
      reads: options.reads ?? 200,
      rawReads: options.rawReads ?? 20,
      zone: ZONE,
    });
    log(
      `(e) reads: p50 ${reads.p50.toFixed(1)} ms, p95 ${reads.p95.toFixed(1)} ms, raw p95 ${reads.rawP95.toFixed(1)} ms, ${reads.mismatches} mismatches`,
    );

    const scorecards = await measureScorecards(client, db, {
      reads: options.scorecardReads ?? options.reads ?? 200,
      rawReads: options.rawReads ?? 20,
      zone: ZONE,
    });
    log(
      `(f) scorecards: department p95 ${scorecards.p95.toFixed(1)} ms (raw ${scorecards.rawP95.toFixed(1)} ms), company p95 ${scorecards.companyP95.toFixed(1)} ms, breakdown p95 ${scorecards.breakdownP95.toFixed(1)} ms, ${scorecards.mismatches} mismatches`,
    );

    const accounts = await measureAccounts(client, db, {
      reads: options.reads ?? 200,
      rawReads: options.rawReads ?? 20,
    });
    log(
      `(g) accounts: pyramid p95 ${accounts.pyramidP95.toFixed(1)} ms (raw ${accounts.pyramidRawP95.toFixed(1)} ms), problems p95 ${accounts.problemsP95.toFixed(1)} ms, value changes p95 ${accounts.valueChangesP95.toFixed(1)} ms, search p95 ${accounts.searchP95.toFixed(1)} ms, proposals for 10,000 ${accounts.proposalsMs.toFixed(0)} ms`,
    );

    return {
      database: kind,
      events: options.events,
      copy_rows_per_s: round(copy.rows / copy.seconds),
      ingest_events_per_s: round(ingest.overall.perSecond),
      full_rollup_s: round(rebuild.fullRollupS, 3),
      raw_groupby_s: round(rebuild.rawGroupByS, 3),
      incremental_events: incremental.events,
      incremental_rollup_ms: incremental.rollupMs === null ? null : round(incremental.rollupMs, 1),
      read_p50_ms: round(reads.p50, 2),
      read_p95_ms: round(reads.p95, 2),
      raw_read_p95_ms: round(reads.rawP95, 2),
      rss_mb: round(process.resourceUsage().maxRSS / 1024),
      ingest_sequential_events_per_s: round(ingest.sequential.perSecond),
      ingest_concurrent_events_per_s: round(ingest.concurrent.perSecond),
      ingest_rejected: ingest.rejected,
      incremental_total_ms: round(incremental.totalMs, 1),
      incremental_rollup_samples_ms: increments.map((run) =>
        run.rollupMs === null ? null : round(run.rollupMs, 1),
      ),
      incremental_spread_rollup_ms: spread.rollupMs === null ? null : round(spread.rollupMs, 1),
      incremental_spread_total_ms: round(spread.totalMs, 1),
      read_mismatches: reads.mismatches,
      scorecard_p95_ms: round(scorecards.p95, 2),
      scorecard_raw_p95_ms: round(scorecards.rawP95, 2),
      company_scorecard_p95_ms: round(scorecards.companyP95, 2),
      breakdown_p95_ms: round(scorecards.breakdownP95, 2),
      scorecard_goals: scorecards.goals,
      scorecard_mismatches: scorecards.mismatches,
      pyramid_p95_ms: round(accounts.pyramidP95, 2),
      pyramid_raw_p95_ms: round(accounts.pyramidRawP95, 2),
      problems_p95_ms: round(accounts.problemsP95, 2),
      value_changes_p95_ms: round(accounts.valueChangesP95, 2),
      customer_search_p95_ms: round(accounts.searchP95, 2),
      proposals_10k_ms: round(accounts.proposalsMs, 1),
      customers,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  } finally {
    await running?.close();
    await scratch.drop();
  }
}
