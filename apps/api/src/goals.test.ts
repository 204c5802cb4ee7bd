import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * Goals, scorecards, the bill of rights and the drill-down over REST, on a small hand-made data set
 * of 2026-Q1 (UTC), a finished period. Expected numbers are worked out by hand beside the data.
 *
 * Orders (sales unless said): c1 100.10 (10 Jan), c1 200.20 (10 Feb), c2 50.05 (15 Feb), c3 10.01
 * (1 Mar), c1 40.00 attributed to customer_service (10 Mar), c2 999.99 (20 Mar, voided 21 Mar).
 * Revenue: company 400.36, sales 360.36, customer_service 40.00; am1 (c1) 340.30, of it 300.30 in
 * sales; am2 (c2) 50.05; c3 has no manager. Orders: sales 4, company 5.
 * Complaints (customer_service): c1 5 Jan resolved after 10 h, c2 5 Feb resolved after 30 h, c2 5 Mar
 * unresolved: 3 complaints, 1 within the 24 h SLA (33.33 %). One defect: defect rate company-wide
 * 100 × 1 ÷ 5 = 20 %, none for quality's own orders (no_data).
 */

const PASSWORD = "goal-tests-password";
const Q1 = { from: "2026-01-01", to: "2026-04-01" };
/** A quarter still ahead whatever day the tests run: the first of next year. */
const FUTURE = `${new Date().getUTCFullYear() + 1}-Q1`;

describe.each(testDialects())("goals over REST on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<string, string>();

  const call = (who: string, method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token: tokens.get(who), body });
  const ok = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, method, path, body);
    expect({ path, status: res.status, body: res.status >= 300 ? res.body : undefined }).toMatchObject({
      path,
      status: method === "POST" && path === "/goals" ? 201 : 200,
    });
    return res.body;
  };
  const goal = (body: Record<string, unknown>) =>
    ok("admin", "POST", "/goals", { period: "2026-Q1", ...body });
  const metricValue = async (key: string, query: string) => {
    const body = await ok(
      "admin",
      "GET",
      `/metrics/${key}?from=${Q1.from}&to=${Q1.to}&grain=quarter${query}`,
    );
    expect(body.points).toHaveLength(1);
    return body.points[0].value as number | null;
  };

  const ids: Record<string, string> = {};

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    tokens.set("admin", started.token);
    const users = [
      ["am1", "am1@example.com", "account_manager", "sales"],
      ["am2", "am2@example.com", "account_manager", "sales"],
      ["salesHead", "head.sales@example.com", "department_head", "sales"],
      ["serviceHead", "head.service@example.com", "department_head", "customer_service"],
      ["viewer", "viewer@example.com", "viewer", undefined],
    ] as const;
    for (const [who, email, role, department] of users) {
      await ok("admin", "POST", "/users", { email, name: who, password: PASSWORD, role, department });
      const login = await restCall(running.url, "POST", "/auth/login", {
        body: { email, password: PASSWORD },
      });
      tokens.set(who, login.body.token);
    }
    const key = await ok("admin", "POST", "/api-keys", { name: "reader", scopes: ["read"] });
    tokens.set("readKey", key.key);

    await ok("admin", "POST", "/customers", {
      customers: [
        { id: "c1", name: "Customer One", accountManager: "am1@example.com" },
        { id: "c2", name: "Customer Two", accountManager: "am2@example.com" },
        { id: "c3", name: "Customer Three" },
      ],
    });
    const ingested = await ok("admin", "POST", "/events", {
      events: [
        { id: "o1", type: "order", customerId: "c1", occurredAt: "2026-01-10T09:00:00Z", amount: "100.10" },
        { id: "o2", type: "order", customerId: "c1", occurredAt: "2026-02-10T09:00:00Z", amount: "200.20" },
        { id: "o3", type: "order", customerId: "c2", occurredAt: "2026-02-15T09:00:00Z", amount: "50.05" },
        { id: "o4", type: "order", customerId: "c3", occurredAt: "2026-03-01T09:00:00Z", amount: "10.01" },
        {
          id: "o5",
          type: "order",
          customerId: "c1",
          occurredAt: "2026-03-10T09:00:00Z",
          amount: "40.00",
          department: "customer_service",
        },
        { id: "o6", type: "order", customerId: "c2", occurredAt: "2026-03-20T09:00:00Z", amount: "999.99" },
        { id: "v6", type: "void", customerId: "c2", occurredAt: "2026-03-21T09:00:00Z", refId: "o6" },
        { id: "k1", type: "complaint", customerId: "c1", occurredAt: "2026-01-05T08:00:00Z" },
        {
          id: "r1",
          type: "complaint_resolved",
          customerId: "c1",
          occurredAt: "2026-01-05T18:00:00Z",
          refId: "k1",
        },
        { id: "k2", type: "complaint", customerId: "c2", occurredAt: "2026-02-05T08:00:00Z" },
        {
          id: "r2",
          type: "complaint_resolved",
          customerId: "c2",
          occurredAt: "2026-02-06T14:00:00Z",
          refId: "k2",
        },
        { id: "k3", type: "complaint", customerId: "c2", occurredAt: "2026-03-05T08:00:00Z" },
        { id: "d1", type: "defect", customerId: "c3", occurredAt: "2026-03-02T08:00:00Z" },
      ],
    });
    expect(ingested).toMatchObject({ accepted: 13, rejected: [] });

    ids.revenue = (
      await goal({ department: "sales", metric: "revenue", target: 350, weight: 3, perspective: "financial" })
    ).id;
    ids.orders = (await goal({ department: "sales", metric: "orders", target: 5 })).id;
    ids.am1Revenue = (
      await goal({
        department: "sales",
        metric: "revenue",
        target: 400,
        filter: { accountManager: "am1@example.com" },
      })
    ).id;
    ids.complaints = (await goal({ department: "customer_service", metric: "complaints", target: 2 })).id;
    ids.sla = (
      await goal({
        department: "customer_service",
        metric: "complaints_within_sla_rate",
        target: 90,
        weight: 2,
        kind: "external",
        promise: "Every complaint is answered within 24 hours",
      })
    ).id;
    ids.defects = (
      await goal({ department: "quality", metric: "defect_rate", target: 25, scope: "company" })
    ).id;
    ids.ownDefects = (await goal({ department: "quality", metric: "defect_rate", target: 2 })).id;
    ids.future = (await goal({ department: "sales", metric: "orders", period: FUTURE, target: 10 })).id;
    ids.proposal = (
      await ok("salesHead", "POST", "/goals", {
        department: "sales",
        metric: "orders",
        period: "2026-Q1",
        target: 100,
      })
    ).id;
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("reads each goal's actual exactly as GET /metrics/{key} answers for its period, scope and filter", async () => {
    const sales = await ok("admin", "GET", "/scorecards/sales?period=2026-Q1");
    const service = await ok("admin", "GET", "/scorecards/customer_service?period=2026-Q1");
    const quality = await ok("admin", "GET", "/scorecards/quality?period=2026-Q1");
    const byId = new Map<string, { actual: number | null }>(
      [...sales.goals, ...service.goals, ...quality.goals].map((g: { id: string; actual: number | null }) => [
        g.id,
        g,
      ]),
    );
    const expectations: [string, string, string, number | null][] = [
      [ids.revenue!, "revenue", "&department=sales", 360.36],
      [ids.orders!, "orders", "&department=sales", 4],
      [ids.am1Revenue!, "revenue", "&department=sales&accountManager=am1@example.com", 300.3],
      [ids.complaints!, "complaints", "&department=customer_service", 3],
      [ids.sla!, "complaints_within_sla_rate", "&department=customer_service", 100 / 3],
      [ids.defects!, "defect_rate", "", 20],
      [ids.ownDefects!, "defect_rate", "&department=quality", null],
    ];
    for (const [id, metric, query, handWorked] of expectations) {
      const fromMetricRead = await metricValue(metric, query);
      expect({ metric, query, actual: byId.get(id)?.actual }).toEqual({
        metric,
        query,
        actual: fromMetricRead,
      });
      if (handWorked === null) expect(fromMetricRead).toBeNull();
      else expect(fromMetricRead).toBeCloseTo(handWorked, 9);
    }
  });

  it("scores departments and the company as SPEC §6 says", async () => {
    const sales = await ok("admin", "GET", "/scorecards/sales?period=2026-Q1");
    const statusOf = (id: string) => sales.goals.find((g: { id: string }) => g.id === id);
    expect(statusOf(ids.revenue!)).toMatchObject({
      status: "met",
      attainment: 1,
      expected: 350,
      forecast: 360.36,
      state: "active",
    });
    expect(statusOf(ids.orders!)).toMatchObject({ status: "missed", attainment: 0.8 });
    expect(statusOf(ids.am1Revenue!)).toMatchObject({ status: "missed", attainment: 0.75075 });
    // The head's proposal is listed, but not scored.
    expect(statusOf(ids.proposal!)).toMatchObject({ state: "proposed", status: "missed" });
    // 100 × (3 × 1 + 1 × 0.8 + 1 × 0.75075) ÷ 5
    expect(sales.score).toBeCloseTo(91.015, 4);

    const service = await ok("admin", "GET", "/scorecards/customer_service?period=2026-Q1");
    // lower is better: 2 ÷ 3; the SLA: (100 / 3) ÷ 90; 100 × (1 × 2/3 + 2 × 10/27) ÷ 3
    expect(service.score).toBeCloseTo((100 * (2 / 3 + (2 * 10) / 27)) / 3, 3);
    const quality = await ok("admin", "GET", "/scorecards/quality?period=2026-Q1");
    expect(quality.goals.map((g: { status: string }) => g.status).sort()).toEqual(["met", "no_data"]);
    expect(quality.score).toBe(100);

    const company = await ok("admin", "GET", "/scorecards?period=2026-Q1");
    const row = (key: string) =>
      company.departments.find((d: { department: string }) => d.department === key);
    expect(row("sales")).toMatchObject({ goals: 3, status: { met: 1, missed: 2, on_track: 0 } });
    expect(row("quality")).toMatchObject({ score: 100, goals: 2, status: { met: 1, no_data: 1 } });
    expect(row("marketing")).toMatchObject({ score: null, goals: 0 });
    expect(company.score).toBeCloseTo((sales.score + service.score + 100) / 3, 3);
  });

  it("judges a future period not_started, and a running one against the elapsed part of the target", async () => {
    const future = await ok("admin", "GET", `/scorecards/sales?period=${FUTURE}`);
    expect(future.goals).toEqual([
      expect.objectContaining({
        id: ids.future,
        status: "not_started",
        attainment: null,
        forecast: null,
        expected: 10,
      }),
    ]);
    expect(future.score).toBeNull();
    const now = new Date();
    const month = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
    await goal({ department: "hr", metric: "orders", period: month, target: 300, scope: "company" });
    const running = await ok("admin", "GET", `/scorecards/hr?period=${month}`);
    const [g] = running.goals;
    expect(g.elapsed).toBeGreaterThan(0);
    expect(g.elapsed).toBeLessThan(1);
    expect(g.expected).toBeCloseTo(300 * g.elapsed, 2);
    expect(g.actual).toBe(0);
    expect(g.status).toBe("off_track");
  });

  it("lists the active external goals as the bill of rights", async () => {
    const bill = await ok("viewer", "GET", "/bill-of-rights?period=2026-Q1");
    expect(bill.promises).toEqual([
      {
        goalId: ids.sla,
        department: "customer_service",
        promise: "Every complaint is answered within 24 hours",
        metric: "complaints_within_sla_rate",
        target: 90,
        actual: await metricValue("complaints_within_sla_rate", "&department=customer_service"),
        status: "missed",
      },
    ]);
  });

  it("breaks a metric down with totals equal to the metric read", async () => {
    const byCustomer = await ok(
      "admin",
      "GET",
      `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=customer`,
    );
    expect(byCustomer.total).toBe(await metricValue("revenue", ""));
    expect(byCustomer.rows).toEqual([
      { key: "c1", name: "Customer One", value: 340.3, share: 340.3 / 400.36 },
      { key: "c2", name: "Customer Two", value: 50.05, share: 50.05 / 400.36 },
      { key: "c3", name: "Customer Three", value: 10.01, share: 10.01 / 400.36 },
    ]);
    for (const row of byCustomer.rows)
      expect(row.value).toBe(await metricValue("revenue", `&customer=${row.key}`));

    const byDepartment = await ok(
      "admin",
      "GET",
      `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=department`,
    );
    expect(byDepartment.rows.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([
      ["sales", 360.36],
      ["customer_service", 40],
    ]);
    const byManager = await ok(
      "admin",
      "GET",
      `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=accountManager&department=sales`,
    );
    expect(byManager.total).toBe(360.36);
    expect(byManager.rows.map((r: { key: string | null; value: number }) => [r.key, r.value])).toEqual([
      ["am1@example.com", 300.3],
      ["am2@example.com", 50.05],
      [null, 10.01],
    ]);
    const rowSum =
      byManager.rows.reduce((sum: number, r: { value: number }) => sum + Math.round(r.value * 100), 0) / 100;
    expect(rowSum).toBe(byManager.total);

    // Not one whole period: an additive metric is summed day by day.
    const weeks = await ok(
      "admin",
      "GET",
      "/metrics/revenue/breakdown?from=2026-01-15&to=2026-02-20&by=customer",
    );
    expect(weeks.total).toBe(250.25);
    expect(weeks.rows.map((r: { key: string }) => r.key)).toEqual(["c1", "c2"]);

    // A rate, part by part: each row is the metric read with that customer; no share.
    const sla = await ok(
      "admin",
      "GET",
      `/metrics/complaints_within_sla_rate/breakdown?from=${Q1.from}&to=${Q1.to}&by=customer`,
    );
    expect(sla.total).toBe(await metricValue("complaints_within_sla_rate", ""));
    expect(sla.rows).toEqual([
      { key: "c1", name: "Customer One", value: 100, share: null },
      { key: "c2", name: "Customer Two", value: 0, share: null },
    ]);
    const limited = await ok(
      "admin",
      "GET",
      `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=customer&limit=1`,
    );
    expect(limited.rows).toHaveLength(1);
  });

  it("lists the raw events newest first, a page at a time, voided ones marked", async () => {
    const seen: { id: string; occurredAt: string; voided: boolean }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { events: { id: string; occurredAt: string; voided: boolean }[]; next: string | null } =
        await ok(
          "admin",
          "GET",
          `/events?customer=c2&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        );
      expect(page.events.length).toBeLessThanOrEqual(2);
      seen.push(...page.events);
      cursor = page.next;
      pages += 1;
    } while (cursor && pages < 10);
    expect(seen.map((e) => e.id)).toEqual(["v6", "o6", "k3", "o3", "r2", "k2"]);
    expect(seen.filter((e) => e.voided).map((e) => e.id)).toEqual(["o6"]);
    expect(pages).toBe(3);
    const sorted = [...seen].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
    expect(seen).toEqual(sorted);

    const orders = await ok("admin", "GET", `/events?type=order&from=2026-02-01&to=2026-03-01`);
    expect(orders.events.map((e: { id: string }) => e.id)).toEqual(["o3", "o2"]);
    expect(orders.next).toBeNull();
    const bad = await call("admin", "GET", "/events?cursor=not-a-cursor");
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe("cursor");
  });

  it("answers 400 naming the field for bad input", async () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      [
        "POST",
        "/goals",
        { department: "nowhere", metric: "orders", period: "2026-Q1", target: 1 },
        "department",
      ],
      [
        "POST",
        "/goals",
        { department: "sales", metric: "happiness", period: "2026-Q1", target: 1 },
        "metric",
      ],
      ["POST", "/goals", { department: "sales", metric: "orders", period: "2026-W02", target: 1 }, "period"],
      ["POST", "/goals", { department: "sales", metric: "orders", period: "2026-13", target: 1 }, "period"],
      ["POST", "/goals", { department: "sales", metric: "orders", period: "2026-Q1", target: -1 }, "target"],
      [
        "POST",
        "/goals",
        { department: "sales", metric: "revenue", period: "2026-Q1", target: -0.01 },
        "target",
      ],
      [
        "POST",
        "/goals",
        { department: "sales", metric: "win_rate", period: "2026-Q1", target: 101 },
        "target",
      ],
      ["POST", "/goals", { department: "sales", metric: "nps", period: "2026-Q1", target: -101 }, "target"],
      [
        "POST",
        "/goals",
        { department: "sales", metric: "orders", period: "2026-Q1", target: 1, weight: 0 },
        "weight",
      ],
      [
        "POST",
        "/goals",
        { department: "sales", metric: "orders", period: "2026-Q1", target: 1, kind: "external" },
        "promise",
      ],
      [
        "POST",
        "/goals",
        {
          department: "sales",
          metric: "orders",
          period: "2026-Q1",
          target: 1,
          filter: { accountManager: "nobody@example.com" },
        },
        "filter.accountManager",
      ],
      ["POST", "/goals", { department: "sales", metric: "orders", period: "2026-Q1" }, "target"],
      ["POST", "/goals/copy", { from: "2026-Q1", to: "2026-05" }, "to"],
      ["PATCH", `/goals/${ids.orders}`, { target: 2.5 }, "target"],
      ["PATCH", `/goals/${ids.orders}`, { kind: "external" }, "promise"],
    ];
    for (const [method, path, body, field] of cases) {
      const res = await call("admin", method, path, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect({ body, fields: res.body.error.details.map((d: { field: string }) => d.field) }).toEqual({
        body,
        fields: [field],
      });
    }
    for (const [path, field] of [
      ["/scorecards/sales?period=2026-13", "period"],
      ["/scorecards/nowhere?period=2026-Q1", "department"],
      ["/scorecards?period=2026-W01", "period"],
      ["/bill-of-rights?period=26", "period"],
      [`/metrics/csat/breakdown?from=2026-01-15&to=2026-02-20&by=customer`, "to"],
    ] as const) {
      const res = await call("admin", "GET", path);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(res.body.error.details[0].field).toBe(field);
    }
  });

  it("answers 404 for an unknown goal and 409 to accept what is not proposed", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const [method, path] of [
      ["PATCH", `/goals/${missing}`],
      ["DELETE", `/goals/${missing}`],
      ["POST", `/goals/${missing}/accept`],
      ["POST", "/goals/not-a-uuid/decline"],
    ] as const) {
      expect((await call("admin", method, path, method === "PATCH" ? { weight: 2 } : undefined)).status).toBe(
        404,
      );
    }
    expect((await call("admin", "POST", `/goals/${ids.revenue}/accept`)).status).toBe(409);
  });

  it("changes, archives, accepts and declines goals, each with an audit record", async () => {
    const changed = await ok("admin", "PATCH", `/goals/${ids.orders}`, {
      weight: 2,
      title: "Five orders a quarter",
    });
    expect(changed).toMatchObject({ weight: 2, title: "Five orders a quarter", target: 5 });
    await ok("admin", "PATCH", `/goals/${ids.orders}`, { weight: 1 });

    const proposed = await ok("serviceHead", "POST", "/goals", {
      department: "customer_service",
      metric: "praise",
      period: "2026-Q2",
      target: 3,
    });
    expect(proposed.state).toBe("proposed");
    expect(await ok("admin", "POST", `/goals/${proposed.id}/accept`)).toMatchObject({ state: "active" });
    expect((await call("admin", "POST", `/goals/${proposed.id}/decline`)).status).toBe(409);
    const another = await ok("serviceHead", "POST", "/goals", {
      department: "customer_service",
      metric: "praise",
      period: "2026-Q3",
      target: 3,
    });
    expect(await ok("admin", "POST", `/goals/${another.id}/decline`)).toMatchObject({ state: "archived" });
    expect(await ok("admin", "DELETE", `/goals/${proposed.id}`)).toMatchObject({ state: "archived" });

    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "entity_id"])
      .where("entity_type", "=", "goal")
      .where("entity_id", "in", [proposed.id, another.id, ids.orders!])
      .orderBy("id")
      .execute();
    expect(
      audit.map(
        (a) => `${a.action} ${a.entity_id === proposed.id ? "p" : a.entity_id === another.id ? "a" : "o"}`,
      ),
    ).toEqual([
      "goal.create o",
      "goal.update o",
      "goal.update o",
      "goal.create p",
      "goal.accept p",
      "goal.create a",
      "goal.decline a",
      "goal.archive p",
    ]);
  });

  it("copies a period's active goals to another of the same grain, skipping those that exist", async () => {
    const first = await ok("admin", "POST", "/goals/copy", {
      from: "2026-Q1",
      to: "2026-Q4",
      department: "sales",
    });
    // revenue, orders, am1's revenue; not the proposal
    expect(first).toEqual({ created: 3, skipped: 0 });
    const again = await ok("admin", "POST", "/goals/copy", {
      from: "2026-Q1",
      to: "2026-Q4",
      department: "sales",
    });
    expect(again).toEqual({ created: 0, skipped: 3 });
    const copied = await ok("admin", "GET", "/goals?department=sales&period=2026-Q4");
    expect(
      copied.goals
        .map((g: { metric: string; target: number; state: string }) => [g.metric, g.target, g.state])
        .sort(),
    ).toEqual([
      ["orders", 5, "active"],
      ["revenue", 350, "active"],
      ["revenue", 400, "active"],
    ]);
  });

  it("keeps department heads to their own department, and their goals proposed", async () => {
    expect((await call("salesHead", "GET", "/scorecards/customer_service?period=2026-Q1")).status).toBe(403);
    expect((await call("salesHead", "GET", "/scorecards/sales?period=2026-Q1")).status).toBe(200);
    expect((await call("salesHead", "GET", "/goals?department=customer_service")).status).toBe(403);
    const own = await ok("salesHead", "GET", "/goals");
    expect(new Set(own.goals.map((g: { department: string }) => g.department))).toEqual(new Set(["sales"]));
    expect(
      (
        await call("salesHead", "POST", "/goals", {
          department: "customer_service",
          metric: "praise",
          period: "2026-Q1",
          target: 1,
        })
      ).status,
    ).toBe(403);
    const mine = await ok("salesHead", "POST", "/goals", {
      department: "sales",
      metric: "visits",
      period: "2026-Q2",
      target: 1,
    });
    expect(mine).toMatchObject({ state: "proposed", owner: "head.sales@example.com" });
    expect((await call("salesHead", "POST", `/goals/${mine.id}/accept`)).status).toBe(403);
    expect((await call("salesHead", "PATCH", `/goals/${ids.revenue}`, { target: 1 })).status).toBe(403);
    expect((await call("salesHead", "PATCH", `/goals/${mine.id}`, { target: 2 })).status).toBe(200);
    // The company scorecard and the bill of rights are company-wide totals every head may read.
    expect((await call("salesHead", "GET", "/scorecards?period=2026-Q1")).status).toBe(200);
    expect((await call("salesHead", "GET", "/bill-of-rights?period=2026-Q1")).status).toBe(200);
    // A head's drill-down stays in their department.
    const events = await ok("serviceHead", "GET", "/events?customer=c1");
    expect(events.events.map((e: { id: string }) => e.id)).toEqual(["o5", "r1", "k1"]);
    const breakdown = await ok(
      "serviceHead",
      "GET",
      `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=customer`,
    );
    expect(breakdown).toMatchObject({ total: 40, rows: [{ key: "c1", value: 40 }] });
  });

  it("lets viewers read the company scorecard and the bill of rights only; a read key reads and changes nothing", async () => {
    expect((await call("viewer", "GET", "/scorecards?period=2026-Q1")).status).toBe(200);
    expect((await call("viewer", "GET", "/bill-of-rights?period=2026-Q1")).status).toBe(200);
    for (const [method, path] of [
      ["GET", "/scorecards/sales?period=2026-Q1"],
      ["GET", "/goals"],
      ["POST", "/goals"],
      ["GET", "/events"],
      ["GET", `/metrics/revenue/breakdown?from=${Q1.from}&to=${Q1.to}&by=customer`],
    ] as const) {
      const body =
        method === "POST"
          ? { department: "sales", metric: "orders", period: "2026-Q1", target: 1 }
          : undefined;
      expect({ path, status: (await call("viewer", method, path, body)).status }).toEqual({
        path,
        status: 403,
      });
    }
    const am = await ok("am1", "GET", "/events");
    expect(new Set(am.events.map((e: { customerId: string }) => e.customerId))).toEqual(new Set(["c1"]));
    expect((await call("am1", "GET", "/scorecards/sales?period=2026-Q1")).status).toBe(403);
    expect((await call("am1", "GET", "/scorecards?period=2026-Q1")).status).toBe(200);

    for (const path of [
      "/scorecards/sales?period=2026-Q1",
      "/scorecards?period=2026-Q1",
      "/goals",
      "/bill-of-rights?period=2026-Q1",
      "/events",
    ]) {
      expect({ path, status: (await call("readKey", "GET", path)).status }).toEqual({ path, status: 200 });
    }
    const refused = await call("readKey", "POST", "/goals", {
      department: "sales",
      metric: "orders",
      period: "2026-Q1",
      target: 1,
    });
    expect(refused.status).toBe(403);
    expect((await call("readKey", "DELETE", `/goals/${ids.orders}`)).status).toBe(403);
  });
});
