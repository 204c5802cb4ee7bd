import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { rebuildRollups } from "@retain/warehouse";
import type { RunningApp } from "./app";
import { restCall, startSignedIn, TEST_ADMIN } from "./rest-test-client";

const ADMIN = TEST_ADMIN;

/*
 * Reads keep settings and zone arithmetic (local midnights, valid zones) in memory: a changed
 * setting, and a signed-out session, must still show on the very next read.
 */
describe.each(testDialects())("metric reads over REST on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let token: string;

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    restCall(running.url, method, path, options);
  const revenue = async (from: string, to: string, grain = "month") => {
    const res = await call("GET", `/metrics/revenue?from=${from}&to=${to}&grain=${grain}`, { token });
    expect(res.status).toBe(200);
    return Object.fromEntries(
      (res.body.points as { period: string; value: number }[]).map((p) => [p.period, p.value]),
    );
  };
  const setZone = async (timeZone: string) => {
    const res = await call("PATCH", "/settings", { token, body: { timeZone } });
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe(timeZone);
  };

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token } = await startSignedIn(database));
    const events = [
      // 31 January in UTC, 1 February in Berlin (UTC+1) and in Auckland (UTC+13).
      { id: "o-1", type: "order", customerId: "c-1", occurredAt: "2026-01-31T23:30:00Z", amount: "10.00" },
      { id: "o-2", type: "order", customerId: "c-1", occurredAt: "2026-02-15T12:00:00Z", amount: "5.00" },
      // Sunday 1 March 2026 in UTC, Monday 2 March in Auckland.
      { id: "o-3", type: "order", customerId: "c-1", occurredAt: "2026-03-01T12:00:00Z", amount: "1.00" },
    ];
    const ingested = await call("POST", "/events", { token, body: { events } });
    expect(ingested.body).toMatchObject({ accepted: 3 });
    await rebuildRollups(database.db, { timeZone: "UTC" });
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("cuts the next read in a changed time zone, and back", async () => {
    const utc = { "2026-01": 10, "2026-02": 5, "2026-03": 1 };
    expect(await revenue("2026-01-01", "2026-04-01")).toEqual(utc);
    expect(await revenue("2026-02-23", "2026-03-03", "week")).toEqual({ "2026-W09": 1, "2026-W10": 0 });
    try {
      await setZone("Europe/Berlin");
      expect(await revenue("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 0,
        "2026-02": 15,
        "2026-03": 1,
      });
      await setZone("Pacific/Auckland");
      expect(await revenue("2026-02-23", "2026-03-03", "week")).toEqual({ "2026-W09": 0, "2026-W10": 1 });
      await setZone("UTC");
      expect(await revenue("2026-01-01", "2026-04-01")).toEqual(utc);
    } finally {
      await setZone("UTC");
    }
  });

  it("answers zeros for a range without rollup rows, from the rollups and from raw events alike", async () => {
    const empty = { "2030-01": 0, "2030-02": 0 };
    expect(await revenue("2030-01-01", "2030-03-01")).toEqual(empty);
    // Rollups cut in another zone than the settings: the read falls back to raw events.
    await rebuildRollups(database.db, { timeZone: "Europe/Berlin" });
    try {
      expect(await revenue("2030-01-01", "2030-03-01")).toEqual(empty);
      expect(await revenue("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 10,
        "2026-02": 5,
        "2026-03": 1,
      });
    } finally {
      await rebuildRollups(database.db, { timeZone: "UTC" });
    }
  });

  it("refuses a read with a signed-out session right away", async () => {
    const other = (await call("POST", "/auth/login", { body: ADMIN })).body.token as string;
    const path = "/metrics/revenue?from=2026-01-01&to=2026-02-01&grain=month";
    expect((await call("GET", path, { token: other })).status).toBe(200);
    expect((await call("POST", "/auth/logout", { token: other })).status).toBe(200);
    expect((await call("GET", path, { token: other })).status).toBe(401);
  });
});
