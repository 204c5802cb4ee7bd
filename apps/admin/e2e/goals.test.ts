// Goals and scorecards in a real browser against the real server with the demo: an admin sets a
// goal in the UI; the head of that department finds it on their department page with the actual
// the API answers, drills down to customers and on to their events, downloads the breakdown as CSV
// and prints the scorecard to PDF. Prints how long the department page took to become interactive,
// and keeps screenshots of the overview, a department page and the bill of rights in docs/screenshots/.
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import { mkdirSync, readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { RunningApp } from "@retain/api";
import { parse } from "csv-parse/sync";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ADMIN,
  browserTestsEnabled,
  DOCS_SCREENSHOTS,
  launchChromium,
  openSignedIn,
  restJson,
  startDemoServer,
  tokenFor,
} from "./harness";

const DEMO_PASSWORD = "retain-demo";
const DEPARTMENT = "sales";
const TITLE = `Orders from returning customers ${Date.now().toString(36)}`;
const TARGET = 40;
const PROPOSED = `Visits to key accounts ${Date.now().toString(36)}`;
const MANAGED = `One manager's orders ${Date.now().toString(36)}`;

type DemoUser = { email: string; role: string; department: string | null; active: boolean };
type ScorecardGoalJson = { id: string; title: string; actual: number | null; metric: string };

/** The running quarter in UTC (the test server's time zone), and its dates. */
function currentQuarter(now = new Date()) {
  const year = now.getUTCFullYear();
  const q = Math.floor(now.getUTCMonth() / 3);
  const from = `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
  const end = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, "0")}-01`;
  return { label: `${year}-Q${q + 1}`, from, to: end };
}

/** The text of every page of a PDF. */
async function pdfText(data: Uint8Array): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data, useSystemFonts: true, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    parts.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return parts.join("\n");
}

/** Critical and serious accessibility violations of what `page` shows, one line each. */
async function axeProblems(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const always = new Set([
    "landmark-one-main",
    "empty-table-header",
    "bypass",
    "link-in-text-block",
    "page-has-heading-one",
  ]);
  return results.violations
    .filter((v) => v.impact === "critical" || v.impact === "serious" || always.has(v.id))
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} — ${v.help}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
}

/** Resolves once no request of `page` has been in flight for half a second. */
async function quiet(page: Page, timeout = 30_000): Promise<void> {
  let inFlight = 0;
  let last = Date.now();
  const start = () => {
    inFlight += 1;
  };
  const end = () => {
    inFlight -= 1;
    last = Date.now();
  };
  page.on("request", start);
  page.on("requestfinished", end);
  page.on("requestfailed", end);
  try {
    const until = Date.now() + timeout;
    while (Date.now() < until && (inFlight > 0 || Date.now() - last < 500)) await page.waitForTimeout(100);
  } finally {
    page.off("request", start);
    page.off("requestfinished", end);
    page.off("requestfailed", end);
  }
}

/**
 * In the page: sets `window.firstGoalRow` to a promise of the page's clock (performance.now) when
 * the goal row titled `title` first shows its actual and its status and a task queued after the
 * next frame has run, so the page answers input. Runs from `addInitScript` too.
 */
function watchFirstGoalRow(title: string): void {
  const w = window as unknown as { firstGoalRow?: Promise<number> };
  w.firstGoalRow = new Promise((resolve) => {
    const shown = () =>
      Array.from(document.querySelectorAll("[data-testid=goal-row]")).some(
        (row) =>
          row.textContent?.includes(title) &&
          Boolean(row.querySelector("[data-testid=goal-actual]")?.textContent) &&
          row.querySelector("[data-status]") !== null,
      );
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!shown()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0));
    };
    observer.observe(document, { childList: true, subtree: true, characterData: true });
    check();
  });
}

/** The page's clock when the watched goal row was first shown and the page answered (see above). */
const firstGoalRowAt = (page: Page) =>
  page.evaluate(() => (window as unknown as { firstGoalRow: Promise<number> }).firstGoalRow);

describe.runIf(browserTestsEnabled("goals and scorecards in Chromium"))(
  "goals and scorecards in Chromium",
  () => {
    let app: RunningApp | undefined;
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    const accessibility: string[] = [];
    const quarter = currentQuarter();
    let head: DemoUser;
    let headToken = "";

    const api = <T>(path: string, token: string, init: RequestInit = {}) =>
      restJson<T>(app!.url, path, token, init);

    const tokenOf = (email: string, password: string) => tokenFor(app!.url, email, password);

    const signedInPage = (email: string, password: string) =>
      openSignedIn(
        { browser: browser!, baseUrl: app!.url, errors, contexts, acceptDownloads: true },
        email,
        password,
      );

    beforeAll(async () => {
      app = await startDemoServer();
      browser = await launchChromium();
      mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      const adminToken = await tokenOf(ADMIN.email, ADMIN.password);
      const users = await api<DemoUser[]>("/users", adminToken);
      const found = users.find(
        (u) => u.active && u.role === "department_head" && u.department === DEPARTMENT,
      );
      if (!found) throw new Error(`the demo has no head of ${DEPARTMENT}`);
      head = found;
      headToken = await tokenOf(head.email, DEMO_PASSWORD);
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await app?.close();
    });

    it("lets an admin create a goal in the UI, active at once", async () => {
      const page = await signedInPage(ADMIN.email, ADMIN.password);
      await page.getByTestId("department-scores").getByTestId("company-score").waitFor();
      await page.waitForTimeout(1_200);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `${DOCS_SCREENSHOTS}overview.png`, fullPage: true });
      accessibility.push(...(await axeProblems(page, "overview")));

      await page.goto(`${app!.url}/goals?department=${DEPARTMENT}&period=${quarter.label}`);
      await page.getByTestId("goals-table").waitFor();
      await page.getByTestId("new-goal").click();
      const dialog = page.getByRole("dialog", { name: "New goal" });
      await dialog.getByTestId("goal-metric").click();
      await dialog.getByTestId("goal-metric").fill("Orders");
      await page.getByRole("option", { name: "Orders", exact: true }).click();
      // A target outside the metric's range is refused on the field, in words.
      await dialog.getByTestId("goal-target").fill("-5");
      await dialog.getByTestId("goal-title").fill(TITLE);
      await dialog.getByTestId("goal-create").click();
      await dialog.getByText("Must be 0 or more").waitFor();
      await dialog.getByTestId("goal-target").fill(String(TARGET));
      await dialog.getByTestId("goal-create").click();
      await dialog.waitFor({ state: "detached" });

      const row = page.locator(`[data-testid=managed-goal][data-title="${TITLE}"]`);
      await row.waitFor();
      expect(await row.getByTestId("goal-state").textContent()).toBe("Active");
      // The live preview: a target far above the actual is off track while it is typed.
      await row.getByRole("button", { name: `Change ${TITLE}` }).click();
      await row.getByTestId("edit-target").fill("1000000");
      await expect.poll(() => row.locator("[data-status]").getAttribute("data-status")).toBe("off_track");
      accessibility.push(...(await axeProblems(page, "goals (editing)")));
      await row.getByRole("button", { name: "Cancel the change" }).click();

      await page.goto(`${app!.url}/bill-of-rights`);
      await page.getByTestId("promise").first().waitFor();
      await page.getByTestId("compliance-past").filter({ hasText: /%|—/ }).waitFor();
      await page.screenshot({ path: `${DOCS_SCREENSHOTS}bill-of-rights.png`, fullPage: true });
      accessibility.push(...(await axeProblems(page, "bill of rights")));
    });

    it("shows the head the goal on their department page with the API's actual, and times the page", async () => {
      const page = await signedInPage(head.email, DEMO_PASSWORD);
      await page.getByRole("link", { name: "My department" }).waitFor();
      // The overview's own reads done first: the time is the department page's alone.
      await quiet(page);
      // From the click on the link (the page's clock then) to the goal row with its actual and
      // status, the page answering input.
      await page.evaluate(watchFirstGoalRow, TITLE);
      await page.evaluate(() => {
        const w = window as unknown as { clickedAt?: number };
        document.addEventListener("click", () => (w.clickedAt = performance.now()), {
          capture: true,
          once: true,
        });
      });
      await page.getByRole("link", { name: "My department" }).click();
      const shownAt = await firstGoalRowAt(page);
      const clickedAt = await page.evaluate(() => (window as unknown as { clickedAt: number }).clickedAt);
      const fromLink = Math.round(shownAt - clickedAt);
      const row = page.locator("[data-testid=goal-row]", { hasText: TITLE });
      await row.getByTestId("goal-open").waitFor();
      await page.locator("[data-testid=department-score][data-score]").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/departments/${DEPARTMENT}`);

      // The page opened as a new document (signed in, the browser's cache as it is): from navigation start.
      await page.context().addInitScript(watchFirstGoalRow, TITLE);
      await page.goto(`${app!.url}/departments/${DEPARTMENT}`);
      const fromLoad = Math.round(await firstGoalRowAt(page));
      console.info(
        `[admin e2e] department page: first goal row with its actual and status, page answering input, ${fromLink} ms after the link's click, ${fromLoad} ms after navigation start when opened as a new document`,
      );
      // SPEC asks for 1 s on the demo (docs/performance.md has the figures); the bound here only
      // catches a page that never settles on a busy machine.
      expect(fromLink).toBeLessThan(10_000);
      expect(fromLoad).toBeLessThan(10_000);

      const asked = Date.now();
      const card = await api<{ goals: ScorecardGoalJson[] }>(
        `/scorecards/${DEPARTMENT}?period=${quarter.label}`,
        headToken,
      );
      console.info(`[admin e2e] GET /scorecards/${DEPARTMENT} answered in ${Date.now() - asked} ms`);
      const served = card.goals.find((g) => g.title === TITLE);
      expect(served).toBeDefined();
      const series = await api<{ points: { period: string; value: number | null }[] }>(
        `/metrics/orders?from=${quarter.from}&to=${quarter.to}&grain=quarter&department=${DEPARTMENT}`,
        headToken,
      );
      expect(series.points.find((p) => p.period === quarter.label)?.value).toBe(served!.actual);
      expect(await row.getAttribute("data-actual")).toBe(String(served!.actual ?? ""));
    });

    it("drills down from the goal to its customers and on to their events, and downloads the CSV", async () => {
      const page = (await contexts[1]!.pages())[0]!;
      const row = page.locator("[data-testid=goal-row]", { hasText: TITLE });
      await row.getByTestId("goal-open").click();
      const detail = page.getByTestId("goal-detail");
      await detail.getByTestId("breakdown-row").first().waitFor();
      expect(new URL(page.url()).searchParams.get("goal")).toBe(await row.getAttribute("data-goal"));

      const breakdown = await api<{
        rows: { key: string | null; name: string; value: number | null; share: number | null }[];
      }>(
        `/metrics/orders/breakdown?from=${quarter.from}&to=${quarter.to}&by=customer&limit=100&department=${DEPARTMENT}`,
        headToken,
      );
      expect(breakdown.rows.length).toBeGreaterThan(0);
      expect(await detail.getByTestId("breakdown-row").count()).toBe(breakdown.rows.length);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        detail.getByTestId("breakdown-csv").click(),
      ]);
      const csv = readFileSync(await download.path(), "utf8");
      const rows = parse(csv, { columns: true }) as Record<string, string>[];
      expect(rows.length).toBe(breakdown.rows.length);
      const byKey = new Map(breakdown.rows.map((r) => [r.key ?? "", r]));
      for (const r of rows) {
        const expected = byKey.get(r.key ?? "");
        expect(expected, `row ${r.key}`).toBeDefined();
        expect(r.name).toBe(expected!.name);
        expect(r.value).toBe(expected!.value === null ? "" : String(expected!.value));
        expect(r.share).toBe(expected!.share === null ? "" : String(expected!.share));
      }
      // Sorted by value, largest first, as the table shows them.
      const values = rows.map((r) => Number(r.value));
      expect(values).toEqual([...values].sort((a, b) => b - a));

      const first = breakdown.rows.find((r) => r.key !== null)!;
      await detail
        .locator(`[data-testid=breakdown-row][data-key="${first.key}"]`)
        .getByRole("button")
        .click();
      const events = page.getByTestId("events");
      await events.getByTestId("event-row").first().waitFor();
      const listed = await api<{ events: { customerId: string | null }[]; next: string | null }>(
        `/events?customer=${encodeURIComponent(first.key!)}&department=${DEPARTMENT}&from=${quarter.from}&to=${quarter.to}&limit=25`,
        headToken,
      );
      expect(await events.getByTestId("event-row").count()).toBe(listed.events.length);
      expect(listed.events.every((e) => e.customerId === first.key)).toBe(true);
      expect(new URL(page.url()).searchParams.get("row")).toBe(first.key);
      if (listed.next) {
        await events.getByTestId("events-older").click();
        await expect.poll(() => new URL(page.url()).searchParams.get("cursor")).toBe(listed.next);
      }
      accessibility.push(...(await axeProblems(page, "department page (goal, breakdown and events open)")));
    });

    it("pictures the department page with a goal opened", async () => {
      const page = (await contexts[1]!.pages())[0]!;
      const row = page.locator("[data-testid=goal-row]", { hasText: TITLE });
      await page.goto(
        `${app!.url}/departments/${DEPARTMENT}?period=${quarter.label}&goal=${await row.getAttribute("data-goal")}`,
      );
      await page.getByTestId("goal-trend").locator(".recharts-bar-rectangle").first().waitFor();
      await page.getByTestId("breakdown-row").first().waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.waitForTimeout(1_000);
      await page.screenshot({ path: `${DOCS_SCREENSHOTS}department.png`, fullPage: true });
    });

    it("prints the scorecard to a PDF with the goal and without the navigation", async () => {
      const page = (await contexts[1]!.pages())[0]!;
      await page.goto(`${app!.url}/departments/${DEPARTMENT}?period=${quarter.label}`);
      await page.locator("[data-testid=goal-row]", { hasText: TITLE }).waitFor();
      await page.emulateMedia({ media: "print" });
      expect(await page.getByRole("navigation", { name: "Main" }).isVisible()).toBe(false);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.byteLength).toBeGreaterThan(1_000);
      const text = (await pdfText(new Uint8Array(pdf))).replace(/\s+/g, " ");
      expect(text).toContain(TITLE);
      expect(text).not.toContain("My department");
      await page.emulateMedia({ media: "screen" });
    });

    it("makes a head's new goal a proposal, which the admin accepts from the queue", async () => {
      const headPage = (await contexts[1]!.pages())[0]!;
      await headPage.goto(`${app!.url}/goals?period=${quarter.label}`);
      await headPage.getByTestId("goals-table").waitFor();
      await headPage.getByTestId("new-goal").click();
      const dialog = headPage.getByRole("dialog", { name: "New goal" });
      await dialog.getByTestId("goal-metric").click();
      await dialog.getByTestId("goal-metric").fill("Orders");
      await headPage.getByRole("option", { name: "Orders", exact: true }).click();
      await dialog.getByTestId("goal-target").fill("25");
      await dialog.getByTestId("goal-title").fill(PROPOSED);
      await dialog.getByRole("button", { name: "Propose goal" }).click();
      await dialog.waitFor({ state: "detached" });
      const mine = headPage.locator(`[data-testid=managed-goal][data-title="${PROPOSED}"]`);
      expect(await mine.getByTestId("goal-state").textContent()).toBe("Proposed");
      await headPage
        .getByTestId("proposal")
        .filter({ hasText: PROPOSED })
        .getByText("Waiting for an administrator")
        .waitFor();

      const adminPage = (await contexts[0]!.pages())[0]!;
      await adminPage.goto(`${app!.url}/goals?department=${DEPARTMENT}&period=${quarter.label}`);
      await adminPage.getByRole("button", { name: `Accept ${PROPOSED}` }).click();
      const accepted = adminPage.locator(`[data-testid=managed-goal][data-title="${PROPOSED}"]`);
      await expect.poll(() => accepted.getByTestId("goal-state").textContent()).toBe("Active");
      const listed = await api<{ goals: { title: string; state: string }[] }>(
        `/goals?department=${DEPARTMENT}&period=${quarter.label}`,
        headToken,
      );
      expect(listed.goals.find((g) => g.title === PROPOSED)?.state).toBe("active");
    });

    it("prints the bill of rights on one page", async () => {
      const page = (await contexts[0]!.pages())[0]!;
      await page.goto(`${app!.url}/bill-of-rights?period=${quarter.label}`);
      const first = page.getByTestId("promise").first();
      await first.waitFor();
      const promise = (await first.locator("p").first().textContent())?.trim() ?? "";
      expect(promise.length).toBeGreaterThan(5);
      await page.emulateMedia({ media: "print" });
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      await page.emulateMedia({ media: "screen" });
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await pdfjs.getDocument({
        data: new Uint8Array(pdf),
        useSystemFonts: true,
        isEvalSupported: false,
      }).promise;
      expect(doc.numPages).toBe(1);
      expect((await pdfText(new Uint8Array(pdf))).replace(/\s+/g, " ")).toContain(promise);
    });

    it("lets an admin set a goal for one account manager, whose actual is the metric read with that filter", async () => {
      const page = (await contexts[0]!.pages())[0]!;
      const adminToken = await tokenOf(ADMIN.email, ADMIN.password);
      // The manager with the most revenue this quarter: their orders are not nothing.
      const { managers } = await api<{ managers: { email: string; kpis: { revenue: number | null } }[] }>(
        `/account-managers?period=${quarter.label}`,
        adminToken,
      );
      const manager = [...managers].sort((a, b) => (b.kpis.revenue ?? 0) - (a.kpis.revenue ?? 0))[0];
      if (!manager) throw new Error("the demo has no account manager");
      const series = await api<{ points: { period: string; value: number | null }[] }>(
        `/metrics/orders?from=${quarter.from}&to=${quarter.to}&grain=quarter&department=${DEPARTMENT}&accountManager=${encodeURIComponent(manager.email)}`,
        adminToken,
      );
      const expected = series.points.find((p) => p.period === quarter.label)?.value ?? null;
      expect(expected).toBeGreaterThan(0);
      const unfiltered = await api<{ points: { period: string; value: number | null }[] }>(
        `/metrics/orders?from=${quarter.from}&to=${quarter.to}&grain=quarter&department=${DEPARTMENT}`,
        adminToken,
      );
      // The filter narrows: one manager's orders are fewer than the department's.
      expect(expected).toBeLessThan(unfiltered.points.find((p) => p.period === quarter.label)?.value ?? 0);

      await page.goto(`${app!.url}/goals?department=${DEPARTMENT}&period=${quarter.label}`);
      await page.getByTestId("goals-table").waitFor();
      await page.getByTestId("new-goal").click();
      const dialog = page.getByRole("dialog", { name: "New goal" });
      await dialog.getByTestId("goal-metric").click();
      await dialog.getByTestId("goal-metric").fill("Orders");
      await page.getByRole("option", { name: "Orders", exact: true }).click();
      await dialog.getByTestId("goal-target").fill("1000000");
      await dialog.getByTestId("goal-title").fill(MANAGED);
      // Before the filter the preview reads the department's orders ...
      const preview = dialog.getByTestId("goal-preview");
      await expect
        .poll(() => preview.getAttribute("data-actual"))
        .toBe(String(unfiltered.points.find((p) => p.period === quarter.label)?.value ?? ""));
      // ... and with it that manager's, as the API does; the status previews the typed target.
      await dialog.getByTestId("goal-account-manager").click();
      await dialog.getByTestId("goal-account-manager").fill(manager.email);
      await page.getByRole("option", { name: new RegExp(manager.email.replace(/[.+]/g, "\\$&")) }).click();
      await expect.poll(() => preview.getAttribute("data-actual")).toBe(String(expected));
      expect(await preview.locator("[data-status]").getAttribute("data-status")).toBe("off_track");
      expect(await preview.textContent()).toContain(`account manager ${manager.email}`);
      await dialog.getByTestId("goal-target").fill(String(TARGET));
      await dialog.getByTestId("goal-create").click();
      await dialog.waitFor({ state: "detached" });

      const row = page.locator(`[data-testid=managed-goal][data-title="${MANAGED}"]`);
      await row.waitFor();
      expect(await row.getByTestId("goal-filter").textContent()).toBe(
        `Only account manager ${manager.email}`,
      );
      const goals = await api<{
        goals: { id: string; title: string; filter: { accountManager?: string } | null }[];
      }>(`/goals?department=${DEPARTMENT}&period=${quarter.label}`, adminToken);
      const goal = goals.goals.find((g) => g.title === MANAGED);
      expect(goal?.filter).toEqual({ accountManager: manager.email });
      const card = await api<{ goals: ScorecardGoalJson[] }>(
        `/scorecards/${DEPARTMENT}?period=${quarter.label}`,
        adminToken,
      );
      expect(card.goals.find((g) => g.id === goal!.id)?.actual).toBe(expected);
      // The table shows that actual, and its live preview judges a typed target against it.
      await expect
        .poll(async () =>
          Number((await row.getByTestId("managed-actual").textContent())?.replace(/[^\d.-]/g, "")),
        )
        .toBe(expected);
      await row.getByRole("button", { name: `Change ${MANAGED}` }).click();
      await row.getByTestId("edit-target").fill("1000000");
      await expect.poll(() => row.locator("[data-status]").getAttribute("data-status")).toBe("off_track");
      await row.getByRole("button", { name: "Cancel the change" }).click();

      // A customer is found in the registry by its id and narrows the preview as the API does.
      const top = await api<{ rows: { key: string | null; name: string; value: number | null }[] }>(
        `/metrics/orders/breakdown?from=${quarter.from}&to=${quarter.to}&by=customer&limit=1&department=${DEPARTMENT}`,
        adminToken,
      );
      const customer = top.rows.find((r) => r.key !== null);
      if (!customer) throw new Error("no customer ordered this quarter");
      const ofCustomer = await api<{ points: { period: string; value: number | null }[] }>(
        `/metrics/orders?from=${quarter.from}&to=${quarter.to}&grain=quarter&department=${DEPARTMENT}&customer=${encodeURIComponent(customer.key!)}`,
        adminToken,
      );
      await page.getByTestId("new-goal").click();
      await dialog.getByTestId("goal-metric").click();
      await dialog.getByTestId("goal-metric").fill("Orders");
      await page.getByRole("option", { name: "Orders", exact: true }).click();
      await dialog.getByTestId("goal-customer").click();
      await dialog.getByTestId("goal-customer").fill(customer.key!);
      await page.getByRole("option", { name: `${customer.name} · ${customer.key}` }).click();
      await expect
        .poll(() => preview.getAttribute("data-actual"))
        .toBe(String(ofCustomer.points.find((p) => p.period === quarter.label)?.value ?? ""));
      expect(await preview.textContent()).toContain(`customer ${customer.key}`);
      await dialog.getByRole("button", { name: "Cancel" }).click();
      await dialog.waitFor({ state: "detached" });

      // The goal's detail on the department page names the filter.
      await page.goto(`${app!.url}/departments/${DEPARTMENT}?period=${quarter.label}&goal=${goal!.id}`);
      expect(await page.getByTestId("goal-detail-filter").textContent()).toBe(
        `Only account manager ${manager.email}`,
      );
      accessibility.push(...(await axeProblems(page, "department page (goal with a filter open)")));
    });

    it("logged no console error and no uncaught exception", () => {
      expect(errors).toEqual([]);
    });

    it("has no critical or serious accessibility violation on these pages", () => {
      expect(accessibility).toEqual([]);
    });
  },
);
