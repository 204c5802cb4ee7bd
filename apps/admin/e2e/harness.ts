// What every browser test shares: Debian's Chromium, the real server with a small demo, and the
// rule that a missing Chromium skips the tests with a notice — unless CI is set, when it fails them.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startApp, type RunningApp } from "@retain/api";
import { chromium, type Browser } from "playwright-core";

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
