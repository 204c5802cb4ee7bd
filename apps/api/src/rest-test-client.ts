import type { DatabaseHandle } from "@retain/db";
import { startApp, type RunningApp } from "./app";
import { checkerFor } from "./contract-support";

/**
 * A REST call for tests: JSON in, JSON (or null) out, with the status and headers. It fails when the
 * answer is not what the OpenAPI document declares for the operation and status.
 */
export async function restCall(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: ReturnType<typeof JSON.parse>; headers: Headers }> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    method,
    headers: {
      ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  // Every answer is held to the OpenAPI document: a declared status, the documented body.
  const problems = (await checkerFor(baseUrl)).problemsOf(method, path, response.status, body);
  if (problems.length > 0) throw new Error(`the answer breaks the OpenAPI document:\n${problems.join("\n")}`);
  return { status: response.status, body, headers: response.headers };
}

export const TEST_ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };

/** The real server on `database` (no demo) on a free port, and an admin session token for it. */
export async function startSignedIn(
  database: DatabaseHandle,
): Promise<{ running: RunningApp; token: string }> {
  const running = await startApp({
    database,
    port: 0,
    seed: "none",
    adminEmail: TEST_ADMIN.email,
    adminPassword: TEST_ADMIN.password,
  });
  const login = await restCall(running.url, "POST", "/auth/login", { body: TEST_ADMIN });
  return { running, token: login.body.token };
}
