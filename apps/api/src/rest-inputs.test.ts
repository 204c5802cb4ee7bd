import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/** What the API takes: the text rule, filters that must name something, bodies that must be objects. */
describe.each(testDialects())("REST inputs on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let token: string;
  const call = (method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token, body });

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token } = await startSignedIn(database));
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("stores 99 of 100 customers when one name holds a NUL, and rejects that one with its reason", async () => {
    const customers = Array.from({ length: 100 }, (_, i) => ({
      id: `nul-${i}`,
      name: i === 37 ? "Acme\u0000 Ltd" : `Customer ${i}`,
    }));
    const res = await call("POST", "/customers", { customers });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 99,
      updated: 0,
      rejected: [
        {
          index: 37,
          id: "nul-37",
          errors: [
            { field: "name", code: "invalid_format", message: "name: must not contain control characters" },
          ],
        },
      ],
    });
    const stored = await database.db
      .selectFrom("customers")
      .select("id")
      .where("id", "like", "nul-%")
      .execute();
    expect(stored).toHaveLength(99);
  });

  it("rejects an event whose payload holds a NUL (jsonb cannot), storing the rest of the batch", async () => {
    const event = (id: string, payload: Record<string, unknown>) => ({
      id,
      type: "praise",
      customerId: "nul-1",
      occurredAt: "2026-01-05T10:00:00Z",
      payload,
    });
    const res = await call("POST", "/events", {
      events: [
        event("p-1", { note: "fine\nline" }),
        event("p-2", { nested: { note: "a\u0000b" } }),
        event("p-3", { "k\u0001": 1 }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(1);
    expect(
      res.body.rejected.map((r: { index: number; errors: { field: string }[] }) => [
        r.index,
        r.errors[0]?.field,
      ]),
    ).toEqual([
      [1, "payload.nested.note"],
      [2, "payload.k\u0001"],
    ]);
  });

  it("answers 400 naming the field for a control character in a body, query or path string", async () => {
    const checks: [string, string, unknown, string][] = [
      ["POST", "/auth/login", { email: "admin\u0000@example.com", password: "x" }, "email"],
      [
        "POST",
        "/users",
        {
          email: "n@example.com",
          name: "N",
          password: "long-enough",
          role: "viewer",
          department: "sa\u0000les",
        },
        "department",
      ],
      ["POST", "/api-keys", { name: "key\u0007", scopes: ["read"] }, "name"],
      ["GET", "/audit?action=%00", undefined, "action"],
      [
        "GET",
        "/metrics/revenue?from=2026-01-01&to=2026-01-31&grain=month&department=%00",
        undefined,
        "department",
      ],
      ["GET", "/metrics/reve%00nue?from=2026-01-01&to=2026-01-31&grain=month", undefined, "key"],
    ];
    for (const [method, path, body, field] of checks) {
      const res = await call(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.details, `${method} ${path}`).toContainEqual({
        field,
        message: `${field}: must not contain control characters`,
      });
    }
  });

  it("answers 404 naming the filter for an unknown department or customer, as for an unknown account manager", async () => {
    const base = "/metrics/revenue?from=2026-01-01&to=2026-01-31&grain=month";
    for (const [query, message] of [
      ["department=atlantis", "department: no department atlantis"],
      [`department=${encodeURIComponent("sales' or 1=1--")}`, "department: no department sales' or 1=1--"],
      ["customer=nobody", "customer: no customer nobody"],
      ["accountManager=nobody@example.com", "accountManager: no user nobody@example.com"],
    ] as const) {
      const res = await call("GET", `${base}&${query}`);
      expect(res.status, query).toBe(404);
      expect(res.body.error).toEqual({ code: "NOT_FOUND", message });
    }
    expect((await call("GET", `${base}&department=sales`)).status).toBe(200);
    expect((await call("GET", `${base}&customer=nul-1`)).status).toBe(200);
  });

  it("refuses a body that is not a JSON object with 400, and the history of an unknown user with 404", async () => {
    const me = (await call("GET", "/users/me")).body;
    for (const [method, path] of [
      ["PATCH", `/users/${me.id}`],
      ["PATCH", "/settings"],
    ] as const) {
      for (const raw of ["null", "[]", "7", '"text"']) {
        const res = await fetch(`${running.url}/api/v1${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: raw,
        });
        expect(res.status, `${method} ${path} ${raw}`).toBe(400);
        expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual([
          { field: "(input)", message: "(input): must be a JSON object" },
        ]);
      }
    }
    const unknown = await call("GET", "/users/00000000-0000-4000-8000-000000000000/history");
    expect(unknown.status).toBe(404);
    expect((await call("GET", `/users/${me.id}/history`)).status).toBe(200);
  });
});
