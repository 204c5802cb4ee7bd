// Customers and account managers in a real browser against the real server with the demo. An admin
// runs level proposals for new customers without a manager and applies them; opens the value
// pyramid and the migration matrix; drills into a problem customer and sees their credit policy and
// reasons; an account manager signs in and sees only their own customers, lands on their home with
// the problem customers first and cannot open another manager's page; an admin opens a manager's page
// from the leaderboard, changes the capacity and hands the customers over. Keeps screenshots of the
// registry, a customer page, the pyramid, the leaderboard, an account manager's home and a manager's
// page in docs/screenshots/.
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import { mkdirSync } from "node:fs";
import type { RunningApp } from "@retain/api";
import AxeBuilder from "@axe-core/playwright";
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
const NEW_IDS = ["zz-new-1", "zz-new-2", "zz-new-3"];

type DemoUser = { email: string; role: string; active: boolean };

describe.runIf(browserTestsEnabled("accounts in Chromium"))(
  "customers and account managers in Chromium",
  () => {
    let app: RunningApp | undefined;
    let browser: Browser | undefined;
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    let adminToken = "";

    const api = <T>(path: string, token: string, init: RequestInit = {}) =>
      restJson<T>(app!.url, path, token, init);

    const tokenOf = (email: string, password: string) => tokenFor(app!.url, email, password);

    const signedInPage = (email: string, password: string) =>
      openSignedIn({ browser: browser!, baseUrl: app!.url, errors, contexts }, email, password);

    /** Critical and serious accessibility violations on the page as it is. */
    async function axeProblems(page: Page, where: string): Promise<string[]> {
      const results = await new AxeBuilder({ page }).analyze();
      return results.violations
        .filter((v) => v.impact === "critical" || v.impact === "serious")
        .map(
          (v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        );
    }
    const a11y: string[] = [];

    beforeAll(async () => {
      app = await startDemoServer();
      browser = await launchChromium();
      mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
      adminToken = await tokenOf(ADMIN.email, ADMIN.password);
      await api("/customers", adminToken, {
        method: "POST",
        body: JSON.stringify({
          customers: NEW_IDS.map((id, i) => ({
            id,
            name: `New customer ${i + 1}`,
            tier: i === 0 ? "vip" : "regular",
          })),
        }),
      });
      // Room for the new customers whatever the demo's profiles: a senior (for the VIP) and a junior
      // (for the regulars) with space to spare, so the level proposals place all of them.
      const users = await api<DemoUser[]>("/users", adminToken);
      for (const level of ["senior", "junior"]) {
        for (const u of users.filter((x) => x.active && x.role === "account_manager")) {
          const path = `/account-managers/${encodeURIComponent(u.email)}`;
          const profile = await api<{ level: string; customers: number }>(path, adminToken);
          if (profile.level !== level) continue;
          await api(path, adminToken, {
            method: "PATCH",
            body: JSON.stringify({ capacity: profile.customers + 500 }),
          });
          break;
        }
      }
    });

    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await app?.close();
    });

    it("an admin proposes by level and applies, reads the pyramid and the matrix, and a problem customer's credit policy", async () => {
      const admin = await signedInPage(ADMIN.email, ADMIN.password);
      await admin.goto(`${app!.url}/account-managers`);
      await admin.getByTestId("leaderboard").waitFor();
      await admin.screenshot({ path: `${DOCS_SCREENSHOTS}account-managers-leaderboard.png`, fullPage: true });
      a11y.push(...(await axeProblems(admin, "account managers")));

      await admin.getByRole("button", { name: "Propose" }).click();
      const proposed = admin.getByRole("table", { name: "Proposed assignments" });
      await proposed.waitFor();
      for (const id of NEW_IDS)
        await expect(proposed.getByRole("cell", { name: id, exact: true }).count()).resolves.toBe(1);
      await admin.getByRole("button", { name: /^Apply \d+ proposals$/ }).click();
      await admin
        .getByRole("status")
        .filter({ hasText: /Applied \d+ assignments/ })
        .waitFor();
      for (const id of NEW_IDS) {
        const customer = await api<{
          accountManager: string | null;
          assignmentHistory: { method: string }[];
        }>(`/customers/${id}`, adminToken);
        expect(customer.accountManager, id).not.toBeNull();
        expect(customer.assignmentHistory.at(-1)?.method).toBe("proposal");
      }

      await admin.goto(`${app!.url}/customers/value`);
      await admin.getByTestId("pyramid").waitFor();
      await admin.getByTestId("migration-matrix").waitFor();
      const pyramid = await api<{ segments: { segment: string; customers: number }[] }>(
        "/customers/pyramid",
        adminToken,
      );
      const top = pyramid.segments.find((s) => s.segment === "top")!;
      await expect(
        admin
          .getByRole("button", {
            name: new RegExp(`^Top\\s*${top.customers.toLocaleString("en-US")} customers? ·`),
          })
          .count(),
      ).resolves.toBe(1);
      await admin.screenshot({ path: `${DOCS_SCREENSHOTS}customers-pyramid.png`, fullPage: true });
      a11y.push(...(await axeProblems(admin, "value pyramid")));

      const problems = await api<{ customers: { customerId: string; reasons: string[] }[] }>(
        "/customers/problems",
        adminToken,
      );
      expect(problems.customers.length).toBeGreaterThan(0);
      const problem = problems.customers[0]!;
      await admin
        .getByTestId("problem-customers")
        .getByRole("link", { name: problem.customerId, exact: true })
        .click();
      await admin.getByTestId("customer-page").waitFor();
      const detail = await api<{ creditPolicy: { policy: string; payments: number } }>(
        `/customers/${encodeURIComponent(problem.customerId)}`,
        adminToken,
      );
      await expect(admin.getByTestId("suggested-action").textContent()).resolves.toBe("Care");
      await expect(admin.getByTestId("problems").textContent()).resolves.toMatch(
        /Rising complaints|Late payments|Falling spend|Open complaint/,
      );
      const credit = await admin.getByTestId("credit-policy").textContent();
      expect(credit).toContain(
        detail.creditPolicy.payments === 0 ? "No payments" : `${detail.creditPolicy.payments} payments`,
      );
      await admin.getByTestId("activity").waitFor();
      await admin.getByTestId("customer-kpis").waitFor();
      await admin.screenshot({ path: `${DOCS_SCREENSHOTS}customer-page.png`, fullPage: true });
      a11y.push(...(await axeProblems(admin, "customer page")));

      await admin.goto(`${app!.url}/customers?segment=top`);
      await admin.getByRole("table", { name: "Customers" }).waitFor();
      await expect(admin.getByText(`${top.customers} customers`, { exact: true }).count()).resolves.toBe(1);
      await admin.screenshot({ path: `${DOCS_SCREENSHOTS}customers-registry.png`, fullPage: true });
      a11y.push(...(await axeProblems(admin, "registry")));
      expect(a11y).toEqual([]);
    });

    it("an account manager sees only their own customers", async () => {
      const users = await api<DemoUser[]>("/users", adminToken);
      const managers = users.filter((u) => u.active && u.role === "account_manager");
      let chosen: { email: string; total: number } | undefined;
      for (const m of managers) {
        const own = await api<{ total: number }>(
          `/customers?accountManager=${encodeURIComponent(m.email)}&limit=1`,
          adminToken,
        );
        if (own.total > 0) {
          chosen = { email: m.email, total: own.total };
          break;
        }
      }
      expect(chosen).toBeDefined();
      const page = await signedInPage(chosen!.email, DEMO_PASSWORD);
      const nav = page.getByRole("navigation", { name: "Main" });
      await nav.getByText("My customers", { exact: true }).click();
      await nav.getByRole("link", { name: "Registry" }).click();
      await page.getByRole("table", { name: "Customers" }).waitFor();
      await expect(page.getByText(/^\d+ customers$/).textContent()).resolves.toBe(
        `${chosen!.total} customers`,
      );
      const managersShown = await page
        .locator("table[aria-label=Customers] tbody tr td:nth-child(8)")
        .allTextContents();
      expect(new Set(managersShown)).toEqual(new Set([chosen!.email]));
      const someoneElses = await api<{ customers: { id: string }[] }>(
        `/customers?limit=1&accountManager=none`,
        adminToken,
      );
      if (someoneElses.customers[0]) {
        await page.goto(`${app!.url}/customers/${encodeURIComponent(someoneElses.customers[0].id)}`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        await expect(page.getByTestId("customer-page").count()).resolves.toBe(0);
      }
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    });
    /** Every customer id a manager serves, read as the admin. */
    async function customersOf(email: string): Promise<Set<string>> {
      const ids = new Set<string>();
      let cursor: string | null = null;
      do {
        const page: { customers: { id: string }[]; next: string | null } = await api(
          `/customers?accountManager=${encodeURIComponent(email)}&limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
          adminToken,
        );
        for (const c of page.customers) ids.add(c.id);
        cursor = page.next;
      } while (cursor);
      return ids;
    }

    it("an account manager lands on their home: problem customers first, only their own customers, their own page only", async () => {
      const users = await api<DemoUser[]>("/users", adminToken);
      const managers = users.filter((u) => u.active && u.role === "account_manager");
      const problems = await api<{ customers: { customerId: string; reasons: string[] }[] }>(
        "/customers/problems",
        adminToken,
      );
      const problemIds = new Set(problems.customers.map((p) => p.customerId));
      let chosen: { email: string; own: Set<string>; problems: Set<string> } | undefined;
      for (const m of managers) {
        const own = await customersOf(m.email);
        const theirs = new Set([...own].filter((id) => problemIds.has(id)));
        if (theirs.size > 0 && own.size > theirs.size) {
          chosen = { email: m.email, own, problems: theirs };
          break;
        }
      }
      expect(chosen, "a demo manager with problem customers and others").toBeDefined();
      const other = managers.find((m) => m.email !== chosen!.email)!;

      const page = await signedInPage(chosen!.email, DEMO_PASSWORD);
      await page.getByTestId("manager-home").waitFor();
      const problemTable = page.getByTestId("problem-customers");
      await problemTable.waitFor();
      await page.getByTestId("other-customers").waitFor();
      // Problem customers come first on the page, each with its reasons and "Care".
      const order = await page
        .locator('[data-testid="problem-customers"], [data-testid="other-customers"]')
        .evaluateAll((tables) => tables.map((t) => t.getAttribute("data-testid")));
      expect(order).toEqual(["problem-customers", "other-customers"]);
      const shownProblems = await problemTable
        .locator("tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer")));
      expect(new Set(shownProblems)).toEqual(chosen!.problems);
      const actions = await problemTable.locator("tbody tr td:nth-child(3)").allTextContents();
      expect(new Set(actions)).toEqual(new Set(["Care"]));
      const showAll = page.getByRole("button", { name: /^Show all \d+$/ });
      if ((await showAll.count()) > 0) await showAll.click();
      await expect
        .poll(
          async () =>
            (await page.locator("[data-testid=other-customers] tbody tr").count()) + shownProblems.length,
        )
        .toBe(chosen!.own.size);
      const shownOthers = await page
        .locator("[data-testid=other-customers] tbody tr")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer")));
      expect(new Set([...shownProblems, ...shownOthers])).toEqual(chosen!.own);
      // Their own KPIs, one card per §8 figure.
      await page.locator('[data-testid="kpi-revenue"] [data-testid="kpi-value"]').waitFor();
      await page.waitForFunction(() => !document.querySelector('.mantine-Skeleton-root, [aria-busy="true"]'));
      await page.screenshot({ path: `${DOCS_SCREENSHOTS}account-manager-home.png`, fullPage: true });
      a11y.push(...(await axeProblems(page, "account manager home")));

      // A problem customer opens its page.
      await problemTable.getByRole("link").first().click();
      await page.getByTestId("customer-page").waitFor();

      // "My results" is their own page, without the admin's editing and handover.
      const nav = page.getByRole("navigation", { name: "Main" });
      await nav.getByRole("link", { name: "My results" }).click();
      await page.getByTestId("manager-kpis").waitFor();
      await page.getByTestId("manager-customers").waitFor();
      expect(new URL(page.url()).pathname).toBe(`/account-managers/${encodeURIComponent(chosen!.email)}`);
      await expect(page.getByRole("button", { name: "Save profile" }).count()).resolves.toBe(0);
      await expect(page.getByTestId("handover").count()).resolves.toBe(0);
      a11y.push(...(await axeProblems(page, "account manager's own page")));

      // Another manager's page is not found, as the API answers.
      await page.goto(`${app!.url}/account-managers/${encodeURIComponent(other.email)}`);
      await page.getByTestId("manager-not-found").waitFor();
      await expect(page.getByTestId("manager-kpis").count()).resolves.toBe(0);
      expect(a11y).toEqual([]);
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    });

    it("an admin opens a manager's page from the leaderboard, changes the capacity and hands the customers over", async () => {
      const period = await api<{
        managers: { email: string; name: string; customers: number; capacity: number; active: boolean }[];
      }>(`/account-managers?period=${new Date().getUTCFullYear()}`, adminToken);
      const candidates = period.managers.filter((m) => m.active && m.customers > 0);
      const source = candidates.at(-1)!;
      const target = period.managers.find((m) => m.active && m.email !== source.email)!;
      expect(source).toBeDefined();
      const targetBefore = (await customersOf(target.email)).size;
      const moving = await customersOf(source.email);

      const admin = await signedInPage(ADMIN.email, ADMIN.password);
      await admin.goto(`${app!.url}/account-managers`);
      const leaderboard = admin.getByTestId("leaderboard");
      await leaderboard.waitFor();
      await leaderboard.getByRole("link", { name: source.name, exact: true }).click();
      await admin.getByTestId("manager-page").waitFor();
      expect(new URL(admin.url()).pathname).toBe(`/account-managers/${encodeURIComponent(source.email)}`);
      await admin.getByTestId("manager-kpis").waitFor();
      await admin.getByTestId("manager-customers").waitFor();
      await expect(admin.getByTestId("manager-load").textContent()).resolves.toContain(
        `of ${source.capacity}`,
      );

      // The capacity, saved through the API and shown after a reload.
      const capacity = source.capacity + 7;
      const input = admin.getByRole("textbox", { name: "Capacity" });
      await input.fill(String(capacity));
      await admin.getByRole("button", { name: "Save profile" }).click();
      await admin.getByRole("status").filter({ hasText: "Saved." }).waitFor();
      const saved = await api<{ capacity: number }>(
        `/account-managers/${encodeURIComponent(source.email)}`,
        adminToken,
      );
      expect(saved.capacity).toBe(capacity);
      await admin.reload();
      await admin.getByTestId("manager-kpis").waitFor();
      await expect
        .poll(() => admin.getByRole("textbox", { name: "Capacity" }).inputValue())
        .toBe(String(capacity));
      await expect(admin.getByTestId("manager-load").textContent()).resolves.toContain(`of ${capacity}`);
      await admin.getByTestId("manager-customers").waitFor();
      await admin.waitForFunction(
        () => !document.querySelector('.mantine-Skeleton-root, [aria-busy="true"]'),
      );
      await admin.screenshot({ path: `${DOCS_SCREENSHOTS}account-manager-page.png`, fullPage: true });
      a11y.push(...(await axeProblems(admin, "a manager's page")));

      // A refused capacity shows on the field (its 400 in the console is the refusal itself).
      const logged = errors.length;
      await admin.getByRole("textbox", { name: "Capacity" }).fill("100001");
      await admin.getByRole("button", { name: "Save profile" }).click();
      await expect.poll(() => admin.getByText(/at most 100,?000/).count()).toBeGreaterThan(0);
      await expect(
        admin.getByRole("textbox", { name: "Capacity" }).getAttribute("aria-invalid"),
      ).resolves.toBe("true");
      expect(errors.splice(logged)).toEqual([
        `${ADMIN.email}: Failed to load resource: the server responded with a status of 400 (Bad Request)`,
      ]);
      await admin.getByRole("button", { name: "Undo changes" }).click();

      // Hand every customer over to one named manager, after a confirmation naming how many.
      const handover = admin.getByTestId("handover");
      await handover.getByRole("combobox", { name: "To" }).click();
      await admin.getByRole("option", { name: `${target.name} (${target.email})`, exact: true }).click();
      await handover
        .getByRole("button", {
          name: `Hand over ${moving.size} ${moving.size === 1 ? "customer" : "customers"}`,
        })
        .click();
      const dialog = admin.getByRole("dialog");
      await expect(dialog.getByTestId("handover-confirmation").textContent()).resolves.toContain(
        `All ${moving.size} ${moving.size === 1 ? "customer" : "customers"} of ${source.name} move to ${target.name}`,
      );
      await dialog.getByRole("button", { name: /^Move \d+ customers?$/ }).click();
      await expect
        .poll(() => admin.getByTestId("handover-result").textContent())
        .toContain(`Moved ${moving.size} ${moving.size === 1 ? "customer" : "customers"}`);
      expect((await customersOf(source.email)).size).toBe(0);
      const after = await customersOf(target.email);
      expect(after.size).toBe(targetBefore + moving.size);
      for (const id of moving) expect(after.has(id), id).toBe(true);
      await admin.getByText(`${source.name} serves no customers`).waitFor();
      expect(a11y).toEqual([]);
      expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    });
  },
);
