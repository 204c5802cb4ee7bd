// What a new user meets first, in a real browser against a demo install: a clean console before
// sign-in, the demo's accounts on the sign-in page (each of them signs in, as the README says),
// the Quality head's overview on their own metrics with real values, and an organisation form
// that refuses empty and out-of-range values instead of making some up.
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import type { RunningApp } from "@retain/api";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, browserTestsEnabled, launchChromium, MARKS, SCREENSHOTS, startDemoServer } from "./harness";

const DEMO_PASSWORD = "retain-demo";
/** The sign-ins the README and packages/demo/README.md name, one per role. */
const README_ACCOUNTS = [
  { email: "kai.gruber@example.com", role: "Department head", department: "quality" },
  { email: "aaron.young@example.com", role: "Department head", department: "sales" },
  { email: "xavier.jensen@example.com", role: "Account manager", department: null },
  { email: "jonas.engel@example.com", role: "Viewer", department: null },
] as const;

const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

describe.runIf(browserTestsEnabled("first steps in Chromium"))("first steps in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  // Refusals the test provokes on purpose (none by default).
  let allowed: RegExp | null = null;

  async function freshPage(viewport = { width: 1440, height: 900 }) {
    await context?.close();
    context = await browser!.newContext({ viewport });
    page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() !== "error" && message.type() !== "warning") return;
      if (allowed?.test(message.text())) return;
      problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  }

  async function signIn(email: string, password: string) {
    await page.goto(`${app!.url}/login`);
    await page.locator("input[name=email]").fill(email);
    await page.locator("input[name=password]").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/", { timeout: 30_000 });
  }

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
  });

  it("keeps a signed-out visitor's console clean on / and /login", async () => {
    await freshPage();
    problems = [];
    await page.goto(`${app!.url}/`);
    await page.waitForURL(/\/login/);
    await page.locator("input[name=email]").waitFor();
    await page.goto(`${app!.url}/login`);
    await page.getByTestId("demo-accounts").waitFor();
    await page.waitForTimeout(500);
    expect(problems).toEqual([]);
  });

  it("shows the demo's accounts on the sign-in page, the README's among them", async () => {
    const listed = await page.getByTestId("demo-account").allTextContents();
    expect(listed).toEqual([ADMIN.email, ...README_ACCOUNTS.map((a) => a.email)]);
    expect(await page.getByTestId("demo-accounts").textContent()).toContain(DEMO_PASSWORD);
    // A click fills the email in, and the demo password but for the admin's.
    await page.getByTestId("demo-account").nth(1).click();
    expect(await page.locator("input[name=email]").inputValue()).toBe(README_ACCOUNTS[0].email);
    expect(await page.locator("input[name=password]").inputValue()).toBe(DEMO_PASSWORD);
    await page.getByTestId("demo-account").nth(0).click();
    expect(await page.locator("input[name=email]").inputValue()).toBe(ADMIN.email);
    expect(await page.locator("input[name=password]").inputValue()).toBe("");
    await page.getByTestId("demo-account").nth(1).click();
    await page.screenshot({ path: `${SCREENSHOTS}login-demo-accounts.png`, fullPage: true });
  });

  it("signs in with each README account", async () => {
    for (const account of [{ email: ADMIN.email, role: "Admin", department: null }, ...README_ACCOUNTS]) {
      await freshPage();
      problems = [];
      await signIn(account.email, account.email === ADMIN.email ? ADMIN.password : DEMO_PASSWORD);
      const menu = page.getByRole("button", { name: "Sign out" });
      await menu.waitFor();
      expect(problems, account.email).toEqual([]);
    }
  });

  it("opens the Quality head's overview on the defect rate with a real value, company-wide", async () => {
    await freshPage();
    problems = [];
    await signIn(README_ACCOUNTS[0].email, DEMO_PASSWORD);
    const card = page.getByTestId("kpi-defect_rate");
    await card.getByTestId("kpi-value").waitFor({ timeout: 30_000 });
    await poll(() => card.getAttribute("aria-busy")).toBe("false");
    const value = (await card.getByTestId("kpi-value").textContent())?.trim() ?? "";
    expect(value).toMatch(/^\d+(\.\d)?%$/);
    expect(Number.parseFloat(value)).toBeGreaterThan(0);
    expect(await card.getByTestId("company-wide").count()).toBe(1);
    // The headline cards are not what a quality head opens on.
    expect(await page.getByTestId("kpi-revenue").count()).toBe(0);
    await page.getByTestId("chart-defect_rate").locator(MARKS).first().waitFor({ timeout: 30_000 });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${SCREENSHOTS}overview-quality-head.png`, fullPage: true });
    expect(problems).toEqual([]);
  });

  it("lets a user choose the metrics of their overview, kept on the server", async () => {
    await freshPage();
    problems = [];
    await signIn(README_ACCOUNTS[0].email, DEMO_PASSWORD);
    await page.getByTestId("choose-metrics").click();
    const dialog = page.getByRole("dialog", { name: "Metrics on your overview" });
    await dialog.getByRole("combobox", { name: "Metrics" }).click();
    await page.getByRole("option", { name: "Complaints", exact: true }).click();
    await page.screenshot({ path: `${SCREENSHOTS}metric-picker.png`, fullPage: true });
    await page.keyboard.press("Escape");
    await dialog.getByRole("button", { name: "Show these metrics" }).click();
    await page.getByTestId("kpi-complaints").getByTestId("kpi-value").waitFor({ timeout: 30_000 });
    // Another browser, the same user: the same choice.
    await freshPage();
    await signIn(README_ACCOUNTS[0].email, DEMO_PASSWORD);
    await page.getByTestId("kpi-complaints").getByTestId("kpi-value").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("kpi-defect_rate").count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it("refuses every empty or out-of-range organisation setting with a message on the field", async () => {
    await freshPage();
    problems = [];
    await signIn(ADMIN.email, ADMIN.password);
    await page.goto(`${app!.url}/settings/organisation`);
    const form = page.getByRole("form", { name: "Organisation settings" });
    const save = form.getByRole("button", { name: "Save settings" });
    const churn = form.getByRole("textbox", { name: "Churn after" });
    const sla = form.getByRole("textbox", { name: "Complaint SLA" });
    await churn.waitFor();
    expect(await churn.inputValue()).toBe("180");
    expect(await sla.inputValue()).toBe("24");

    const cases: [typeof churn, string, RegExp][] = [
      [churn, "", /Enter the days/],
      [churn, "0", /at least 1 day/],
      [churn, "3651", /at most 3650 days/],
      [churn, "1.5", /whole number/],
      [churn, "-5", /at least 1 day/],
      [sla, "", /Enter the hours/],
      [sla, "0", /more than 0/],
      [sla, "8761", /at most 8760/],
      [sla, "-1", /more than 0/],
    ];
    for (const [field, typed, message] of cases) {
      await field.fill(typed);
      await field.blur();
      // Nothing is coerced: the field keeps what was typed.
      expect(await field.inputValue(), `${typed}`).toBe(typed);
      const id = await field.getAttribute("aria-describedby");
      expect(id, "the field points at its error").toBeTruthy();
      const described = await Promise.all(
        (id ?? "").split(/\s+/).map((part) => page.locator(`[id="${part}"]`).textContent()),
      );
      expect(described.join(" "), `message for ${typed}`).toMatch(message);
      expect(await field.getAttribute("aria-invalid")).toBe("true");
      expect(await save.isDisabled(), `Save disabled for ${typed}`).toBe(true);
      expect(await form.getByTestId("save-reason").textContent()).toMatch(/Correct .* to save/);
      await field.fill(field === churn ? "180" : "24");
    }

    // A time zone, currency or locale that is not one of the options is not taken either.
    for (const name of ["Time zone", "Currency", "Locale"]) {
      const select = form.getByRole("textbox", { name }).or(form.getByRole("combobox", { name }));
      const before = await select.inputValue();
      await select.fill("");
      await select.fill("Nowhere at all");
      await page.keyboard.press("Escape");
      await select.blur();
      await poll(() => select.inputValue()).toBe(before);
    }
    expect(await save.isDisabled()).toBe(true);
    expect(await form.getByTestId("save-reason").textContent()).toMatch(/Nothing to save/);

    // Decimals stay decimals; a change that recomputes every metric asks first, naming its effect.
    await sla.fill("1.5");
    await churn.fill("90");
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    const confirm = page.getByRole("dialog", { name: "Recompute every metric?" });
    await confirm.waitFor();
    const text = (await confirm.textContent()) ?? "";
    expect(text).toContain("Churn after 180 → 90 days changes churned customers for every period");
    expect(text).toContain("Complaint SLA 24 → 1.5 hours");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await page.screenshot({ path: `${SCREENSHOTS}settings-validation.png`, fullPage: true });
    await save.click();
    await page
      .getByRole("dialog", { name: "Recompute every metric?" })
      .getByRole("button", { name: "Save and recompute" })
      .click();
    await page.getByText("Settings saved").waitFor();
    // Saved as typed: after a reload the server's values are 90 days and 1.5 hours.
    await page.reload();
    await churn.waitFor({ timeout: 30_000 });
    await poll(() => churn.inputValue()).toBe("90");
    expect(await sla.inputValue()).toBe("1.5");
    expect(problems).toEqual([]);
  });

  it("keeps the period, the dates and the comparison within reach on a phone", async () => {
    await freshPage({ width: 390, height: 844 });
    problems = [];
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
    // Nothing runs off the screen's edge.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const header = page.locator("header").first();
    const box = await page.getByRole("combobox", { name: "Period" }).boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390, "the period fits the screen").toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}phone-overview.png` });
    await header.getByTestId("view-controls-more").click();
    const drawer = page.getByRole("dialog", { name: "Dates and comparison" });
    await drawer.waitFor();
    for (const name of ["Date range", "Compare to"]) {
      const control = drawer.getByRole(name === "Compare to" ? "radiogroup" : "button", { name }).first();
      const rect = await control.boundingBox();
      expect(rect && rect.x >= 0 && rect.x + rect.width <= 390, `${name} fits the screen`).toBe(true);
    }
    await page.screenshot({ path: `${SCREENSHOTS}phone-view-controls.png` });
    await drawer.getByText("Last year", { exact: true }).click();
    await page.waitForURL(/compare=year/);
    expect(problems).toEqual([]);
  });

  it("shows a page that fails as an error with a way on, inside the shell and without a stack trace", async () => {
    await freshPage();
    problems = [];
    await signIn(ADMIN.email, ADMIN.password);
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
    // The audit page's code cannot be loaded (a deploy replaced it, the network failed): its route fails.
    await page.route("**/assets/audit-page-*.js", (route) => route.abort());
    allowed = /Failed to load resource|failed to render|dynamically imported module|net::ERR_FAILED/i;
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByText("Settings", { exact: true }).click();
    await nav.getByRole("link", { name: "Audit log" }).click();
    const error = page.getByTestId("route-error");
    await error.waitFor({ timeout: 30_000 });
    const text = (await error.textContent()) ?? "";
    expect(text).toMatch(/could not be shown/);
    expect(text).not.toMatch(/Unexpected Application Error|TypeError|at \S+ \(/);
    expect(await page.getByText("Unexpected Application Error").count()).toBe(0);
    // The navigation stays, and the way back works.
    expect(await nav.getByRole("link", { name: "Audit log" }).count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}route-error.png` });
    await page.unroute("**/assets/audit-page-*.js");
    allowed = null;
    await error.getByRole("link", { name: "Back to the overview" }).click();
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("route-error").count()).toBe(0);
    expect(problems).toEqual([]);
  });
});
