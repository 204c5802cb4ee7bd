import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { departmentScorecard } from "@retain/goals";
import { listMetrics } from "@retain/metrics";
import { inClientThread } from "./client-thread";
import { call, type Client } from "./http-client";
import { percentile } from "./phases";

/** The quarter and the year the scorecards and breakdowns read: the end of the bench's window. */
export const SCORECARD_PERIOD = "2025-Q4";
const GOALS_PER_DEPARTMENT = 12;

const targetOf = (unit: string) => (unit === "percent" ? 50 : unit === "score" ? 10 : 100);

/**
 * (f) Scorecards: 12 goals in each department on a rotating choice of the catalog's metrics, then
 * the department scorecard over HTTP (every department in turn) against the same scorecard read from
 * raw events in-process, the company scorecard, and a breakdown of a year's revenue by customer.
 * `mismatches` counts goals whose HTTP actual differs from the raw one.
 */
export async function measureScorecards(
  client: Client,
  db: Kysely<Database>,
  options: { reads: number; rawReads: number; zone: string },
): Promise<{
  p95: number;
  rawP95: number;
  companyP95: number;
  breakdownP95: number;
  goals: number;
  mismatches: number;
}> {
  const departments = (await db.selectFrom("departments").select("key").orderBy("key").execute()).map(
    (d) => d.key,
  );
  const metrics = listMetrics();
  let goals = 0;
  for (const [d, department] of departments.entries()) {
    for (let j = 0; j < GOALS_PER_DEPARTMENT; j++) {
      const metric = metrics[(d * 3 + j) % metrics.length]!;
      await call(client, "POST", "/goals", {
        department,
        metric: metric.key,
        period: SCORECARD_PERIOD,
        target: targetOf(metric.unit),
        weight: 1 + (j % 3),
      });
      goals++;
    }
  }
  const path = (i: number) => `/scorecards/${departments[i % departments.length]}?period=${SCORECARD_PERIOD}`;
  const measured = await inClientThread({
    kind: "reads",
    client,
    warmup: departments.map((_, i) => path(i)),
    paths: Array.from({ length: options.reads }, (_, i) => path(i)),
    keep: departments.length,
  });
  const answers = measured.answers as { goals: { id: string; actual: number | null }[] }[];

  const settings = { timeZone: options.zone, churnDays: 180, complaintSlaHours: 24 };
  const rawLatencies: number[] = [];
  let mismatches = 0;
  for (let i = 0; i < options.rawReads; i++) {
    const started = performance.now();
    const raw = await departmentScorecard(
      db,
      departments[i % departments.length]!,
      SCORECARD_PERIOD,
      settings,
      new Date(),
      {
        rollups: false,
      },
    );
    rawLatencies.push(performance.now() - started);
    const served = new Map((answers[i % departments.length]?.goals ?? []).map((g) => [g.id, g.actual]));
    for (const goal of raw.goals) if (served.get(goal.id) !== goal.actual) mismatches++;
  }

  const company = await inClientThread({
    kind: "reads",
    client,
    warmup: [`/scorecards?period=${SCORECARD_PERIOD}`],
    paths: Array.from(
      { length: Math.max(10, Math.round(options.reads / 4)) },
      () => `/scorecards?period=${SCORECARD_PERIOD}`,
    ),
    keep: 0,
  });
  const breakdownPath = "/metrics/revenue/breakdown?from=2025-01-01&to=2026-01-01&by=customer&limit=20";
  const breakdown = await inClientThread({
    kind: "reads",
    client,
    warmup: [breakdownPath],
    paths: Array.from({ length: Math.max(10, Math.round(options.reads / 4)) }, () => breakdownPath),
    keep: 0,
  });
  return {
    p95: percentile(measured.latencies, 0.95),
    rawP95: percentile(rawLatencies, 0.95),
    companyP95: percentile(company.latencies, 0.95),
    breakdownP95: percentile(breakdown.latencies, 0.95),
    goals,
    mismatches,
  };
}
