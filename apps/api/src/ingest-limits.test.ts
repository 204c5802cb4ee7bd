import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./app";

describe("per-key ingest rate", () => {
  let running: RunningApp;
  let key: string;

  beforeAll(async () => {
    running = await startApp({ port: 0, seed: "none", adminPassword: "correct-horse-battery", ingestRatePerSecond: 3 });
    const login = await fetch(`${running.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "admin@example.com", password: "correct-horse-battery" }),
    });
    const { token } = (await login.json()) as { token: string };
    const created = await fetch(`${running.url}/api/v1/api-keys`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: "erp", scopes: ["ingest"] }),
    });
    key = ((await created.json()) as { key: string }).key;
  });
  afterAll(() => running?.close());

  it("answers 429 once an API key exceeds its ingest rate, and stores nothing of the refused request", async () => {
    const post = (i: number) =>
      fetch(`${running.url}/api/v1/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
        body: JSON.stringify({ events: [{ id: `p-${i}`, type: "praise", customerId: "c-1", occurredAt: "2026-01-05T10:00:00Z" }] }),
      });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(i)).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.slice(3)).toEqual([429, 429]);
    const rows = await running.database.db.selectFrom("events").select("id").orderBy("id").execute();
    expect(rows.map((r) => r.id)).toEqual(["p-0", "p-1", "p-2"]);
  });
});
