// What every browser test shares: Debian's Chromium, the real server with a small demo, and the
// rule that a missing Chromium skips the tests with a notice — unless CI is set, when it fails them.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startApp, type RunningApp } from "@retain/api";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM = "/usr/bin/chromium";
export const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };
export const SCREENSHOTS = fileURLToPath(new URL("./screenshots/", import.meta.url));
/**
 * Where the pictures shown in the README go: docs/screenshots/ when RETAIN_DOCS_SCREENSHOTS is set
 * (`RETAIN_DOCS_SCREENSHOTS=1 npm test` refreshes them), otherwise beside the other test artifacts,
 * so an ordinary test run leaves the working tree as it was.
 */
export const DOCS_SCREENSHOTS = process.env.RETAIN_DOCS_SCREENSHOTS
  ? fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url))
  : fileURLToPath(new URL("./screenshots/docs/", import.meta.url));
const ADMIN_INDEX = fileURLToPath(new URL("../dist/index.html", import.meta.url));
/** Recharts' drawn marks: bars, area fills and lines. */
export const MARKS = ".recharts-bar-rectangle path, .recharts-area-area, .recharts-line-curve";
/**
 * Chromium logs every 401 response. Loading a page signed out causes none (the session probe
 * answers 200 with no user; see first-steps in trust.test.ts); a refused sign-in still does.
 */
export const EXPECTED_SIGNED_OUT = /Failed to load resource: the server responded with a status of 401/;

const hasChromium = existsSync(CHROMIUM);
const required = Boolean(process.env.CI);

/** Whether a browser suite runs here; prints why when it does not. */
export function browserTestsEnabled(suite: string): boolean {
  if (!hasChromium && !required) {
    console.warn(
      `[admin e2e] ${suite} skipped: no Chromium at ${CHROMIUM} (with CI set this test fails instead).`,
    );
    return false;
  }
  return true;
}

/** The real server on a free port, in-memory PGlite, a 5 % demo, serving the built admin. */
export async function startDemoServer(): Promise<RunningApp> {
  if (!hasChromium) throw new Error(`Chromium is required when CI is set, but ${CHROMIUM} does not exist`);
  if (!existsSync(ADMIN_INDEX))
    throw new Error("apps/admin/dist is missing: run `npm run build -w @retain/admin` first");
  mkdirSync(SCREENSHOTS, { recursive: true });
  return startApp({
    port: 0,
    dataDir: "memory://",
    seed: "demo",
    demoScale: 0.05,
    adminEmail: ADMIN.email,
    adminPassword: ADMIN.password,
    timeZone: "UTC",
  });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--headless",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** A REST call of a browser test: JSON in and out with `token`; anything but 2xx fails the test. */
export async function restJson<T>(
  baseUrl: string,
  path: string,
  token: string,
  init: RequestInit = {},
): Promise<T> {
  const response = await fetch(`${baseUrl}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...init.headers },
  });
  expect(response.status, `${init.method ?? "GET"} ${path}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** A bearer token for a user, from `POST /auth/login`. */
export async function tokenFor(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  return ((await login.json()) as { token: string }).token;
}

/**
 * A new 1440×900 context signed in through the sign-in page, on the overview. Its console errors
 * and page exceptions go to `errors` (the 401s of being signed out excepted); the context to
 * `contexts`, for closing.
 */
export async function openSignedIn(
  opts: {
    browser: Browser;
    baseUrl: string;
    errors: string[];
    contexts: BrowserContext[];
    acceptDownloads?: boolean;
  },
  email: string,
  password: string,
): Promise<Page> {
  const context = await opts.browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: opts.acceptDownloads ?? false,
  });
  opts.contexts.push(context);
  const page = await context.newPage();
  let signedIn = false;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (!signedIn && EXPECTED_SIGNED_OUT.test(message.text())) return;
    opts.errors.push(`${email}: ${message.text()}`);
  });
  page.on("pageerror", (error) => opts.errors.push(`${email}: ${error.message}`));
  await page.goto(`${opts.baseUrl}/login`);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  signedIn = true;
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return page;
}
