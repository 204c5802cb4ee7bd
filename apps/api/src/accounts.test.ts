import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * Customers and account managers over REST (SPEC §8, §7) on the real HTTP server: profiles,
 * proposals and apply, handover, the reassignment rule (past periods keep the attribution of their
 * time; new events count for the new manager), the customer reads and who may see what.
 *
 * Every date comes from the clock, so the tests hold whatever day they run (events may not lie in
 * the future, and "now" moves). Senior Sam serves the VIP v1, who ordered 100.00 and 50.50 on the
 * 10th and 20th of the month of 240 days ago (ORDERED is its quarter: revenue 150.50 for Sam).
 * v1 paid 9 days late 27 days ago and complained 17 days ago; r2 had a defect then.
 * Junior Jo and intermediate Ida serve nobody at first; k1 (key) and r2 (regular) have no manager.
 */

const PASSWORD = "accounts-tests-password";
const DAY = 86_400_000;
const NOW = new Date();
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const month = (date: Date) => date.toISOString().slice(0, 7);
const dateOf = (date: Date) => date.toISOString().slice(0, 10);
/** Quarters counted from year 0, so that shifting one is arithmetic. */
const quarterIndexOf = (date: Date) => date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
const quarterLabel = (index: number) => `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
/** The month of v1's orders: the one of 240 days ago (its 10th and 20th lie some 220 to 260 days back). */
const ORDER_MONTH = new Date(Date.UTC(daysAgo(240).getUTCFullYear(), daysAgo(240).getUTCMonth(), 1));
const PREVIOUS_MONTH = new Date(Date.UTC(ORDER_MONTH.getUTCFullYear(), ORDER_MONTH.getUTCMonth() - 1, 1));
const orderedOn = (day: number) => new Date(ORDER_MONTH.getTime() + (day - 1) * DAY + 9 * 3_600_000).toISOString();
const ORDERED_INDEX = quarterIndexOf(ORDER_MONTH);
const ORDERED = quarterLabel(ORDERED_INDEX);
/** ORDERED's last day. */
const ORDERED_END = dateOf(new Date(Date.UTC(Math.floor(ORDERED_INDEX / 4), (ORDERED_INDEX % 4) * 3 + 3, 0)));
/**
 * A week ago: after the complaint and the payment's due date, before the orders of today; the
 * orders lie in its 365 days but in neither of its two 90-day windows (no falling spend).
 */
const AS_OF = dateOf(daysAgo(7));

describe.each(testDialects())("customers and account managers over REST on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<string, string>();

  const call = (who: string, method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token: tokens.get(who), body });
  const ok = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, method, path, body);
    expect({ who, path, status: res.status, body: res.status >= 300 ? res.body : undefined }).toMatchObject({ who, path, status: 200 });
    return res.body;
  };
  const statusOf = async (who: string, method: string, path: string, body?: unknown) => (await call(who, method, path, body)).status;
  const kpisOf = async (email: string, period: string) => {
    const body = await ok("admin", "GET", `/account-managers?period=${period}`);
    return body.managers.find((m: { email: string }) => m.email === email).kpis;
  };

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    tokens.set("admin", started.token);
    const users = [
      ["sam", "sam@example.com", "account_manager", "sales"],
      ["jo", "jo@example.com", "account_manager", "sales"],
      ["ida", "ida@example.com", "account_manager", "sales"],
      ["salesHead", "head.sales@example.com", "department_head", "sales"],
      ["qualityHead", "head.quality@example.com", "department_head", "quality"],
      ["viewer", "viewer@example.com", "viewer", undefined],
    ] as const;
    for (const [who, email, role, department] of users) {
      const res = await call("admin", "POST", "/users", { email, name: who, password: PASSWORD, role, department });
      expect(res.status).toBe(200);
      const login = await restCall(running.url, "POST", "/auth/login", { body: { email, password: PASSWORD } });
      tokens.set(who, login.body.token);
    }
    await ok("admin", "PATCH", "/account-managers/sam@example.com", { level: "senior", specialties: ["pumps"], capacity: 10 });
    await ok("admin", "PATCH", "/account-managers/ida@example.com", { level: "intermediate", industries: ["mining"] });
    await ok("admin", "POST", "/customers", {
      customers: [
        { id: "v1", name: "Vega Mining", tier: "vip", size: "large", accountManager: "sam@example.com", industry: "mining" },
        { id: "k1", name: "Kappa Pumps", tier: "key", specialty: "pumps" },
        { id: "r2", name: "Rho Retail", industry: "mining" },
      ],
    });
    await ok("admin", "POST", "/events", {
      events: [
        { id: "o1", type: "order", customerId: "v1", occurredAt: orderedOn(10), amount: "100.00" },
        { id: "o2", type: "order", customerId: "v1", occurredAt: orderedOn(20), amount: "50.50" },
        { id: "p1", type: "payment", customerId: "v1", occurredAt: daysAgo(27).toISOString(), dueAt: daysAgo(36).toISOString(), amount: "10" },
        { id: "q1", type: "complaint", customerId: "v1", occurredAt: daysAgo(17).toISOString() },
        { id: "d1", type: "defect", customerId: "r2", occurredAt: daysAgo(17).toISOString() },
      ],
    });
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("profiles: admins set them (one audit record), others may not; unknown manager 404", async () => {
    const sam = await ok("admin", "GET", "/account-managers/sam@example.com");
    expect(sam).toMatchObject({ level: "senior", specialties: ["pumps"], industries: [], capacity: 10, customers: 1 });
    const jo = await ok("admin", "GET", "/account-managers/jo@example.com");
    expect(jo).toMatchObject({ level: "junior", capacity: 50, customers: 0 });
    expect(await statusOf("sam", "PATCH", "/account-managers/sam@example.com", { capacity: 99 })).toBe(403);
    expect(await statusOf("admin", "PATCH", "/account-managers/nobody@example.com", { capacity: 9 })).toBe(404);
    const bad = await call("admin", "PATCH", "/account-managers/sam@example.com", { capacity: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("capacity");
    const audit = await ok("admin", "GET", "/audit?entityType=user");
    expect(JSON.stringify(audit)).toContain("account_manager.update");
  });

  it("level proposals change nothing; apply writes the history; handover moves the rest", async () => {
    const proposals = await ok("admin", "POST", "/assignments/proposals", { method: "level" });
    expect(proposals).toEqual({
      proposals: [
        { customerId: "k1", accountManager: "sam@example.com", reason: "level", loadAfter: 0.2 },
        // ida and jo both at 0 / 50: ties by email
        { customerId: "r2", accountManager: "ida@example.com", reason: "level", loadAfter: 0.02 },
      ],
      unassigned: [],
    });
    expect((await ok("admin", "GET", "/customers/k1")).accountManager).toBeNull();
    expect(await statusOf("sam", "POST", "/assignments/proposals", { method: "level" })).toBe(403);
    expect(await statusOf("sam", "POST", "/assignments/apply", { assignments: [{ customerId: "k1", accountManager: "sam@example.com" }] })).toBe(403);
    expect(
      await statusOf("admin", "POST", "/assignments/apply", { assignments: [{ customerId: "nope", accountManager: "sam@example.com" }] }),
    ).toBe(404);

    const specialty = await ok("admin", "POST", "/assignments/proposals", { method: "specialty", customers: ["k1", "r2"] });
    expect(specialty.unassigned).toEqual([{ customerId: "r2", reason: "no_match" }]);
    const relationship = await ok("admin", "POST", "/assignments/proposals", { method: "relationship" });
    expect(relationship.unassigned).toEqual([
      { customerId: "k1", reason: "no_relationship" },
      { customerId: "r2", reason: "no_relationship" },
    ]);

    const applied = await ok("admin", "POST", "/assignments/apply", {
      assignments: proposals.proposals.map((p: { customerId: string; accountManager: string }) => ({
        customerId: p.customerId,
        accountManager: p.accountManager,
      })),
    });
    expect(applied).toEqual({ applied: 2, unchanged: 0 });
    const k1 = await ok("admin", "GET", "/customers/k1");
    expect(k1.accountManager).toBe("sam@example.com");
    expect(k1.assignmentHistory).toMatchObject([{ accountManager: "sam@example.com", to: null, method: "proposal" }]);
  });

  it("one manager's KPIs: the period, the one before and the history, the same figures as the list", async () => {
    // The quarter after ORDERED (the last one): no orders, ORDERED the one before.
    const after = quarterLabel(ORDERED_INDEX + 1);
    const sams = await ok("admin", "GET", `/account-managers/sam@example.com/kpis?period=${after}`);
    expect(sams).toMatchObject({ email: "sam@example.com", period: after, previousPeriod: ORDERED });
    expect(sams.history.map((h: { period: string }) => h.period)).toEqual([-4, -3, -2, -1, 0, 1].map((i) => quarterLabel(ORDERED_INDEX + i)));
    expect(sams.previousKpis).toEqual(await kpisOf("sam@example.com", ORDERED));
    expect(sams.previousKpis).toMatchObject({ revenue: 150.5, new_customers: 1, complaints: 0 });
    expect(sams.kpis).toMatchObject({ revenue: 0, new_customers: 0 });
    expect(sams.history[4].kpis).toEqual(sams.previousKpis);
    const monthly = await ok("admin", "GET", `/account-managers/sam@example.com/kpis?period=${month(ORDER_MONTH)}`);
    expect(monthly).toMatchObject({ previousPeriod: month(PREVIOUS_MONTH), kpis: { revenue: 150.5 } });
    // A manager reads their own; another's is 404, as if it did not exist.
    expect((await ok("sam", "GET", `/account-managers/sam@example.com/kpis?period=${ORDERED}`)).kpis.revenue).toBe(150.5);
    expect(await statusOf("jo", "GET", `/account-managers/sam@example.com/kpis?period=${ORDERED}`)).toBe(404);
    expect(await statusOf("admin", "GET", `/account-managers/nobody@example.com/kpis?period=${ORDERED}`)).toBe(404);
    expect(await statusOf("admin", "GET", "/account-managers/sam@example.com/kpis?period=2026-Q5")).toBe(400);
    expect(await statusOf("salesHead", "GET", `/account-managers/sam@example.com/kpis?period=${ORDERED}`)).toBe(403);
  });

  it("a reassignment keeps past periods' attribution and counts new events for the new manager", async () => {
    const before = await kpisOf("sam@example.com", ORDERED);
    expect(before.revenue).toBe(150.5);
    // v1 moves from Sam to Jo, then Jo hands everything over to Ida.
    await ok("admin", "POST", "/assignments/apply", { assignments: [{ customerId: "v1", accountManager: "jo@example.com" }] });
    expect(await kpisOf("sam@example.com", ORDERED)).toEqual(before);
    expect((await kpisOf("jo@example.com", ORDERED)).revenue).toBe(0);

    const at = new Date().toISOString();
    await ok("admin", "POST", "/events", { events: [{ id: "o3", type: "order", customerId: "v1", occurredAt: at, amount: "7.25" }] });
    const quarter = `${at.slice(0, 4)}-Q${Math.ceil(Number(at.slice(5, 7)) / 3)}`;
    expect((await kpisOf("jo@example.com", quarter)).revenue).toBe(7.25);

    const moved = await ok("admin", "POST", "/account-managers/jo@example.com/handover", { to: "ida@example.com" });
    expect(moved).toEqual({ moved: [{ customerId: "v1", accountManager: "ida@example.com" }], unassigned: [] });
    expect((await kpisOf("jo@example.com", quarter)).revenue).toBe(7.25);
    expect(await kpisOf("sam@example.com", ORDERED)).toEqual(before);
    const v1 = await ok("admin", "GET", "/customers/v1");
    expect(v1.assignmentHistory.map((a: { accountManager: string; method: string }) => [a.accountManager, a.method])).toEqual([
      ["sam@example.com", "manual"],
      ["jo@example.com", "proposal"],
      ["ida@example.com", "handover"],
    ]);
    expect(await statusOf("admin", "POST", "/account-managers/ida@example.com/handover", { to: "ida@example.com" })).toBe(400);
    expect(await statusOf("ida", "POST", "/account-managers/ida@example.com/handover", {})).toBe(403);

    // By level: Ida's VIP goes to the senior, her regular r2 to the junior.
    const byLevel = await ok("admin", "POST", "/account-managers/ida@example.com/handover", {});
    expect(byLevel.moved).toEqual([
      { customerId: "v1", accountManager: "sam@example.com" },
      { customerId: "r2", accountManager: "jo@example.com" },
    ]);
    expect((await ok("admin", "GET", "/account-managers/ida@example.com")).customers).toBe(0);
  });

  it("a customer's page: segment, credit policy and why, problems, suggested action, histories", async () => {
    const v1 = await ok("admin", "GET", "/customers/v1");
    // The only customer with revenue in the 365 days: top. Paid 9 days late: poor record, large → strict.
    expect(v1).toMatchObject({
      id: "v1",
      tier: "vip",
      segment: "top",
      creditPolicy: { policy: "strict", record: "poor", onTimeRate: 0, payments: 1 },
      problems: ["late_payments", "open_complaint"],
      suggestedAction: "care",
    });
    expect(v1.openComplaints).toMatchObject([{ id: "q1", overdue: true, followUps: [] }]);
    expect(v1.creditPolicyHistory).toMatchObject([{ from: null, to: "strict", record: "poor" }]);
    expect(v1.tierHistory).toMatchObject([{ from: null, to: "vip" }]);
    expect(await statusOf("admin", "GET", "/customers/nobody")).toBe(404);
  });

  it("the registry: search by name or id, filters, sort, cursor pages and total", async () => {
    const all = await ok("admin", "GET", "/customers?sort=id&limit=2");
    expect(all.total).toBe(3);
    expect(all.customers.map((c: { id: string }) => c.id)).toEqual(["k1", "r2"]);
    const rest = await ok("admin", "GET", `/customers?sort=id&limit=2&cursor=${all.next}`);
    expect(rest.customers.map((c: { id: string }) => c.id)).toEqual(["v1"]);
    expect(rest.next).toBeNull();
    expect((await ok("admin", "GET", "/customers?search=MINING")).customers.map((c: { id: string }) => c.id)).toEqual(["v1"]);
    expect((await ok("admin", "GET", "/customers?search=k1")).customers.map((c: { id: string }) => c.id)).toEqual(["k1"]);
    expect((await ok("admin", "GET", "/customers?segment=top&creditPolicy=strict")).total).toBe(1);
    expect((await ok("admin", "GET", "/customers?segment=prospect&sort=-name")).customers.map((c: { id: string }) => c.id)).toEqual(["r2", "k1"]);
    expect((await ok("admin", "GET", "/customers?tier=key&accountManager=sam@example.com")).total).toBe(1);
    expect((await ok("admin", "GET", "/customers?search=100%25")).total).toBe(0);
    expect(await statusOf("admin", "GET", "/customers?accountManager=nobody@example.com")).toBe(404);
    expect(await statusOf("admin", "GET", "/customers?cursor=garbage")).toBe(400);
    expect(await statusOf("admin", "GET", "/customers?sort=colour")).toBe(400);
  });

  it("pyramid, value changes and problems", async () => {
    // A week ago: the orders of today (o3, 7.25) are not in it.
    const pyramid = await ok("admin", "GET", `/customers/pyramid?asOf=${AS_OF}`);
    expect(pyramid.segments.map((s: { segment: string; customers: number }) => [s.segment, s.customers])).toEqual([
      ["top", 1],
      ["big", 0],
      ["medium", 0],
      ["small", 0],
      ["inactive", 0],
      ["prospect", 2],
    ]);
    expect(pyramid.segments[0]).toMatchObject({ revenue: 150.5, share: 100 });
    const changes = await ok("admin", "GET", `/customers/value-changes?asOf=${ORDERED_END}`);
    expect(changes.changes).toEqual([{ customerId: "v1", from: "prospect", to: "top", direction: "up" }]);
    const problems = await ok("admin", "GET", `/customers/problems?asOf=${AS_OF}`);
    expect(problems.customers).toEqual([{ customerId: "v1", reasons: ["late_payments", "open_complaint"] }]);
    expect(await statusOf("admin", "GET", "/customers/pyramid?asOf=2026-02-30")).toBe(400);
  });

  it("who may read: a manager their own customers (another's 404), a head their department's, a viewer none", async () => {
    const sams = await ok("sam", "GET", "/customers");
    expect(sams.customers.map((c: { id: string }) => c.id).sort()).toEqual(["k1", "v1"]);
    expect(await statusOf("sam", "GET", "/customers/r2")).toBe(404);
    expect(await statusOf("sam", "GET", "/customers/v1")).toBe(200);
    expect(await statusOf("sam", "GET", "/customers/pyramid?accountManager=jo@example.com")).toBe(403);
    const jos = await ok("jo", "GET", `/customers/problems?asOf=${AS_OF}`);
    expect(jos.customers).toEqual([]);
    const own = await ok("sam", "GET", `/account-managers?period=${ORDERED}`);
    expect(own.managers.map((m: { email: string }) => m.email)).toEqual(["sam@example.com"]);
    expect(await statusOf("sam", "GET", "/account-managers/jo@example.com")).toBe(404);

    // Orders, payments and complaints are sales' and customer service's; r2's defect is quality's.
    const quality = await ok("qualityHead", "GET", "/customers");
    expect(quality.customers.map((c: { id: string }) => c.id)).toEqual(["r2"]);
    expect(await statusOf("qualityHead", "GET", "/customers/v1")).toBe(404);
    const sales = await ok("salesHead", "GET", "/customers");
    expect(sales.customers.map((c: { id: string }) => c.id)).toEqual(["v1"]);

    expect(await statusOf("viewer", "GET", "/customers")).toBe(403);
    expect(await statusOf("viewer", "GET", "/customers/v1")).toBe(403);
    expect(await statusOf("viewer", "GET", "/customers/problems")).toBe(403);
    expect(await statusOf("viewer", "GET", `/account-managers?period=${ORDERED}`)).toBe(403);
    expect(await statusOf("viewer", "GET", "/customers/pyramid")).toBe(200);
  });

  it("a manager's own list carries their KPIs even when another manager leads", async () => {
    // This quarter Sam's k1 orders for 50.00 and Jo's new z9 for 5.00 (Jo also has o3's 7.25 from
    // before the handover): the list of Jo alone still has Jo's figures, not the leader's.
    await ok("admin", "POST", "/customers", { customers: [{ id: "z9", name: "Zeta Works", accountManager: "jo@example.com" }] });
    const at = new Date().toISOString();
    const quarter = `${at.slice(0, 4)}-Q${Math.ceil(Number(at.slice(5, 7)) / 3)}`;
    await ok("admin", "POST", "/events", {
      events: [
        { id: "o-k1", type: "order", customerId: "k1", occurredAt: at, amount: "50.00" },
        { id: "o-z9", type: "order", customerId: "z9", occurredAt: at, amount: "5.00" },
      ],
    });
    expect((await kpisOf("sam@example.com", quarter)).revenue).toBe(50);
    const own = await ok("jo", "GET", `/account-managers?period=${quarter}`);
    expect(own.managers.map((m: { email: string; kpis: { revenue: number } }) => [m.email, m.kpis.revenue])).toEqual([["jo@example.com", 12.25]]);
    expect(own.managers[0].kpis).toEqual(await kpisOf("jo@example.com", quarter));
    expect((await ok("jo", "GET", `/account-managers/jo@example.com/kpis?period=${quarter}`)).kpis).toEqual(own.managers[0].kpis);
  });
});
