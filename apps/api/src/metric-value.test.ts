import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

describe.each(testDialects())("GET /metrics/{key}/value on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let admin: string;
  const get = (path: string) => restCall(running.url, "GET", path, { token: admin });

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token: admin } = await startSignedIn(database));
    const ingest = await restCall(running.url, "POST", "/customers", {
      token: admin,
      body: {
        customers: [
          { id: "c1", name: "One" },
          { id: "c2", name: "Two" },
        ],
      },
    });
    expect(ingest.status).toBe(200);
    const orders = ["2026-01-05", "2026-02-07", "2026-02-20"].map((day, i) => ({
      source: "test",
      id: `o${i}`,
      type: "order",
      customerId: i === 2 ? "c2" : "c1",
      occurredAt: `${day}T10:00:00Z`,
      amount: 10,
    }));
    const events = await restCall(running.url, "POST", "/events", { token: admin, body: { events: orders } });
    expect(events.status).toBe(200);
    expect(events.body.accepted).toBe(3);
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("counts distinct customers over the whole range once", async () => {
    const whole = await get("/metrics/active_customers/value?from=2026-01-01&to=2026-03-01");
    expect(whole.status).toBe(200);
    expect(whole.body).toEqual({
      metric: "active_customers",
      unit: "count",
      from: "2026-01-01",
      to: "2026-03-01",
      value: 2,
    });
    const months = await get("/metrics/active_customers?from=2026-01-01&to=2026-03-01&grain=month");
    expect(months.body.points.map((p: { value: number }) => p.value)).toEqual([1, 2]);
    // A range that is no whole period of any grain.
    const part = await get("/metrics/orders/value?from=2026-01-05&to=2026-02-08");
    expect(part.body.value).toBe(2);
  });

  it("answers 404 for an unknown metric and 400 naming the field for an empty range", async () => {
    expect((await get("/metrics/nope/value?from=2026-01-01&to=2026-02-01")).status).toBe(404);
    const empty = await get("/metrics/orders/value?from=2026-02-01&to=2026-02-01");
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toMatch(/to/);
  });
});
