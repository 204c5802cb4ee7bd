import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { startApp, type RunningApp } from "./app";
import { restCall, TEST_ADMIN } from "./rest-test-client";

/*
 * PGlite has no autovacuum: the server analyzes the ingested tables once ingest has been quiet and
 * events grew past autovacuum's threshold (50 rows + 10 % of the rows at the last analyze).
 */
describe("planner statistics on PGlite", () => {
  let running: RunningApp;
  let token: string;
  const QUIET_MS = 300;

  beforeAll(async () => {
    running = await startApp({
      port: 0,
      seed: "none",
      adminEmail: TEST_ADMIN.email,
      adminPassword: TEST_ADMIN.password,
      statisticsQuietMs: QUIET_MS,
    });
    token = (await restCall(running.url, "POST", "/auth/login", { body: TEST_ADMIN })).body.token;
  });
  afterAll(async () => {
    await running?.close();
  });

  const eventsFrom = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => ({
      id: `e-${from + i}`,
      type: "praise",
      customerId: `c-${(from + i) % 7}`,
      occurredAt: "2026-05-04T10:00:00Z",
    }));
  const ingest = async (events: unknown[]) => {
    const answer = await restCall(running.url, "POST", "/events", { token, body: { events } });
    expect(answer.status).toBe(200);
    expect(answer.body.accepted).toBe(events.length);
  };
  const analyzedEvents = async () => {
    const { rows } = await sql<{ reltuples: number }>`
      select reltuples from pg_class where oid = 'events'::regclass`.execute(running.database.db);
    return Number(rows[0]?.reltuples);
  };
  const quiet = () => new Promise((resolve) => setTimeout(resolve, QUIET_MS * 4));

  it("leaves a few rows alone, analyzes once ingest is quiet and the writes pass the threshold", async () => {
    expect(await analyzedEvents()).toBe(-1);
    await ingest(eventsFrom(0, 40));
    await quiet();
    expect(await analyzedEvents()).toBe(-1);

    // 40 + 200 rows written: over 50 + 10 % of nothing.
    await ingest(eventsFrom(40, 200));
    await quiet();
    expect(await analyzedEvents()).toBe(240);

    // Now the threshold is 50 + 24 rows, measured as the planner estimates (rows per page × pages).
    await ingest(eventsFrom(240, 10));
    await quiet();
    expect(await analyzedEvents()).toBe(240);
    await ingest(eventsFrom(250, 300));
    await quiet();
    expect(await analyzedEvents()).toBe(550);
  });

  it("does not analyze while ingest goes on", async () => {
    const before = await analyzedEvents();
    for (let k = 0; k < 4; k++) {
      await ingest(eventsFrom(1_000 + k * 100, 100));
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS / 6));
    }
    expect(await analyzedEvents()).toBe(before);
    await quiet();
    expect(await analyzedEvents()).toBe(before + 400);
  });
});
