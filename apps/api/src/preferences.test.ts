import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

const PASSWORD = "correct-horse-battery";

/*
 * The session probe answers signed-out visitors without a 401; a non-demo install lists no demo
 * accounts; a user's overview metrics are stored per user, validated against the catalog.
 */
describe.each(testDialects())("session probe and preferences on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  let admin: string;
  const call = (method: string, path: string, options: { token?: string; body?: unknown } = {}) =>
    restCall(running.url, method, path, options);

  beforeAll(async () => {
    database = await dialect.create();
    ({ running, token: admin } = await startSignedIn(database));
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("tells a visitor who is signed in, 200 either way", async () => {
    const anonymous = await call("GET", "/auth/session");
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ user: null });
    const signedIn = await call("GET", "/auth/session", { token: admin });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user).toMatchObject({ email: "admin@example.com", role: "admin" });
  });

  it("lists no demo accounts on an install without the demo", async () => {
    const demo = await call("GET", "/auth/demo-accounts");
    expect(demo.status).toBe(200);
    expect(demo.body).toEqual({ accounts: [] });
  });

  it("keeps each user's overview metrics apart, and the default until one is chosen", async () => {
    const created = await call("POST", "/users", {
      token: admin,
      body: { email: "prefs.viewer@example.com", name: "Prefs Viewer", password: PASSWORD, role: "viewer" },
    });
    expect(created.status).toBe(200);
    const viewer = (
      await call("POST", "/auth/login", { body: { email: "prefs.viewer@example.com", password: PASSWORD } })
    ).body.token as string;

    expect((await call("GET", "/me/preferences", { token: viewer })).body).toEqual({ overviewMetrics: null });
    const saved = await call("PATCH", "/me/preferences", {
      token: viewer,
      body: { overviewMetrics: ["csat", "revenue"] },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toEqual({ overviewMetrics: ["csat", "revenue"] });
    expect((await call("GET", "/me/preferences", { token: viewer })).body).toEqual({
      overviewMetrics: ["csat", "revenue"],
    });
    // Another user's choice is their own.
    expect((await call("GET", "/me/preferences", { token: admin })).body).toEqual({ overviewMetrics: null });
    // Back to the default.
    expect(
      (await call("PATCH", "/me/preferences", { token: viewer, body: { overviewMetrics: null } })).body,
    ).toEqual({
      overviewMetrics: null,
    });
  });

  it.each([
    [{ overviewMetrics: ["not_a_metric"] }, /not a metric/],
    [{ overviewMetrics: [] }, /at least one/],
    [{ overviewMetrics: ["csat", "csat"] }, /twice/],
    [{ overviewMetrics: Array.from({ length: 13 }, () => "revenue") }, /at most 12/],
  ])("refuses %j with 400 naming the field", async (body, message) => {
    const answer = await call("PATCH", "/me/preferences", { token: admin, body });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toMatch(/overviewMetrics/);
    expect(JSON.stringify(answer.body)).toMatch(message);
  });

  it("refuses preferences to a visitor who is not signed in", async () => {
    expect((await call("GET", "/me/preferences")).status).toBe(401);
  });
});
