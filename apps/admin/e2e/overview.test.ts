// The admin in a real browser against the real server: sign-in, the
// overview's KPI cards and charts, and no errors in the console.
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import type { RunningApp } from "@retain/api";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  browserTestsEnabled,
  EXPECTED_SIGNED_OUT,
  launchChromium,
  MARKS,
  SCREENSHOTS,
  startDemoServer,
} from "./harness";

const METRICS = ["revenue", "orders", "active_customers", "complaints"] as const;

describe.runIf(browserTestsEnabled("admin overview in Chromium"))("admin overview in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let signedIn = false;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (!signedIn && EXPECTED_SIGNED_OUT.test(message.text())) return;
      consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("sends a visitor to the login page and rejects a wrong password", async () => {
    await page.goto(app!.url);
    await page.waitForURL(/\/login/);
    await page.locator("input[name=email]").waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}login.png`, fullPage: true });

    await page.locator("input[name=email]").fill(ADMIN.email);
    await page.locator("input[name=password]").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toMatch(/not correct/i);
    expect(page.url()).toMatch(/\/login/);
    await page.screenshot({ path: `${SCREENSHOTS}login-error.png`, fullPage: true });
  });

  it("signs in and draws the overview's KPIs and charts", async () => {
    await page.locator("input[name=password]").fill(ADMIN.password);
    signedIn = true;
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await expect.poll(() => page.getByTestId("current-user").textContent()).toBeTruthy();

    for (const metric of METRICS) {
      const chart = page.getByTestId(`chart-${metric}`);
      await chart.locator(MARKS).first().waitFor({ timeout: 30_000 });
      expect(await chart.locator(MARKS).count(), `marks drawn in chart-${metric}`).toBeGreaterThan(0);
      expect(await chart.locator(".recharts-cartesian-axis-tick").count()).toBeGreaterThan(2);

      const value = page.getByTestId(`kpi-${metric}`).getByTestId("kpi-value");
      await value.waitFor();
      expect((await value.textContent())?.trim(), `value of kpi-${metric}`).toMatch(/\d/);
    }
    // No hover tooltip in the picture, and the charts' entry animation done.
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1_200);
    await page.screenshot({ path: `${SCREENSHOTS}overview.png`, fullPage: true });
  });

  it("keeps the comparison in the URL", async () => {
    await page.getByText("Last year", { exact: true }).click();
    await page.waitForURL(/compare=year/);
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor();
    await expect
      .poll(() => page.getByTestId("period-summary").textContent())
      .toMatch(/same period last year/);
  });

  it("opens the view a link describes", async () => {
    await page.goto(`${app!.url}/?period=this_month&compare=year`);
    await page.getByTestId("chart-orders").locator(MARKS).first().waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator("input[aria-label=Period]").inputValue()).toBe("This month");
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1_200);
    await page.screenshot({ path: `${SCREENSHOTS}overview-this-month.png`, fullPage: true });
  });

  it("logs no errors in the browser", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
