import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnyProcedure } from "@trpc/server";
import { sql } from "kysely";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { startApp, type RunningApp } from "./app";
import { appRouter } from "./root";
import type { Meta } from "./trpc";

const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;

describe("authorisation is declared in one place", () => {
  it("gives every procedure an explicit access rule", () => {
    const undeclared = Object.entries(procedures)
      .filter(([, p]) => !(p._def.meta as Meta | undefined)?.access)
      .map(([path]) => path);
    expect(undeclared).toEqual([]);
  });
});

type Identity = "anonymous" | "admin" | "salesHead" | "marketingHead" | "managerA" | "managerB" | "viewer" | "ingestKey" | "readKey";
const identities: Identity[] = ["anonymous", "admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "ingestKey", "readKey"];
const PASSWORD = "matrix-password-1";

describe.each(testDialects())("the access matrix on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<Identity, string>();
  const ids = new Map<string, string>();

  async function trpc(path: string, input: unknown, who: Identity) {
    const procedure = procedures[path];
    if (!procedure) throw new Error(`no procedure ${path}`);
    const token = tokens.get(who);
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const isQuery = procedure._def.type === "query";
    const url = `${running.url}/trpc/${path}${isQuery && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : ""}`;
    const response = await fetch(url, {
      method: isQuery ? "GET" : "POST",
      headers: isQuery ? headers : { ...headers, "content-type": "application/json" },
      body: isQuery ? undefined : JSON.stringify(input ?? null),
    });
    const body = (await response.json()) as { result?: { data: unknown }; error?: { data?: { code?: string } } };
    return { status: response.status, code: body.error?.data?.code ?? "OK", data: body.result?.data };
  }

  beforeAll(async () => {
    database = await dialect.create();
    running = await startApp({ database, port: 0, seed: "none", adminPassword: PASSWORD, ingestRatePerSecond: 1000 });
    const login = async (email: string) =>
      ((await (await fetch(`${running.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: PASSWORD }),
      })).json()) as { token: string }).token;
    tokens.set("admin", await login("admin@example.com"));
    const users: [Identity, string, string, string | undefined][] = [
      ["salesHead", "head.sales@example.com", "department_head", "sales"],
      ["marketingHead", "head.marketing@example.com", "department_head", "marketing"],
      ["managerA", "am.a@example.com", "account_manager", "sales"],
      ["managerB", "am.b@example.com", "account_manager", "sales"],
      ["viewer", "viewer@example.com", "viewer", undefined],
    ];
    for (const [who, email, role, department] of users) {
      const created = await trpc("users.create", { email, name: who, password: PASSWORD, role, department }, "admin");
      ids.set(who, (created.data as { id: string }).id);
      tokens.set(who, await login(email));
    }
    for (const [who, scopes] of [["ingestKey", ["ingest"]], ["readKey", ["read"]]] as const) {
      const created = await trpc("apiKeys.create", { name: who, scopes }, "admin");
      tokens.set(who, (created.data as { key: string }).key);
      ids.set(who, (created.data as { apiKey: { id: string } }).apiKey.id);
    }
    await trpc("ingest.customers", { customers: [
      { id: "cust-a", name: "Customer of A", accountManager: "am.a@example.com" },
      { id: "cust-b", name: "Customer of B", accountManager: "am.b@example.com" },
    ] }, "admin");
    await trpc("ingest.events", { events: [
      { id: "o-a", type: "order", customerId: "cust-a", occurredAt: "2026-02-01T10:00:00Z", amount: "100.00" },
      { id: "o-b", type: "order", customerId: "cust-b", occurredAt: "2026-02-01T10:00:00Z", amount: "200.00" },
      { id: "c-b", type: "complaint", customerId: "cust-b", occurredAt: "2026-02-02T10:00:00Z" },
    ] }, "admin");
    const goal = { department: "sales", metric: "revenue", period: "2026-Q1", target: 250 };
    const goalId = async (who: Identity) => ((await trpc("goals.create", goal, who)).data as { id: string }).id;
    ids.set("activeGoal", await goalId("admin"));
    ids.set("proposedGoal", await goalId("salesHead"));
    ids.set("acceptGoal", await goalId("salesHead"));
    ids.set("declineGoal", await goalId("salesHead"));
    // Initiatives: one sales owns; the others HR owns (no head here), one per status a transition needs.
    const initiative = async (owner: string, steps: string[] = []) => {
      const created = await trpc("initiatives.create", { title: "Loyalty", ownerDepartment: owner, departments: [owner], launchAt: "2027-06-01" }, "admin");
      const id = (created.data as { id: string }).id;
      for (const step of steps) {
        if (step === "approve") await trpc("initiatives.signoff", { id, department: owner, decision: "approve" }, "admin");
        else await trpc(`initiatives.${step}`, { id }, "admin");
      }
      return id;
    };
    ids.set("salesInitiative", await initiative("sales"));
    ids.set("hrDraft", await initiative("hr"));
    ids.set("hrCancel", await initiative("hr"));
    ids.set("hrReview", await initiative("hr", ["submit"]));
    ids.set("hrApproved", await initiative("hr", ["submit", "approve"]));
    ids.set("hrRunning", await initiative("hr", ["submit", "approve", "start"]));
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  const series = (extra: Record<string, string>) => ({ key: "revenue", from: "2026-01-01", to: "2026-04-01", grain: "quarter", ...extra });
  const value = (extra: Record<string, string>) => ({ key: "revenue", from: "2026-01-10", to: "2026-03-20", ...extra });

  // Each procedure, called with inputs that reach for another department's or manager's data,
  // and the identities that may get an answer. Everyone else must get UNAUTHORIZED, FORBIDDEN or NOT_FOUND.
  const matrix: Record<string, { input: () => unknown; allowed: Identity[] }[]> = {
    "system.health": [{ input: () => undefined, allowed: identities }],
    "auth.login": [{ input: () => ({ email: "nobody@example.com", password: "wrong-one" }), allowed: [] }],
    "auth.logout": [{ input: () => undefined, allowed: [] }], // exercised separately: it ends the session
    // Public on purpose: who is signed in (null for anyone else), and the demo's accounts (none here).
    "auth.session": [{ input: () => undefined, allowed: identities }],
    "auth.demoAccounts": [{ input: () => undefined, allowed: identities }],
    "preferences.get": [{ input: () => undefined, allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer"] }],
    "preferences.update": [
      { input: () => ({ overviewMetrics: ["revenue"] }), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer"] },
    ],
    "users.me": [{ input: () => undefined, allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer"] }],
    "users.list": [{ input: () => undefined, allowed: ["admin"] }],
    "users.create": [{ input: () => ({ email: `x${Math.random()}@example.com`, name: "X", password: PASSWORD, role: "viewer" }), allowed: ["admin"] }],
    "users.update": [{ input: () => ({ id: ids.get("managerB"), name: "Renamed B" }), allowed: ["admin"] }],
    "users.history": [{ input: () => ({ id: ids.get("managerB") }), allowed: ["admin"] }],
    "settings.public": [{ input: () => undefined, allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer"] }],
    "settings.update": [{ input: () => ({ churnDays: 180 }), allowed: ["admin"] }],
    "departments.list": [{ input: () => undefined, allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] }],
    "metrics.list": [{ input: () => undefined, allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] }],
    "metrics.series": [
      { input: () => series({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => series({ department: "sales" }), allowed: ["admin", "salesHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => series({ accountManager: "am.b@example.com" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
      { input: () => series({ customer: "cust-b" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
    ],
    "metrics.value": [
      { input: () => value({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => value({ department: "sales" }), allowed: ["admin", "salesHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => value({ accountManager: "am.b@example.com" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
      { input: () => value({ customer: "cust-b" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
    ],
    "ingest.customers": [{ input: () => ({ customers: [] }), allowed: ["admin", "ingestKey"] }],
    "ingest.events": [{ input: () => ({ events: [] }), allowed: ["admin", "ingestKey"] }],
    "apiKeys.list": [{ input: () => undefined, allowed: ["admin"] }],
    "apiKeys.create": [{ input: () => ({ name: "k", scopes: ["read"] }), allowed: ["admin"] }],
    "apiKeys.revoke": [{ input: () => ({ id: "00000000-0000-4000-8000-000000000000" }), allowed: [] }],
    "audit.list": [{ input: () => ({}), allowed: ["admin"] }],
    "goals.create": [{ input: () => ({ department: "sales", metric: "orders", period: "2026-03", target: 5 }), allowed: ["admin", "salesHead"] }],
    "goals.list": [
      { input: () => ({ department: "sales" }), allowed: ["admin", "salesHead", "readKey"] },
      { input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "readKey"] },
    ],
    // A head changes their own department's proposals only; the admin any goal.
    "goals.update": [
      { input: () => ({ id: ids.get("proposedGoal"), weight: 2 }), allowed: ["admin", "salesHead"] },
      { input: () => ({ id: ids.get("activeGoal"), weight: 2 }), allowed: ["admin"] },
    ],
    "goals.archive": [{ input: () => ({ id: ids.get("activeGoal") }), allowed: ["admin"] }],
    "goals.accept": [{ input: () => ({ id: ids.get("acceptGoal") }), allowed: ["admin"] }],
    "goals.decline": [{ input: () => ({ id: ids.get("declineGoal") }), allowed: ["admin"] }],
    "goals.copy": [{ input: () => ({ from: "2026-Q1", to: "2026-Q2", department: "sales" }), allowed: ["admin", "salesHead"] }],
    // Heads: initiatives their department owns or takes part in (another answers 404); HR's have no head here.
    "initiatives.create": [
      { input: () => ({ title: "T", ownerDepartment: "sales", departments: ["sales"], launchAt: "2027-06-01" }), allowed: ["admin", "salesHead"] },
    ],
    "initiatives.list": [
      { input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "readKey"] },
      { input: () => ({ department: "sales" }), allowed: ["admin", "salesHead", "readKey"] },
    ],
    "initiatives.get": [{ input: () => ({ id: ids.get("salesInitiative") }), allowed: ["admin", "salesHead", "readKey"] }],
    "initiatives.update": [{ input: () => ({ id: ids.get("salesInitiative"), title: "Loyalty" }), allowed: ["admin", "salesHead"] }],
    "initiatives.submit": [{ input: () => ({ id: ids.get("hrDraft") }), allowed: ["admin"] }],
    "initiatives.signoff": [{ input: () => ({ id: ids.get("hrReview"), department: "hr", decision: "approve" }), allowed: ["admin"] }],
    "initiatives.start": [{ input: () => ({ id: ids.get("hrApproved") }), allowed: ["admin"] }],
    "initiatives.complete": [{ input: () => ({ id: ids.get("hrRunning") }), allowed: ["admin"] }],
    "initiatives.cancel": [{ input: () => ({ id: ids.get("hrCancel") }), allowed: ["admin"] }],
    "scorecards.department": [{ input: () => ({ department: "sales", period: "2026-Q1" }), allowed: ["admin", "salesHead", "readKey"] }],
    "scorecards.company": [{ input: () => ({ period: "2026-Q1" }), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] }],
    "scorecards.billOfRights": [{ input: () => ({ period: "2026-Q1" }), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] }],
    "breakdown.metric": [
      { input: () => ({ key: "revenue", from: "2026-01-01", to: "2026-04-01", by: "department" }), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => ({ key: "revenue", from: "2026-01-01", to: "2026-04-01", by: "customer" }), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "readKey"] },
      { input: () => ({ key: "revenue", from: "2026-01-01", to: "2026-04-01", by: "customer", department: "sales" }), allowed: ["admin", "salesHead", "managerA", "managerB", "readKey"] },
    ],
    "events.list": [
      { input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "readKey"] },
      { input: () => ({ customer: "cust-b" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
    ],
    // Customers (§8): a manager their own, a head those with events of their department, a viewer the company pyramid only.
    "customers.pyramid": [
      { input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "viewer", "readKey"] },
      { input: () => ({ accountManager: "am.b@example.com" }), allowed: ["admin", "salesHead", "marketingHead", "managerB", "readKey"] },
    ],
    "customers.valueChanges": [{ input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "readKey"] }],
    "customers.problems": [{ input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "readKey"] }],
    "customers.list": [{ input: () => ({}), allowed: ["admin", "salesHead", "marketingHead", "managerA", "managerB", "readKey"] }],
    "customers.get": [{ input: () => ({ id: "cust-b" }), allowed: ["admin", "salesHead", "managerB", "readKey"] }],
    "accountManagers.list": [{ input: () => ({ period: "2026-Q1" }), allowed: ["admin", "managerA", "managerB", "readKey"] }],
    "accountManagers.get": [{ input: () => ({ email: "am.a@example.com" }), allowed: ["admin", "managerA"] }],
    "accountManagers.kpis": [{ input: () => ({ email: "am.a@example.com", period: "2026-Q1" }), allowed: ["admin", "managerA", "readKey"] }],
    "accountManagers.update": [{ input: () => ({ email: "am.a@example.com", capacity: 40 }), allowed: ["admin"] }],
    "accountManagers.handover": [{ input: () => ({ email: "am.a@example.com" }), allowed: ["admin"] }],
    "assignments.proposals": [{ input: () => ({ method: "level" }), allowed: ["admin"] }],
    "assignments.applyAssignments": [
      { input: () => ({ assignments: [{ customerId: "cust-a", accountManager: "am.a@example.com" }] }), allowed: ["admin"] },
    ],
  };

  it("covers every procedure of the router", () => {
    expect(Object.keys(matrix).sort()).toEqual(Object.keys(procedures).sort());
  });

  it.each(Object.keys(procedures))("%s answers only the identities allowed to call it", async (path) => {
    for (const { input, allowed } of matrix[path] ?? []) {
      for (const who of identities) {
        const result = await trpc(path, input(), who);
        if (allowed.includes(who)) {
          expect({ who, code: result.code }).toEqual({ who, code: "OK" });
        } else {
          expect({ who, refused: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "TOO_MANY_REQUESTS"].includes(result.code) }).toEqual({ who, refused: true });
          expect(result.data).toBeUndefined();
          if (who === "anonymous" && !["auth.login", "apiKeys.revoke", "system.health"].includes(path)) expect(result.code).toBe("UNAUTHORIZED");
        }
      }
    }
  });

  it("narrows a department head's manager and customer filters to their department", async () => {
    const marketing = await trpc("metrics.series", series({ customer: "cust-b" }), "marketingHead");
    expect((marketing.data as { points: { value: number }[] }).points[0]?.value).toBe(0);
    const sales = await trpc("metrics.series", series({ customer: "cust-b" }), "salesHead");
    expect((sales.data as { points: { value: number }[] }).points[0]?.value).toBe(200);
  });

  it("shows account managers their own KPIs without a filter", async () => {
    const own = await trpc("metrics.series", series({}), "managerA");
    expect((own.data as { points: { value: number }[] }).points[0]?.value).toBe(100);
  });

  it("refuses an API key whose scope does not fit, and a revoked key", async () => {
    expect((await trpc("ingest.events", { events: [] }, "readKey")).code).toBe("FORBIDDEN");
    expect((await trpc("metrics.list", undefined, "ingestKey")).code).toBe("FORBIDDEN");
    await trpc("apiKeys.revoke", { id: ids.get("readKey") }, "admin");
    expect((await trpc("metrics.list", undefined, "readKey")).code).toBe("UNAUTHORIZED");
  });

  it("ends a deactivated user's sessions and never demotes the last admin", async () => {
    expect((await trpc("users.me", undefined, "viewer")).code).toBe("OK");
    await trpc("users.update", { id: ids.get("viewer"), active: false }, "admin");
    expect((await trpc("users.me", undefined, "viewer")).code).toBe("UNAUTHORIZED");
    const me = (await trpc("users.me", undefined, "admin")).data as { id: string };
    const demote = await trpc("users.update", { id: me.id, role: "viewer" }, "admin");
    expect(demote.code).toBe("CONFLICT");
  });

  it("writes one append-only audit record per change, in UTC, and the database refuses to alter it", async () => {
    await trpc("users.update", { id: ids.get("managerA"), name: "Anna A." }, "admin");
    const audit = await trpc("audit.list", { entityType: "user", entityId: ids.get("managerA") }, "admin");
    const items = (audit.data as { items: { action: string; actor: string; at: string; before: { name: string }; after: { name: string } }[] }).items;
    expect(items[0]).toMatchObject({ action: "user.update", actor: "admin@example.com", before: { name: "managerA" }, after: { name: "Anna A." } });
    expect(items[0]?.at).toMatch(/Z$/);
    await expect(sql`update audit_log set actor = 'someone else'`.execute(database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(database.db)).rejects.toThrow(/append-only/);
  });

  it("refuses cross-site state changes carried by a browser cookie", async () => {
    const response = await fetch(`${running.url}/trpc/auth.logout`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example", cookie: `retain_session=${tokens.get("admin")}` },
      body: "null",
    });
    expect(response.status).toBe(403);
    expect((await trpc("users.me", undefined, "admin")).code).toBe("OK");
  });
});
