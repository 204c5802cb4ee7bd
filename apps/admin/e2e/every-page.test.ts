// Every page every role may open, in a real browser against the real server with the demo,
// at a desktop (1440×900) and a phone (390×844) viewport: no console error, no uncaught
// exception, every period preset reached from every other one on the Overview, and axe-core
// with no critical or serious violation. A screenshot of each page, role and viewport is kept
// under e2e/screenshots/every-page/ (git-ignored).
// Needs `npm run build -w @retain/admin` first (the server serves dist/).
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { RunningApp } from "@retain/api";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, browserTestsEnabled, launchChromium, SCREENSHOTS, startDemoServer } from "./harness";

const DEMO_PASSWORD = "retain-demo";
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

type DemoUser = { email: string; name: string; role: string; department: string | null; active: boolean };
type Who = {
  key: string;
  /** Finds this person among the demo's users; the admin is the one the server was started with. */
  pick: (users: readonly DemoUser[]) => DemoUser | undefined;
  admin?: boolean;
};

const WHO: readonly Who[] = [
  { key: "admin", pick: (users) => users.find((u) => u.email === ADMIN.email), admin: true },
  {
    key: "sales-head",
    pick: (users) => users.find((u) => u.role === "department_head" && u.department === "sales"),
  },
  {
    key: "quality-head",
    pick: (users) => users.find((u) => u.role === "department_head" && u.department === "quality"),
  },
  { key: "account-manager", pick: (users) => users.find((u) => u.role === "account_manager") },
  { key: "viewer", pick: (users) => users.find((u) => u.role === "viewer" && u.department === null) },
];

type PageVisit = { key: string; path: string; ready: (page: Page) => Promise<unknown> };

const main = (page: Page) => page.getByRole("main");
/** The machine may be busy: give the server and the browser time before calling an expectation failed. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const COMMON_PAGES: readonly PageVisit[] = [
  { key: "overview", path: "/", ready: (page) => page.getByTestId("overview-title").waitFor() },
  {
    key: "not-found",
    path: "/no-such-page",
    ready: (page) => main(page).getByText("This page does not exist").waitFor(),
  },
];
const ADMIN_PAGES: readonly PageVisit[] = [
  {
    key: "users",
    path: "/settings/users",
    ready: (page) => page.getByTestId(`user-row-${ADMIN.email}`).waitFor(),
  },
  {
    key: "api-keys",
    path: "/settings/api-keys",
    ready: (page) => main(page).getByRole("heading", { name: "API keys", level: 1 }).waitFor(),
  },
  { key: "audit", path: "/settings/audit", ready: (page) => page.locator("[data-action]").first().waitFor() },
  {
    key: "organisation",
    path: "/settings/organisation",
    ready: (page) => main(page).getByRole("heading", { name: "Organisation", level: 1 }).waitFor(),
  },
];
const NOT_ALLOWED: PageVisit = {
  key: "not-allowed",
  path: "/settings/users",
  ready: (page) => page.getByTestId("not-allowed").waitFor(),
};

/**
 * A manager's page (`/account-managers/{email}`): the admin's with the profile form and handover, the
 * manager's own read-only (also reached through their navigation's "My results"); other roles are
 * not allowed there.
 */
function managerPage(who: Who, email: string): PageVisit {
  const path = `/account-managers/${encodeURIComponent(email)}`;
  if (who.admin || who.key === "account-manager")
    return { key: "account-manager-page", path, ready: (page) => page.getByTestId("manager-kpis").waitFor() };
  return {
    key: "account-manager-page-not-allowed",
    path,
    ready: (page) => page.getByTestId("not-allowed").waitFor(),
  };
}

/** The top bar's presets, by their labels. */
const PRESETS = [
  "This month",
  "This quarter",
  "Last quarter",
  "Year to date",
  "Last 12 months",
  "Custom range",
] as const;

/**
 * An order of visits that goes from every preset to every other one exactly once
 * (an Eulerian circuit of the complete directed graph, found with Hierholzer's algorithm).
 */
function everyTransition<T>(items: readonly T[]): T[] {
  const unused = new Map<number, number[]>(
    items.map((_, i) => [i, items.map((__, j) => j).filter((j) => j !== i)]),
  );
  const stack = [0];
  const circuit: number[] = [];
  while (stack.length > 0) {
    const top = stack.at(-1)!;
    const next = unused.get(top)!.shift();
    if (next === undefined) circuit.push(stack.pop()!);
    else stack.push(next);
  }
  return circuit.reverse().map((i) => items[i]!);
}

/** Waits until nothing on the page is loading: no skeleton, nothing marked busy. */
async function settled(page: Page) {
  await page.waitForFunction(
    () => !document.querySelector('[aria-busy="true"], .mantine-Skeleton-root, .mantine-Loader-root'),
    undefined,
    { timeout: 30_000, polling: 100 },
  );
}

type AxeViolation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

/** One paragraph per violated rule, with the first few elements and what to fix on them. */
function describeViolations(where: string, violations: readonly AxeViolation[]): string[] {
  return violations.map((v) => {
    const nodes = v.nodes
      .slice(0, 4)
      .map((n) => `    ${n.target.join(" ")}\n      ${n.failureSummary?.replace(/\n/g, "\n      ") ?? ""}`)
      .join("\n");
    const more = v.nodes.length > 4 ? `\n    … and ${v.nodes.length - 4} more` : "";
    return `${where}: [${v.impact}] ${v.id} — ${v.help} (${v.nodes.length}×, ${v.helpUrl})\n${nodes}${more}`;
  });
}

/** Rules that must hold whatever axe-core rates their impact: a main landmark, named table headers, a way past the navigation. */
const ALWAYS = new Set([
  "landmark-one-main",
  "empty-table-header",
  "bypass",
  "link-in-text-block",
  "page-has-heading-one",
]);

async function axeProblems(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Off by default in axe-core (experimental): the visible text of a control is part of its accessible name.
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const severe = results.violations.filter(
    (v) => v.impact === "critical" || v.impact === "serious" || ALWAYS.has(v.id),
  );
  return describeViolations(where, severe);
}

describe.runIf(browserTestsEnabled("every page in Chromium"))("every page, every role, in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const people = new Map<string, DemoUser>();
  const contexts = new Map<string, BrowserContext>();
  const shots = `${SCREENSHOTS}every-page/`;

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ADMIN),
    });
    const { token } = (await login.json()) as { token: string };
    const list = await fetch(`${app.url}/api/v1/users`, { headers: { authorization: `Bearer ${token}` } });
    const users = ((await list.json()) as DemoUser[]).filter((u) => u.active);
    for (const who of WHO) {
      const person = who.pick(users);
      if (!person) throw new Error(`the demo has no user for ${who.key}`);
      people.set(who.key, person);
    }
  });

  afterAll(async () => {
    for (const context of contexts.values()) await context.close();
    await browser?.close();
    await app?.close();
  });

  /** A page that records what goes wrong in it: console errors and uncaught exceptions. */
  async function watchedPage(context: BrowserContext, errors: string[]) {
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`exception: ${error.message}`));
    return page;
  }

  /** Opens a page, waits for its content, checks it with axe-core and keeps a screenshot. */
  async function visit(page: Page, visit: PageVisit, label: string, problems: string[]) {
    await page.goto(`${app!.url}${visit.path}`);
    await visit.ready(page);
    await settled(page);
    problems.push(...(await axeProblems(page, label)));
    // The first Tab reaches "Skip to content", which moves focus to the page's main content.
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? null);
    if (first !== "Skip to content")
      problems.push(`${label}: the first focusable element is "${first}", not "Skip to content"`);
    else {
      await page.keyboard.press("Enter");
      const focused = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? null);
      if (focused !== "main")
        problems.push(`${label}: "Skip to content" moved focus to ${focused}, not to the main content`);
    }
    await page.mouse.move(0, 0);
    // The charts' entry animation is over in the picture.
    await page.waitForTimeout(visit.key === "overview" ? 900 : 150);
    await page.screenshot({ path: `${shots}${label.replace(/ /g, "-")}.png`, fullPage: true });
  }

  /** The pathnames the Main navigation links to (the settings group's links are the admin's pages above). */
  async function navigationPaths(page: Page): Promise<string[]> {
    const hrefs = await page
      .getByRole("navigation", { name: "Main" })
      .locator("a[href]")
      .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    return [...new Set(hrefs)];
  }

  async function openOverview(page: Page) {
    await page.goto(app!.url);
    await page.getByTestId("overview-title").waitFor();
    await settled(page);
  }

  /** The overview still stands, and nothing went wrong on the way. */
  async function expectIntact(page: Page, errors: readonly string[], step: string) {
    expect(await page.getByText("Unexpected Application Error").count(), step).toBe(0);
    expect(await page.getByRole("combobox", { name: "Period" }).count(), step).toBe(1);
    expect(errors, step).toEqual([]);
  }

  async function choosePreset(page: Page, label: string) {
    const period = page.getByRole("combobox", { name: "Period" });
    // On a busy machine a click can land while the list is still opening; try again, a few times.
    for (let attempt = 1; ; attempt += 1) {
      await period.click();
      await page.getByRole("option", { name: label, exact: true }).click();
      try {
        await expect.poll(() => period.inputValue(), { timeout: 5_000 }).toBe(label);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
        await page.keyboard.press("Escape");
      }
    }
    await settled(page);
  }

  for (const viewport of VIEWPORTS) {
    it(`shows the sign-in page to a visitor at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser!.newContext({ viewport });
      const errors: string[] = [];
      const problems: string[] = [];
      try {
        const page = await watchedPage(context, errors);
        await page.goto(app!.url);
        await page.waitForURL(/\/login/);
        await page.locator("input[name=email]").waitFor();
        await settled(page);
        problems.push(...(await axeProblems(page, `visitor login ${viewport.name}`)));
        await page.screenshot({ path: `${shots}visitor-login-${viewport.name}.png`, fullPage: true });
      } finally {
        await context.close();
      }
      const found = [...errors, ...problems];
      expect(found, found.join("\n\n")).toEqual([]);
    });
  }

  async function contextFor(who: Who, viewport: Viewport): Promise<BrowserContext> {
    let context = contexts.get(who.key);
    if (!context) {
      context = await browser!.newContext({ viewport });
      contexts.set(who.key, context);
      const person = people.get(who.key)!;
      const page = await context.newPage();
      await page.goto(`${app!.url}/login`);
      await page.locator("input[name=email]").fill(person.email);
      await page.locator("input[name=password]").fill(who.admin ? ADMIN.password : DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname === "/");
      await page.close();
    }
    return context;
  }

  for (const who of WHO) {
    for (const viewport of VIEWPORTS) {
      it(`${who.key}: every page at ${viewport.width}×${viewport.height}, every period preset, no serious accessibility violation`, async () => {
        const context = await contextFor(who, viewport);
        const errors: string[] = [];
        const problems: string[] = [];
        const page = await watchedPage(context, errors);
        try {
          await page.setViewportSize(viewport);
          const pages = [
            ...COMMON_PAGES,
            ...(who.admin ? ADMIN_PAGES : [NOT_ALLOWED]),
            managerPage(who, people.get("account-manager")!.email),
          ];
          for (const p of pages) await visit(page, p, `${who.key} ${p.key} ${viewport.name}`, problems);
          // Every other section the role's navigation offers (the pages above were left on one of them).
          await page.goto(app!.url);
          await page.getByTestId("overview-title").waitFor();
          const offered = await navigationPaths(page);
          const visited = new Set(pages.map((p) => p.path));
          for (const path of offered.filter((p) => !visited.has(p))) {
            const section: PageVisit = {
              key: path.slice(1).replace(/\//g, "-"),
              path,
              ready: (p) => main(p).getByRole("heading", { level: 1 }).first().waitFor(),
            };
            await visit(page, section, `${who.key} ${section.key} ${viewport.name}`, problems);
          }

          // On the desktop every preset is reached from every other in one walk (periods.test.ts
          // also starts each pair from a freshly opened page); on the phone each preset once.
          await openOverview(page);
          // The overview opens on its default preset.
          let previous: string = "Last 12 months";
          const walk = viewport.name === "desktop" ? everyTransition(PRESETS) : [...PRESETS];
          for (const preset of walk) {
            if (preset === previous) continue;
            await choosePreset(page, preset);
            await expectIntact(page, errors, `${previous} → ${preset} in one walk`);
            previous = preset;
          }
        } finally {
          await page.close();
        }
        const found = [...errors, ...problems];
        expect(found, found.join("\n\n")).toEqual([]);
      }, 300_000);
    }
  }

  describe("what the pages say and how they behave", () => {
    let page: Page;
    const errors: string[] = [];

    beforeAll(async () => {
      page = await watchedPage(await contextFor(WHO[0]!, VIEWPORTS[0]), errors);
      await page.setViewportSize(VIEWPORTS[0]);
    });
    afterAll(async () => {
      await page.close();
      expect(errors).toEqual([]);
    });

    it("opens a metric's definition and a figure's exact value on keyboard focus", async () => {
      await page.goto(app!.url);
      await page.getByTestId("overview-title").waitFor();
      await settled(page);
      const card = page.locator('[data-testid^="kpi-"]').first();
      const about = card.getByRole("button", { name: /^What .+ means$/ });
      await about.focus();
      const tooltip = page.getByRole("tooltip");
      await tooltip.waitFor();
      expect((await tooltip.textContent())?.length).toBeGreaterThan(10);
      expect(await about.getAttribute("aria-describedby")).toBe(await tooltip.getAttribute("id"));
      await card.getByTestId("kpi-value").focus();
      await expect.poll(() => tooltip.textContent()).toMatch(/\d/);
    });

    it("names every chart by what it shows and keeps sparklines out of the tab order", async () => {
      const charts = page.locator('[data-testid^="chart-"] svg.recharts-surface');
      await charts.first().waitFor();
      for (const chart of await charts.all()) {
        expect(await chart.getAttribute("role")).toBe("img");
        expect(await chart.getAttribute("aria-label")).toMatch(
          /compared with .*: .*\. Every value is in the table that follows\.$/,
        );
      }
      const focusable = await page.evaluate(
        () =>
          [...document.querySelectorAll<SVGElement>("svg[tabindex]")].filter(
            (svg) => svg.tabIndex >= 0 && !svg.closest("[inert]") && !svg.getAttribute("aria-label"),
          ).length,
      );
      expect(focusable, "focusable charts without a name").toBe(0);
    });

    it("shows a department head's role in words and their department by name", async () => {
      const head = people.get("quality-head")!;
      const context = await contextFor(
        WHO.find((w) => w.key === "quality-head")!,
        VIEWPORTS[0],
      );
      const other = await watchedPage(context, errors);
      try {
        await other.setViewportSize(VIEWPORTS[0]);
        await other.goto(app!.url);
        await other.getByTestId("current-user").waitFor();
        expect(await other.getByTestId("current-user").textContent()).toBe(head.name);
        await expect
          .poll(() => other.getByText("Department head · Quality", { exact: true }).count())
          .toBe(1);
      } finally {
        await other.close();
      }
    });

    it("lists users sorted by name, as the Name column header says", async () => {
      await page.goto(`${app!.url}/settings/users`);
      await page.getByTestId(`user-row-${ADMIN.email}`).waitFor();
      const header = page.getByRole("columnheader", { name: /^Name/ });
      expect(await header.getAttribute("aria-sort")).toBe("ascending");
      const names = await page
        .locator('[data-testid^="user-row-"] td:first-child p:first-child')
        .allTextContents();
      const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });
      expect(names.length).toBeGreaterThan(5);
      expect(names).toEqual([...names].sort(collator.compare));
      // The other columns sort too, and a third click goes back to the order by name.
      const role = page.getByRole("columnheader", { name: /^Role/ });
      await role.getByRole("button").click();
      await expect.poll(() => role.getAttribute("aria-sort")).toBe("ascending");
      expect(new URL(page.url()).searchParams.get("sort")).toBe("role");
    });

    it("labels settings in the audit log as the settings form does", async () => {
      const login = await page.request.post(`${app!.url}/api/v1/auth/login`, { data: ADMIN });
      const { token } = (await login.json()) as { token: string };
      const change = await page.request.patch(`${app!.url}/api/v1/settings`, {
        headers: { authorization: `Bearer ${token}` },
        data: { complaintSlaHours: 36 },
      });
      expect(change.status()).toBe(200);
      await page.goto(`${app!.url}/settings/audit?action=settings.update`);
      const row = page.locator('[data-action="settings.update"]').first();
      await row.waitFor();
      expect(await row.textContent()).toContain("Complaint SLA (hours)");
      await row.getByRole("button", { name: "Show before and after" }).click();
      const diff = page.locator('[data-testid^="audit-diff-"]').first();
      await poll(() =>
        diff
          .getByRole("row")
          .filter({ hasText: "Complaint SLA (hours)" })
          .getByRole("cell")
          .allTextContents(),
      ).toEqual(["Complaint SLA (hours)", "24", "36"]);
      expect(await page.getByText(/Complaint sla/).count()).toBe(0);
    });

    it("says why Sign in is disabled and links the API reference", async () => {
      const visitor = await browser!.newContext({ viewport: VIEWPORTS[0] });
      try {
        const login = await watchedPage(visitor, errors);
        await login.goto(`${app!.url}/login`);
        const button = login.getByRole("button", { name: "Sign in" });
        await button.waitFor();
        expect(await button.isDisabled()).toBe(true);
        const reason = login.getByTestId("submit-reason");
        expect(await reason.textContent()).toBe("Enter the email and password to sign in.");
        expect(await button.getAttribute("aria-describedby")).toBe(await reason.getAttribute("id"));
        await login.locator("input[name=email]").fill("someone@example.com");
        expect(await reason.textContent()).toBe("Enter the password to sign in.");
        expect(await login.getByRole("link", { name: "API reference" }).getAttribute("href")).toBe(
          "/api/v1/docs",
        );
      } finally {
        await visitor.close();
      }
    });
  });
});
