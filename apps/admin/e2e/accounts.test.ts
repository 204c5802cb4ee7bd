// Customers and account managers in a real browser against the real server with the demo. An admin
// runs level proposals for new customers without a manager and applies them; opens the value
// pyramid and the migration matrix; drills into a problem customer and sees their credit policy and
// reasons; an account manager signs in and sees only their own customers. Keeps screenshots of the
// registry, a customer page, the pyramid and the leaderboard in docs/screenshots/.
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
  },
);
