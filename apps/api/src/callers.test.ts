import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authChanged } from "@retain/access";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

const PASSWORD = "correct-horse-battery";

/*
 * The server remembers who a token belongs to (CallerCache). What it must never do is serve a caller
 * whose access has changed: changes made through the app take effect on the very next request, and
 * changes made outside it (another server process, psql) as soon as the database announces them.
 */
describe.each(testDialects())("remembered callers on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let admin: string;

  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    restCall(running.url, method, path, options);
  const signedInUser = async (email: string, role = "viewer") => {
    const created = await call("POST", "/users", { token: admin, body: { email, name: email, password: PASSWORD, role } });
    expect(created.status).toBe(200);
    const login = await call("POST", "/auth/login", { body: { email, password: PASSWORD } });
    expect(login.status).toBe(200);
    return { id: created.body.id as string, token: login.body.token as string };
  };
  /** Asks until the answer is `status` or two seconds are over; returns the last status. */
  const statusSoon = async (path: string, token: string, status: number) => {
    const deadline = Date.now() + 2_000;
    for (;;) {
      const last = (await call("GET", path, { token })).status;
      if (last === status || Date.now() > deadline) return last;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token: admin } = await startSignedIn(database));
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("answers a known session from memory, and forgets it when anything changes", async () => {
    const viewer = await signedInUser("remembered@example.com");
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(200);
    // The session goes without the database announcing it: only memory can still let it in.
    await sql`alter table sessions disable trigger sessions_auth_changed`.execute(database.db);
    try {
      await sql`delete from sessions where user_id = ${viewer.id}::uuid`.execute(database.db);
    } finally {
      await sql`alter table sessions enable trigger sessions_auth_changed`.execute(database.db);
    }
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(200);
    authChanged();
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(401);
  });

  it("refuses a user deactivated outside the app once the database announces it", async () => {
    const viewer = await signedInUser("outside@example.com");
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(200);
    // As psql or another server process would: no call into this process.
    await sql`update users set active = false where id = ${viewer.id}::uuid`.execute(database.db);
    expect(await statusSoon("/users/me", viewer.token, 401)).toBe(401);
  });

  it("shows a role changed through the API on that user's very next request", async () => {
    const viewer = await signedInUser("promoted@example.com");
    expect((await call("GET", "/users", { token: viewer.token })).status).toBe(403);
    const changed = await call("PATCH", `/users/${viewer.id}`, { token: admin, body: { role: "admin" } });
    expect(changed.status).toBe(200);
    expect((await call("GET", "/users", { token: viewer.token })).status).toBe(200);
    const back = await call("PATCH", `/users/${viewer.id}`, { token: admin, body: { role: "viewer" } });
    expect(back.status).toBe(200);
    expect((await call("GET", "/users", { token: viewer.token })).status).toBe(403);
  });

  it("refuses an API key on the request after its revocation", async () => {
    const created = await call("POST", "/api-keys", { token: admin, body: { name: "dashboards", scopes: ["read"] } });
    expect(created.status).toBe(200);
    const key = created.body.key as string;
    expect((await call("GET", "/metrics", { token: key })).status).toBe(200);
    expect((await call("GET", "/metrics", { token: key })).status).toBe(200);
    const revoked = await call("POST", `/api-keys/${created.body.apiKey.id}/revoke`, { token: admin });
    expect(revoked.status).toBe(200);
    expect((await call("GET", "/metrics", { token: key })).status).toBe(401);
  });

  it("refuses a session ended by logout on its next request", async () => {
    const viewer = await signedInUser("leaving@example.com");
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(200);
    expect((await call("POST", "/auth/logout", { token: viewer.token })).status).toBe(200);
    expect((await call("GET", "/users/me", { token: viewer.token })).status).toBe(401);
  });
});
