import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * The §8 settings over REST: PATCH /settings sets the pyramid's cut-offs and the on-time payment
 * threshold, the customer reads use them at once (today's standings are recomputed), and every
 * refusal names its field.
 *
 * Ten large customers c01 … c10 ordered 1000.00, 900.00, … 100.00 two days ago (dates from the
 * clock, so the test holds on any day). c01 made five payments due ten days ago, four on time and
 * one late: an on-time rate of 80 %.
 */

const DAY = 86_400_000;

describe.each(testDialects())("the §8 settings over REST on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let token: string;

  const call = (method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token, body });
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call(method, path, body);
    expect({ path, status: res.status, body: res.status >= 300 ? res.body : undefined }).toMatchObject({
      path,
      status: 200,
    });
    return res.body;
  };
  const counts = async () => {
    const pyramid = await ok("GET", "/customers/pyramid");
    return Object.fromEntries(
      pyramid.segments.map((s: { segment: string; customers: number }) => [s.segment, s.customers]),
    );
  };
  const segmentIds = async (segment: string) =>
    (await ok("GET", `/customers?segment=${segment}&sort=id`)).customers.map((c: { id: string }) => c.id);
  const settingsAudits = async () => (await ok("GET", "/audit?entityType=settings&limit=500")).items;
  /** A refused PATCH: 400, the fields named in the details, the settings as they were. */
  const refused = async (body: Record<string, unknown>, fields: string[], message: RegExp) => {
    const before = await ok("GET", "/settings");
    const audits = (await settingsAudits()).length;
    const res = await call("PATCH", "/settings", body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([...fields].sort());
    for (const detail of res.body.error.details) expect(detail.message).toMatch(message);
    expect(await ok("GET", "/settings")).toEqual(before);
    expect(await settingsAudits()).toHaveLength(audits);
    return res.body.error;
  };

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    token = started.token;
    const ids = Array.from({ length: 10 }, (_, i) => `c${String(i + 1).padStart(2, "0")}`);
    await ok("POST", "/customers", {
      customers: ids.map((id) => ({ id, name: `Customer ${id}`, size: "large" })),
    });
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString();
    const due = at(10);
    await ok("POST", "/events", {
      events: [
        ...ids.map((id, i) => ({
          id: `o-${id}`,
          type: "order",
          customerId: id,
          occurredAt: at(2),
          amount: `${(10 - i) * 100}.00`,
        })),
        ...[12, 11.5, 11, 10.5].map((daysAgo, i) => ({
          id: `p${i}`,
          type: "payment",
          customerId: "c01",
          occurredAt: at(daysAgo),
          dueAt: due,
          amount: "10",
        })),
        { id: "p-late", type: "payment", customerId: "c01", occurredAt: at(5), dueAt: due, amount: "10" },
      ],
    });
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("reads the SPEC's defaults: 1 / 5 / 20 and 90", async () => {
    expect(await ok("GET", "/settings")).toMatchObject({
      pyramidTopPercent: 1,
      pyramidBigPercent: 5,
      pyramidMediumPercent: 20,
      onTimePaymentThreshold: 90,
    });
    // n = 10: top ceil(0.1) = 1, big ceil(0.5) = 1 (none beyond top), medium ceil(2) = 2.
    expect(await counts()).toEqual({ top: 1, big: 0, medium: 1, small: 8, inactive: 0, prospect: 0 });
    const c01 = await ok("GET", "/customers/c01");
    expect(c01.creditPolicy).toEqual({ policy: "strict", record: "poor", onTimeRate: 80, payments: 5 });
    expect(c01.problems).toEqual(["late_payments"]);
  });

  it("new cut-offs change the segments at once, decimals kept exactly, with one audit record", async () => {
    const audits = (await settingsAudits()).length;
    // Top 10 % is above the stored big 5 %: the order is checked on the values after the change.
    const saved = await ok("PATCH", "/settings", {
      pyramidTopPercent: 10,
      pyramidBigPercent: 30,
      pyramidMediumPercent: 50.5,
    });
    expect(saved).toMatchObject({
      pyramidTopPercent: 10,
      pyramidBigPercent: 30,
      pyramidMediumPercent: 50.5,
      onTimePaymentThreshold: 90,
    });
    expect(await ok("GET", "/settings")).toEqual(saved);
    // top ceil(1) = 1, big ceil(3) = 3, medium ceil(5.05) = 6 (not 5: the half percent counts).
    expect(await counts()).toEqual({ top: 1, big: 2, medium: 3, small: 4, inactive: 0, prospect: 0 });
    expect(await segmentIds("big")).toEqual(["c02", "c03"]);
    expect(await segmentIds("medium")).toEqual(["c04", "c05", "c06"]);
    expect(await segmentIds("small")).toEqual(["c07", "c08", "c09", "c10"]);
    expect((await ok("GET", "/customers/c05")).segment).toBe("medium");

    const records = await settingsAudits();
    expect(records).toHaveLength(audits + 1);
    expect(records[0]).toMatchObject({
      action: "settings.update",
      before: { pyramidTopPercent: 1, pyramidBigPercent: 5, pyramidMediumPercent: 20 },
      after: { pyramidTopPercent: 10, pyramidBigPercent: 30, pyramidMediumPercent: 50.5 },
    });
    // The same values again change nothing and record nothing.
    await ok("PATCH", "/settings", { pyramidTopPercent: 10 });
    expect(await settingsAudits()).toHaveLength(audits + 1);

    // Equal cut-offs are allowed: everything ranked is top.
    await ok("PATCH", "/settings", {
      pyramidTopPercent: 100,
      pyramidBigPercent: 100,
      pyramidMediumPercent: 100,
    });
    expect(await counts()).toEqual({ top: 10, big: 0, medium: 0, small: 0, inactive: 0, prospect: 0 });
  });

  it("the on-time threshold changes the credit policy, the record and the problems at once", async () => {
    await ok("PATCH", "/settings", { onTimePaymentThreshold: 80 });
    const good = await ok("GET", "/customers/c01");
    expect(good.creditPolicy).toEqual({
      policy: "preferential",
      record: "good",
      onTimeRate: 80,
      payments: 5,
    });
    expect(good.problems).toEqual([]);
    expect(good.creditPolicyHistory.map((h: { from: string | null; to: string }) => [h.from, h.to])).toEqual([
      [null, "strict"],
      ["strict", "preferential"],
    ]);
    expect(
      (await ok("GET", "/customers?creditPolicy=preferential")).customers.map((c: { id: string }) => c.id),
    ).toEqual(["c01"]);
    expect((await ok("GET", "/customers/problems")).customers).toEqual([]);

    // 80.01 %: 4 of 5 on time is below it again.
    await ok("PATCH", "/settings", { onTimePaymentThreshold: 80.01 });
    const poor = await ok("GET", "/customers/c01");
    expect(poor.creditPolicy).toMatchObject({ policy: "strict", record: "poor" });
    expect((await ok("GET", "/customers/problems")).customers).toEqual([
      { customerId: "c01", reasons: ["late_payments"] },
    ]);
  });

  it("refuses a value out of range or with more than 2 decimals, naming the field, never rounding", async () => {
    await ok("PATCH", "/settings", {
      pyramidTopPercent: 1,
      pyramidBigPercent: 5,
      pyramidMediumPercent: 20,
      onTimePaymentThreshold: 90,
    });
    await refused({ pyramidTopPercent: 1.005 }, ["pyramidTopPercent"], /at most 2 decimals/);
    await refused({ onTimePaymentThreshold: 89.999 }, ["onTimePaymentThreshold"], /at most 2 decimals/);
    await refused({ pyramidMediumPercent: 0 }, ["pyramidMediumPercent"], /more than 0/);
    await refused({ pyramidTopPercent: -1 }, ["pyramidTopPercent"], /more than 0/);
    await refused({ onTimePaymentThreshold: 100.01 }, ["onTimePaymentThreshold"], /at most 100/);
    await refused({ pyramidBigPercent: "5" }, ["pyramidBigPercent"], /number/);
    await refused({ onTimePaymentThreshold: null }, ["onTimePaymentThreshold"], /number/);
    // Several wrong fields: each named.
    await refused(
      { pyramidTopPercent: 0.001, onTimePaymentThreshold: 101 },
      ["pyramidTopPercent", "onTimePaymentThreshold"],
      /decimals|at most 100/,
    );
    // The bounds themselves and 2 decimals are taken.
    await ok("PATCH", "/settings", { pyramidTopPercent: 0.01, onTimePaymentThreshold: 100 });
    expect(await ok("GET", "/settings")).toMatchObject({
      pyramidTopPercent: 0.01,
      onTimePaymentThreshold: 100,
    });
  });

  it("refuses cut-offs out of order, naming the changed field and the rule", async () => {
    await ok("PATCH", "/settings", { pyramidTopPercent: 1, pyramidBigPercent: 5, pyramidMediumPercent: 20 });
    const top = await refused(
      { pyramidTopPercent: 6 },
      ["pyramidTopPercent"],
      /at most pyramidBigPercent \(5\).*top ≤ big ≤ medium/,
    );
    expect(top.message).toContain("pyramidTopPercent");
    await refused(
      { pyramidBigPercent: 0.5 },
      ["pyramidBigPercent"],
      /at least pyramidTopPercent \(1\).*top ≤ big ≤ medium/,
    );
    await refused({ pyramidBigPercent: 20.01 }, ["pyramidBigPercent"], /at most pyramidMediumPercent \(20\)/);
    await refused(
      { pyramidMediumPercent: 4.99 },
      ["pyramidMediumPercent"],
      /at least pyramidBigPercent \(5\)/,
    );
    // Both sides of a broken pair changed: both named.
    await refused(
      { pyramidTopPercent: 15, pyramidBigPercent: 10 },
      ["pyramidTopPercent", "pyramidBigPercent"],
      /top ≤ big ≤ medium/,
    );
    // A wrong value and a wrong order in one request: the value's error first, nothing saved.
    await refused({ pyramidTopPercent: 6.001 }, ["pyramidTopPercent"], /at most 2 decimals/);
    expect(await counts()).toEqual({ top: 1, big: 0, medium: 1, small: 8, inactive: 0, prospect: 0 });
  });
});
