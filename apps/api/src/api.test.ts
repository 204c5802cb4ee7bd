import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn, TEST_ADMIN } from "./rest-test-client";

const ADMIN = TEST_ADMIN;

describe.each(testDialects())("REST API v1 on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let url: string;
  let adminToken: string;

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    restCall(url, method, path, options);

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token: adminToken } = await startSignedIn(database));
    url = running.url;
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("reports health once migrated", async () => {
    const res = await call("GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });

  it("signs in with a fresh bearer token each time and returns the user", async () => {
    const first = await call("POST", "/auth/login", { body: ADMIN });
    const second = await call("POST", "/auth/login", { body: { ...ADMIN, email: "Admin@Example.com" } });
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ email: ADMIN.email, role: "admin", department: null });
    expect(first.body.token).toMatch(/^rs_[A-Za-z0-9_-]{43}$/);
    expect(second.body.token).not.toBe(first.body.token);
    const me = await call("GET", "/users/me", { token: second.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, role: "admin" });
  });

  it("answers 401 with the error shape for wrong credentials and missing or bad tokens", async () => {
    const wrong = await call("POST", "/auth/login", { body: { email: ADMIN.email, password: "wrong-password" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual({ error: { code: "UNAUTHORIZED", message: "wrong email or password" } });
    expect((await call("GET", "/users/me")).status).toBe(401);
    const bad = await call("GET", "/users/me", { token: "rs_not-a-real-token" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("UNAUTHORIZED");
  });

  it("answers 429 after repeated failed sign-ins for one account and address", async () => {
    const body = { email: "nobody@example.com", password: "wrong-password" };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await call("POST", "/auth/login", { body })).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("lets an admin create users, validating role, department and password", async () => {
    const created = await call("POST", "/users", {
      token: adminToken,
      body: { email: "Head.Sales@example.com", name: "Sales Head", password: "sales-head-pass", role: "department_head", department: "sales" },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ email: "head.sales@example.com", role: "department_head", department: "sales" });

    const noDepartment = await call("POST", "/users", {
      token: adminToken,
      body: { email: "x@example.com", name: "X", password: "long-enough", role: "department_head" },
    });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.message).toContain("department");

    const shortPassword = await call("POST", "/users", {
      token: adminToken,
      body: { email: "y@example.com", name: "Y", password: "short", role: "viewer" },
    });
    expect(shortPassword.status).toBe(400);
    expect(shortPassword.body.error.details).toEqual([{ field: "password", message: "password: must be at least 8 characters" }]);

    const duplicate = await call("POST", "/users", {
      token: adminToken,
      body: { email: "head.sales@example.com", name: "Again", password: "long-enough", role: "viewer" },
    });
    expect(duplicate.status).toBe(409);

    const head = await call("POST", "/auth/login", { body: { email: "head.sales@example.com", password: "sales-head-pass" } });
    expect(head.body.user).toMatchObject({ role: "department_head", department: "sales" });
    const forbidden = await call("POST", "/users", {
      token: head.body.token,
      body: { email: "z@example.com", name: "Z", password: "long-enough", role: "admin" },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe("FORBIDDEN");
  });

  it("logs out on the server: the token stops working", async () => {
    const { body } = await call("POST", "/auth/login", { body: ADMIN });
    expect((await call("POST", "/auth/logout", { token: body.token })).status).toBe(200);
    expect((await call("GET", "/users/me", { token: body.token })).status).toBe(401);
  });

  it("ingests events through REST: accepted, duplicates and field-level rejections", async () => {
    const events = [
      { id: "o-1", type: "order", customerId: "c-1", occurredAt: "2026-01-05T10:00:00+01:00", amount: "120.50" },
      { id: "o-1", type: "order", customerId: "c-1", occurredAt: "2026-01-05T09:00:00Z", amount: 120.5 },
      { id: "o-2", type: "order", customerId: "c-1", occurredAt: "2026-01-05T10:00:00", amount: "1.234" },
    ];
    const res = await call("POST", "/events", { token: adminToken, body: { events } });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(res.body.duplicates).toBe(1);
    expect(res.body.rejected).toHaveLength(1);
    expect(res.body.rejected[0]).toMatchObject({ index: 2, id: "o-2" });
    expect(res.body.rejected[0].errors.map((e: { field: string }) => e.field).sort()).toEqual(["amount", "occurredAt"]);

    // The same instant in canonical UTC form is the same content too.
    const canonical = { ...events[1], occurredAt: "2026-01-05T09:00:00.000Z" };
    const again = await call("POST", "/events", { token: adminToken, body: { events: [events[0], canonical] } });
    expect(again.body).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
  });

  it("refuses more than 10,000 events with 413", async () => {
    const events = Array.from({ length: 10_001 }, (_, i) => ({
      id: `big-${i}`,
      type: "praise",
      customerId: "c-1",
      occurredAt: "2026-01-05T10:00:00Z",
    }));
    const res = await call("POST", "/events", { token: adminToken, body: { events } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("upserts customers by id and lists rejected ones", async () => {
    const res = await call("POST", "/customers", {
      token: adminToken,
      body: { customers: [{ id: "c-1", name: "Acme Ltd", size: "large", tier: "key" }, { id: "bad id!", name: "" }] },
    });
    expect(res.status).toBe(200);
    // c-1 exists as an incomplete stub created by the events above, so it is updated.
    expect(res.body).toMatchObject({ created: 0, updated: 1 });
    expect(res.body.rejected[0].index).toBe(1);
    expect(res.body.rejected[0].errors.map((e: { field: string }) => e.field).sort()).toEqual(["id", "name"]);
  });

  it("stores a batch of 10,000 new customers (more bind parameters than one statement takes)", async () => {
    const customers = Array.from({ length: 10_000 }, (_, i) => ({
      id: `bulk-${i}`,
      name: `Bulk ${i}`,
      tier: i % 3 === 0 ? "key" : "regular",
      ...(i % 2 === 0 ? { accountManager: ADMIN.email } : {}),
    }));
    const res = await call("POST", "/customers", { token: adminToken, body: { customers } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 10_000, updated: 0, rejected: [] });
    const { db } = running.database;
    const stored = await db.selectFrom("customers").select((eb) => eb.fn.countAll<number>().as("n")).where("id", "like", "bulk-%").executeTakeFirstOrThrow();
    const assigned = await db
      .selectFrom("customer_assignments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("customer_id", "like", "bulk-%")
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(10_000);
    expect(Number(assigned.n)).toBe(5_000);
  });

  it("requires a void to name its target's customer, except the void of a training event", async () => {
    const base = { occurredAt: "2026-01-06T10:00:00Z" };
    const setup = await call("POST", "/events", {
      token: adminToken,
      body: {
        events: [
          { ...base, id: "vt-order", type: "order", customerId: "c-1", amount: "10.00" },
          { ...base, id: "vt-train", type: "training", hours: 2, employee: "zoe@example.com" },
        ],
      },
    });
    expect(setup.body).toMatchObject({ accepted: 2, rejected: [] });
    const res = await call("POST", "/events", {
      token: adminToken,
      body: {
        events: [
          { ...base, id: "vt-v1", type: "void", refId: "vt-order" },
          { ...base, id: "vt-v2", type: "void", refId: "vt-order", customerId: "c-2" },
          { ...base, id: "vt-v3", type: "void", refId: "vt-train" },
          { ...base, id: "vt-v4", type: "void", refId: "vt-order", customerId: "c-1" },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.rejected).toEqual([
      { index: 0, id: "vt-v1", errors: [expect.objectContaining({ field: "customerId", code: "required" })] },
      { index: 1, id: "vt-v2", errors: [expect.objectContaining({ field: "refId", code: "other_customer" })] },
    ]);
  });

  it("answers a bad metric query with 400 and the field at fault", async () => {
    const cases = [
      ["/metrics/revenue?from=2025-02-30&to=2025-04-01&grain=month", "from"],
      ["/metrics/revenue?from=2025-04-01&to=2025-04-01&grain=month", "to"],
      ["/metrics/revenue?from=2025-04-01&to=2025-05-01&grain=decade", "grain"],
      ["/metrics/revenue?from=2025/04/01&to=2025-05-01&grain=month", "from"],
    ] as const;
    for (const [path, field] of cases) {
      const res = await call("GET", path, { token: adminToken });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBe("BAD_REQUEST");
      expect(res.body.error.details, path).toEqual([expect.objectContaining({ field })]);
    }
  });

  it("requires a token for ingestion and describes itself in OpenAPI", async () => {
    expect((await call("POST", "/events", { body: { events: [] } })).status).toBe(401);
    const doc = await call("GET", "/openapi.json");
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(["/health", "/auth/login", "/users", "/users/me", "/events", "/customers", "/metrics", "/metrics/{key}"]),
    );
  });

  it("answers unknown API routes with 404 in the error shape, never a stack trace", async () => {
    const res = await call("GET", "/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("NOT_FOUND");
    const malformed = await fetch(`${url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: "{not json",
    });
    expect(malformed.status).toBe(400);
    const text = await malformed.text();
    expect(JSON.parse(text).error.code).toBe("BAD_REQUEST");
    expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
  });

  it("sets security headers and a request id on every response, and keeps API answers out of caches", async () => {
    const res = await call("GET", "/health");
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses bodies over the size limit with 413 before parsing them", async () => {
    const response = await fetch(`${url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${adminToken}` },
      body: `{"events":["${"x".repeat(33 * 1024 * 1024)}"]}`,
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses tRPC batches of more than 20 calls", async () => {
    const paths = Array.from({ length: 21 }, () => "system.health").join(",");
    const response = await fetch(`${url}/trpc/${paths}?batch=1&input={}`);
    expect(response.status).toBe(400);
  });
});

