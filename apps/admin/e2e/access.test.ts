// Access in a real browser against the real server: an admin creates a
// department head, changes a user and finds the change in the audit log;
// the department head then sees only their department, no settings, and a
// "not allowed" page instead of the users list.
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

const HEAD = {
  email: "sam.head@example.com",
  password: "sales-head-pass-1",
  name: "Sam Head",
  renamed: "Samantha Head",
};
/** The one request the test makes fail on purpose: a department head without a department. */
const EXPECTED_REJECTION = /Failed to load resource: the server responded with a status of 400/;

/** The machine may be busy: give the server and the browser time before calling an expectation failed. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

describe.runIf(browserTestsEnabled("access in Chromium"))("access in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let signedIn = false;
  let expectingRejection = false;
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const trpcCalls: string[] = [];

  async function signIn(email: string, password: string) {
    await page.goto(`${app!.url}/login`);
    await page.locator("input[name=email]").fill(email);
    await page.locator("input[name=password]").fill(password);
    signedIn = true;
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await poll(() => page.getByTestId("current-user").textContent()).toBeTruthy();
  }

  async function choose(label: string, option: string, scope = page.locator("body")) {
    await scope.getByRole("combobox", { name: label }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (!signedIn && EXPECTED_SIGNED_OUT.test(message.text())) return;
      if (expectingRejection && EXPECTED_REJECTION.test(message.text())) return;
      consoleErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith("/trpc/")) trpcCalls.push(url.pathname.slice("/trpc/".length));
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("lets an admin create a department head and change a user", async () => {
    await signIn(ADMIN.email, ADMIN.password);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByText("Settings", { exact: true }).click();
    await nav.getByRole("link", { name: "Users & roles" }).click();
    await page.waitForURL(/\/settings\/users/);
    await page.getByTestId(`user-row-${ADMIN.email}`).waitFor();

    // Create the head of sales.
    await page.getByRole("button", { name: "New user" }).click();
    const dialog = page.getByRole("dialog", { name: "New user" });
    await dialog.locator("input[name=name]").fill(HEAD.name);
    await dialog.locator("input[name=email]").fill(HEAD.email);
    await dialog.locator("input[name=password]").fill(HEAD.password);
    await choose("Role", "Department head", dialog);
    // The server's rule shows next to its field: a department head needs a department.
    expectingRejection = true;
    await dialog.getByRole("button", { name: "Create user" }).click();
    await poll(() => dialog.getByText("Is required for a department_head").count()).toBe(1);
    expectingRejection = false;
    await choose("Department", "Sales", dialog);
    await dialog.getByRole("button", { name: "Create user" }).click();

    // The new user opens in the drawer, and the URL says so.
    const drawer = page.getByTestId("user-drawer");
    await poll(() => drawer.getByRole("heading", { name: HEAD.name }).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get("user")).toMatch(/^[0-9a-f-]{36}$/);

    const form = drawer.getByRole("form", { name: "Edit user" });
    // Rename through the drawer.
    await form.locator("input[name=name]").fill(HEAD.renamed);
    await form.getByRole("button", { name: "Save changes" }).click();
    await poll(() => page.getByTestId(`user-row-${HEAD.email}`).textContent()).toContain(HEAD.renamed);

    // The drawer's history shows the rename: who, and before → after.
    await drawer.getByRole("tab", { name: "History" }).click();
    await page.waitForURL(/tab=history/);
    const history = drawer.getByTestId("history");
    await poll(() => history.textContent()).toContain(HEAD.renamed);
    expect(await history.textContent()).toContain(`by ${ADMIN.email}`);
    expect(await history.getByTestId("change-name").textContent()).toMatch(
      new RegExp(`${HEAD.name}.*${HEAD.renamed}`),
    );
    await page.mouse.move(0, 0);
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${SCREENSHOTS}users-history.png` });

    // The list, filtered through the URL.
    await page.goto(`${app!.url}/settings/users?role=department_head`);
    await page.getByTestId(`user-row-${HEAD.email}`).waitFor();
    expect(await page.getByTestId("user-count").textContent()).toMatch(/^\d+ of \d+ users$/);
    await page.screenshot({ path: `${SCREENSHOTS}users.png`, fullPage: true });
  });

  it("shows the change in the audit log", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
    await page.waitForURL(/\/settings\/audit/);
    await page.getByRole("combobox", { name: "Action" }).fill("user.update");
    await page.waitForURL(/action=user.update/);

    const row = page.locator('[data-action="user.update"]').first();
    await poll(() => row.textContent()).toContain(HEAD.renamed);
    expect(await row.textContent()).toContain(ADMIN.email);
    await row.getByRole("button", { name: "Show before and after" }).click();
    await page.waitForURL(/open=\d+/);
    const id = (await row.getAttribute("data-testid"))?.replace("audit-row-", "");
    const diff = page.getByTestId(`audit-diff-${id}`);
    const nameRow = diff.getByRole("row").filter({ hasText: /^Name/ });
    await poll(() => nameRow.getByRole("cell").allTextContents()).toEqual(["Name", HEAD.name, HEAD.renamed]);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `${SCREENSHOTS}audit.png`, fullPage: true });

    // The link reproduces the filtered, expanded view.
    await page.reload();
    await page.getByTestId(`audit-diff-${id}`).waitFor();
  });

  it("gives the head of sales their department and nothing else", async () => {
    signedIn = false;
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    trpcCalls.length = 0;
    await signIn(HEAD.email, HEAD.password);

    const nav = page.getByRole("navigation", { name: "Main" });
    expect(await nav.getByRole("link").allTextContents()).toEqual([
      "Overview",
      "My department",
      "Goals",
      "Roadmaps",
      "Bill of rights",
    ]);
    expect(await nav.getByText("Settings").count()).toBe(0);

    await poll(() => page.getByTestId("overview-title").textContent()).toBe("Sales department");
    await page.getByTestId("chart-revenue").locator(MARKS).first().waitFor({ timeout: 30_000 });
    await page.getByRole("combobox", { name: "Department" }).click();
    expect(await page.getByRole("option").allTextContents()).toEqual(["Company", "Sales"]);
    await page.keyboard.press("Escape");

    // Company-wide totals are theirs to read too.
    await choose("Department", "Company");
    await page.waitForURL(/department=company/);
    await poll(() => page.getByTestId("overview-title").textContent()).toBe("Company overview");
    await page.goBack();
    await poll(() => page.getByTestId("overview-title").textContent()).toBe("Sales department");
    await page.getByTestId("chart-orders").locator(MARKS).first().waitFor({ timeout: 30_000 });
    await page.mouse.move(0, 0);
    await page.waitForTimeout(1_200);
    await page.screenshot({ path: `${SCREENSHOTS}head-overview.png`, fullPage: true });

    // A typed-in settings URL shows a "not allowed" page and asks the server for nothing of it.
    await page.goto(`${app!.url}/settings/users`);
    await page.getByTestId("not-allowed").waitFor();
    expect(await page.locator('[data-testid^="user-row-"]').count()).toBe(0);
    expect(trpcCalls.filter((call) => /users\.list|users\.history|audit\.|apiKeys\./.test(call))).toEqual([]);
    expect(trpcCalls.some((call) => call.includes("metrics.series"))).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}head-not-allowed.png` });
  });

  it("logs no errors in the browser", () => {
    expect(pageErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
