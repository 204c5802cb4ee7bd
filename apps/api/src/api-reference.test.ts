import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "./app";

/** The interactive API reference at /api/v1/docs: served from this server only, under its CSP. */
const CHROMIUM = "/usr/bin/chromium";
const browserRequired = Boolean(process.env.CI);

describe("the API reference at /api/v1/docs", () => {
  let running: RunningApp;
  let url: string;

  beforeAll(async () => {
    running = await startApp({
      port: 0,
      seed: "none",
      adminPassword: "correct-horse-battery",
      logLevel: "silent",
    });
    url = running.url;
  });
  afterAll(async () => {
    await running?.close();
  });

  it("is a page whose every asset comes from this server, under the script-src 'self' policy", async () => {
    const res = await fetch(`${url}/api/v1/docs`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script>|<script(?![^>]*\bsrc=)/); // no inline script
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset.startsWith("/api/v1/docs/"), asset).toBe(true);
      expect((await fetch(`${url}${asset}`)).status, asset).toBe(200);
    }
    expect((await fetch(`${url}/api/v1/docs/assets/index.html`)).status).toBe(404);
  });

  const hasChromium = existsSync(CHROMIUM);
  if (!hasChromium && !browserRequired) {
    it.skip(`renders every operation in Chromium (no Chromium at ${CHROMIUM})`, () => undefined);
    return;
  }

  it("renders every operation of the document in Chromium with no console error and no request elsewhere", async () => {
    const browser: Browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--headless",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
      ],
    });
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      const elsewhere: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(message.text());
      });
      page.on("pageerror", (error) => problems.push(error.message));
      page.on("request", (request) => {
        if (!request.url().startsWith(url) && !request.url().startsWith("data:"))
          elsewhere.push(request.url());
      });
      await page.goto(`${url}/api/v1/docs`);
      await page.waitForSelector(".opblock", { timeout: 20_000 });
      const document = (await (await fetch(`${url}/api/v1/openapi.json`)).json()) as {
        paths: Record<string, object>;
      };
      const operations = Object.values(document.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
      expect(await page.locator(".opblock").count()).toBe(operations);
      expect(await page.locator(".info .title").innerText()).toContain("Retain API");
      expect(problems).toEqual([]);
      expect(elsewhere).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
