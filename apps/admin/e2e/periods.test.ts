// Every period preset of the overview reached from every other one (all ordered pairs), in a real
// browser against the real server: no page error, no console error, no error page, and the charts
// drawn for the new period each time. Switching grains while the previous figures are still on
// screen once crashed the whole page ("Invalid time value").
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import type { RunningApp } from "@retain/api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, browserTestsEnabled, launchChromium, MARKS, SCREENSHOTS, startDemoServer } from "./harness";

const PRESETS = ["This month", "This quarter", "Last quarter", "Year to date", "Last 12 months"] as const;

/** Every ordered pair (a, b) with a ≠ b. */
function pairs(): [string, string][] {
  return PRESETS.flatMap((a) => PRESETS.filter((b) => b !== a).map((b) => [a, b] as [string, string]));
}

describe.runIf(browserTestsEnabled("overview periods in Chromium"))("overview periods in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning")
        errors.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    // Signed in through the API, so the walk starts on the overview.
    const response = await page.request.post(`${app.url}/api/v1/auth/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
    });
    expect(response.status()).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function choose(preset: string) {
    await page.getByRole("combobox", { name: "Period" }).click();
    await page.getByRole("option", { name: preset, exact: true }).click();
    await expect.poll(() => page.getByRole("combobox", { name: "Period" }).inputValue()).toBe(preset);
  }

  async function drawn(context: string) {
    expect(await page.getByTestId("route-error").count(), `error page after ${context}`).toBe(0);
    expect(
      await page.getByText("Unexpected Application Error").count(),
      `router error after ${context}`,
    ).toBe(0);
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
    await page.getByTestId("kpi-revenue").getByTestId("kpi-value").waitFor({ timeout: 30_000 });
    expect(errors, `errors after ${context}`).toEqual([]);
  }

  // 20 pairs, each from a fresh page: minutes on a busy machine.
  it("switches from every preset to every other without an error", async () => {
    for (const [from, to] of pairs()) {
      try {
        // Each pair starts from a fresh page on `from`, so a figure cached by an earlier step does not hide a fault.
        await page.goto(`${app!.url}/`);
        await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
        if (from !== "Last 12 months") await choose(from);
        await drawn(`opening ${from}`);
        await choose(to);
        // Immediately after the switch (old figures may still be on screen), then once the new ones are in.
        await page.waitForTimeout(50);
        await drawn(`${from} → ${to}`);
        await expect.poll(() => page.locator("[aria-busy=true]").count(), { timeout: 30_000 }).toBe(0);
        await drawn(`${from} → ${to}, settled`);
      } catch (error) {
        await page.screenshot({ path: `${SCREENSHOTS}periods-failed.png`, fullPage: true });
        throw new Error(`${from} → ${to}: ${String(error)}`, { cause: error });
      }
    }
  }, 600_000);
});
