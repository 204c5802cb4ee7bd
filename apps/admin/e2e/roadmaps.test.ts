// Roadmaps in a real browser against the real server with the demo: one initiative through a full
// round. An admin creates it and adds two milestones (one starting inside 90 days of launch: a
// warning), submits; the head of sales finds it waiting on their department page and rejects it
// with a comment; the admin changes the launch date (version 2) and submits again; every head
// approves; it shows approved on the timeline and in the approval matrix; the admin starts it and
// enters spend; the goal linked on the page's "Link a goal" form shows its live status. A second
// initiative, cancelled in review, shows the sign-offs it never got as not decided. Prints how long
// the timeline and the initiative page took to become interactive; keeps screenshots in
// docs/screenshots/.
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
const TITLE = `Welcome pack for new customers ${Date.now().toString(36)}`;
const DEPARTMENTS = ["marketing", "sales", "customer_service"] as const;

type DemoUser = { email: string; role: string; department: string | null; active: boolean };

const DAY = 86_400_000;
const dateIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

function currentQuarter(now = new Date()) {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

describe.runIf(browserTestsEnabled("roadmaps in Chromium"))("roadmaps in Chromium", () => {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  const heads = new Map<string, string>();
  let adminToken = "";

  const api = <T>(path: string, token: string, init: RequestInit = {}) =>
    restJson<T>(app!.url, path, token, init);

  const tokenOf = (email: string, password: string) => tokenFor(app!.url, email, password);

  const signedInPage = (email: string, password: string) =>
    openSignedIn({ browser: browser!, baseUrl: app!.url, errors, contexts }, email, password);

  async function choose(page: Page, label: string, option: string) {
    await page.getByRole("combobox", { name: label, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  }

  /** Critical and serious accessibility violations on the page as it is. */
  async function axeProblems(page: Page, where: string): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${where}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }
  const a11y: string[] = [];

  async function status(page: Page) {
    return page.getByTestId("initiative-status").getAttribute("data-status");
  }

  beforeAll(async () => {
    app = await startDemoServer();
    browser = await launchChromium();
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    adminToken = await tokenOf(ADMIN.email, ADMIN.password);
    const users = await api<DemoUser[]>("/users", adminToken);
    for (const department of DEPARTMENTS) {
      const head = users.find((u) => u.active && u.role === "department_head" && u.department === department);
      if (!head) throw new Error(`the demo has no head of ${department}`);
      heads.set(department, head.email);
    }
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.close();
  });

  it("takes one initiative through a full round of sign-off, start and spend", async () => {
    const admin = await signedInPage(ADMIN.email, ADMIN.password);

    // The timeline on the demo roadmap.
    let started = Date.now();
    await admin.goto(`${app!.url}/roadmaps`);
    await admin.locator("[data-testid=timeline-bar]").first().waitFor();
    const timelineMs = Date.now() - started;
    console.info(`[admin e2e] roadmap timeline interactive in ${timelineMs} ms`);
    expect(timelineMs).toBeLessThan(5_000);

    // Create: a draft, version 1.
    await admin.getByRole("button", { name: "New initiative" }).first().click();
    const dialog = admin.getByRole("dialog", { name: "New initiative" });
    await dialog.getByLabel("Title").fill(TITLE);
    await dialog
      .getByLabel("Description")
      .fill("A welcome call, a starter discount and a guide for every new customer.");
    await choose(admin, "Owner department", "Marketing");
    await admin.getByRole("combobox", { name: "Participating departments" }).click();
    await admin.getByRole("option", { name: "Sales", exact: true }).click();
    await admin.getByRole("option", { name: "Customer service", exact: true }).click();
    await admin.keyboard.press("Escape");
    // Field errors in words, on the field: no launch date yet.
    await dialog.getByRole("button", { name: "Create draft" }).click();
    await dialog.getByText("Must not be empty").waitFor();
    const launch = dateIn(200);
    await dialog.getByLabel("Launch date").fill(launch);
    await dialog.getByRole("button", { name: "Create draft" }).click();
    await admin.waitForURL((url) => /^\/roadmaps\/[0-9a-f-]{36}$/.test(url.pathname));
    const id = new URL(admin.url()).pathname.split("/").pop()!;
    await admin.getByTestId("initiative-page").waitFor();
    expect(await status(admin)).toBe("draft");
    expect(await admin.getByTestId("initiative-version").textContent()).toBe("Version 1");

    // Two milestones: communication 110 days ahead of launch (fine), education 30 days ahead (warning).
    const addMilestone = async (
      title: string,
      kind: string,
      department: string,
      start: string,
      due: string,
    ) => {
      await admin.getByRole("button", { name: "Add milestone" }).click();
      const editor = admin.getByTestId("milestone-editor");
      await editor.getByLabel("Milestone title").fill(title);
      await choose(admin, "Kind", kind);
      await choose(admin, "Department", department);
      await editor.getByLabel("Start date").fill(start);
      await editor.getByLabel("Due date").fill(due);
      await editor.getByRole("button", { name: "Save" }).click();
      await admin.locator(`[data-milestone="${title}"]`).waitFor();
    };
    // A milestone due before it starts is refused, naming the row and the field.
    await admin.getByRole("button", { name: "Add milestone" }).click();
    await admin.getByTestId("milestone-editor").getByLabel("Milestone title").fill("Backwards");
    await admin.getByTestId("milestone-editor").getByLabel("Start date").fill(dateIn(100));
    await admin.getByTestId("milestone-editor").getByLabel("Due date").fill(dateIn(99));
    await admin.getByTestId("milestone-editor").getByRole("button", { name: "Save" }).click();
    await admin.getByRole("alert").getByText("Milestone 1, due date: is before the start").waitFor();
    await admin.getByTestId("milestone-editor").getByRole("button", { name: "Cancel" }).click();
    await addMilestone("Announce the welcome pack", "Communication", "Marketing", dateIn(90), dateIn(190));
    await addMilestone("Train the service desk", "Education", "Customer service", dateIn(170), dateIn(195));
    await admin
      .locator('[data-milestone="Train the service desk"]')
      .getByTestId("lead-time-warning")
      .waitFor();
    expect(
      await admin
        .locator('[data-milestone="Announce the welcome pack"]')
        .getByTestId("lead-time-warning")
        .count(),
    ).toBe(0);
    await admin.getByTestId("warnings").waitFor();

    // The goal it should move: sales revenue of this quarter, linked on the page's form; its live
    // actual and status (the scorecard's) show in the linked goals at once.
    const scorecard = await api<{
      goals: {
        id: string;
        title: string;
        metric: string;
        actual: number | null;
        target: number;
        status: string;
      }[];
    }>(`/scorecards/sales?period=${currentQuarter()}`, adminToken);
    const goal = scorecard.goals.find((g) => g.metric === "revenue") ?? scorecard.goals[0];
    if (!goal) throw new Error("the demo has no sales goal this quarter");
    const baseline = Math.round((goal.actual ?? 0) * 0.9);
    await admin.getByRole("button", { name: "Link a goal" }).click();
    await choose(admin, "Goal", `${goal.title} · Sales · ${currentQuarter()}`);
    await admin.getByLabel("Baseline", { exact: true }).fill(String(baseline));
    await admin.getByLabel("Target", { exact: true }).fill(String(goal.target));
    await admin.getByRole("button", { name: "Link", exact: true }).click();
    const linkedGoal = admin.getByTestId("linked-goals").locator(`tr[data-goal="${goal.id}"]`);
    await linkedGoal.waitFor();
    expect(await linkedGoal.locator("[data-status]").getAttribute("data-status")).toBe(goal.status);
    expect(await admin.getByRole("button", { name: "Link a goal" }).isVisible()).toBe(true);
    const linkedOnServer = await api<{ goals: { goalId: string; baseline: number; target: number }[] }>(
      `/initiatives/${id}`,
      adminToken,
    );
    expect(linkedOnServer.goals).toEqual([
      expect.objectContaining({ goalId: goal.id, baseline, target: goal.target }),
    ]);

    await admin.getByRole("button", { name: "Submit for sign-off" }).click();
    await expect.poll(() => status(admin)).toBe("in_review");

    // The head of sales: waiting on their department page; rejects with a comment.
    const sales = await signedInPage(heads.get("sales")!, DEMO_PASSWORD);
    await sales.goto(`${app!.url}/departments/sales`);
    const waiting = sales.getByTestId("waiting-signoff");
    await waiting.getByRole("link", { name: new RegExp(TITLE) }).click();
    await sales.getByTestId("signoff-panel").waitFor();
    // Only the sign-off is theirs to do.
    expect(await sales.getByTestId("initiative-actions").getByRole("button").count()).toBe(0);
    await sales.getByRole("button", { name: "Reject" }).click();
    await sales.getByText("A rejection needs a comment").waitFor();
    await sales.getByLabel("Comment").fill("Sales needs the launch after the trade fair.");
    await sales.getByRole("button", { name: "Reject" }).click();
    await expect.poll(() => status(sales)).toBe("draft");
    await sales
      .getByTestId("history-comment")
      .getByText("Sales needs the launch after the trade fair.")
      .waitFor();

    // The admin amends the scope: version 2, submits again.
    await admin.reload();
    await admin.getByRole("button", { name: "Change scope" }).click();
    const scope = admin.getByRole("dialog", { name: "Change the scope" });
    await scope.getByLabel("Launch date").fill(dateIn(210));
    await scope.getByRole("button", { name: "Save scope" }).click();
    await scope.waitFor({ state: "detached" });
    await expect.poll(() => admin.getByTestId("initiative-version").textContent()).toBe("Version 2");
    await admin.getByRole("button", { name: "Submit for sign-off" }).click();
    await expect.poll(() => status(admin)).toBe("in_review");

    // Every head approves the current version.
    for (const department of DEPARTMENTS) {
      const page = department === "sales" ? sales : await signedInPage(heads.get(department)!, DEMO_PASSWORD);
      await page.goto(`${app!.url}/roadmaps/${id}`);
      await page.getByTestId("signoff-panel").waitFor();
      await page.getByRole("button", { name: "Approve" }).click();
      await page.getByTestId("signoff-panel").waitFor({ state: "detached" });
    }

    // Approved on the timeline and in the matrix.
    await admin.goto(`${app!.url}/roadmaps`);
    const bar = admin.locator(`[data-testid=timeline-bar][data-title="${TITLE}"]`);
    await bar.waitFor();
    expect(await bar.getAttribute("data-status")).toBe("approved");
    await admin.waitForTimeout(500);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${DOCS_SCREENSHOTS}roadmap-timeline.png`, fullPage: true });
    a11y.push(...(await axeProblems(admin, "timeline")));
    await admin.getByText("Approval matrix").click();
    await admin.waitForURL((url) => url.searchParams.get("view") === "matrix");
    const row = admin.locator(`[data-testid=approval-matrix] tr[data-initiative="${TITLE}"]`);
    await row.waitFor();
    for (const department of DEPARTMENTS) {
      expect(await row.locator(`td[data-department=${department}]`).getAttribute("data-decision")).toBe(
        "approved",
      );
    }
    expect(await row.locator("td[data-department=rnd]").getAttribute("data-decision")).toBe("none");
    // Who and when: on hover and on keyboard focus.
    const cell = row.locator("td[data-department=sales] [data-testid=signoff-cell]");
    expect(await cell.getAttribute("aria-label")).toContain(heads.get("sales")!);
    await cell.hover();
    await admin.locator(".mantine-Tooltip-tooltip", { hasText: heads.get("sales")! }).waitFor();
    await admin.screenshot({ path: `${DOCS_SCREENSHOTS}roadmap-matrix.png`, fullPage: true });
    a11y.push(...(await axeProblems(admin, "approval matrix")));

    // Started; spend entered; the linked goal's live status.
    started = Date.now();
    await admin.goto(`${app!.url}/roadmaps/${id}`);
    await admin.getByRole("button", { name: "Start" }).waitFor();
    const pageMs = Date.now() - started;
    console.info(`[admin e2e] initiative page interactive in ${pageMs} ms`);
    expect(pageMs).toBeLessThan(5_000);
    await admin.getByRole("button", { name: "Start" }).click();
    await expect.poll(() => status(admin)).toBe("in_progress");
    await admin.getByRole("button", { name: "Edit budget" }).click();
    await admin.getByRole("button", { name: "Add line" }).click();
    await admin.getByLabel("Planned of line 1").fill("25000.00");
    await admin.getByLabel("Spent of line 1").fill("4321.09");
    await admin.getByRole("button", { name: "Save budget" }).click();
    await expect.poll(() => admin.getByTestId("budget-total-spent").textContent()).toBe("$4,321.09");
    expect(await admin.getByTestId("budget-total-planned").textContent()).toBe("$25,000.00");
    const linked = admin.getByTestId("linked-goals").locator(`tr[data-goal="${goal.id}"]`);
    expect(await linked.locator("[data-status]").getAttribute("data-status")).toBe(goal.status);
    // The whole page in one view (the shell's sticky parts do not repeat in a tall viewport).
    await admin.setViewportSize({ width: 1440, height: 1900 });
    await admin.waitForTimeout(500);
    await admin.mouse.move(0, 0);
    await admin.screenshot({ path: `${DOCS_SCREENSHOTS}initiative.png` });
    a11y.push(...(await axeProblems(admin, "initiative page")));
    expect(a11y).toEqual([]);

    // The server agrees with what the screens showed.
    const detail = await api<{
      status: string;
      version: number;
      signoffs: unknown[];
      budget: { total: { spent: string } };
    }>(`/initiatives/${id}`, adminToken);
    expect(detail).toMatchObject({
      status: "in_progress",
      version: 2,
      budget: { total: { spent: "4321.09" } },
    });
    expect(detail.signoffs).toHaveLength(6);
    // The refused requests were the ones made on purpose: the draft without a launch date and the
    // backwards milestone (the admin), the rejection without a comment (the head of sales), each 400.
    const salesHead = heads.get("sales")!;
    const refused = (who: string) =>
      errors.filter((e) => e.startsWith(`${who}: `) && e.includes("status of 400"));
    expect(refused(ADMIN.email)).toHaveLength(2);
    expect(refused(salesHead)).toHaveLength(1);
    expect(errors.filter((e) => !e.includes("status of 400"))).toEqual([]);
  });

  it("shows the sign-offs a cancelled initiative never got as not decided, not pending", async () => {
    const title = `Cancelled in review ${Date.now().toString(36)}`;
    const earlierErrors = errors.length;
    const post = (path: string, body: unknown = {}) =>
      api<{ id: string }>(path, adminToken, { method: "POST", body: JSON.stringify(body) });
    const { id } = await post("/initiatives", {
      title,
      ownerDepartment: "marketing",
      departments: [...DEPARTMENTS],
      launchAt: dateIn(200),
    });
    await post(`/initiatives/${id}/submit`);
    await post(`/initiatives/${id}/signoffs`, { department: "sales", decision: "approve" });
    await post(`/initiatives/${id}/cancel`);

    const admin = await signedInPage(ADMIN.email, ADMIN.password);
    await admin.goto(`${app!.url}/roadmaps?view=matrix`);
    const row = admin.locator(`[data-testid=approval-matrix] tr[data-initiative="${title}"]`);
    await row.waitFor();
    const cellOf = (department: string) => row.locator(`td[data-department=${department}]`);
    expect(await cellOf("sales").getAttribute("data-decision")).toBe("approved");
    for (const department of ["marketing", "customer_service"]) {
      expect(await cellOf(department).getAttribute("data-decision")).toBe("closed");
      expect(await cellOf(department).textContent()).toBe("Not decided");
      expect(await cellOf(department).getByTestId("signoff-cell").getAttribute("aria-label")).toContain(
        "closed when the initiative was cancelled",
      );
    }
    expect(await row.getByText("Pending").count()).toBe(0);
    expect(await axeProblems(admin, "approval matrix with a cancelled initiative")).toEqual([]);

    await admin.goto(`${app!.url}/roadmaps/${id}`);
    const signoffs = admin.getByTestId("signoffs");
    await signoffs.waitFor();
    expect(await signoffs.locator('[data-department="marketing"]').getAttribute("data-decision")).toBe(
      "closed",
    );
    expect(await signoffs.getByText("Not decided").count()).toBe(2);
    expect(await signoffs.getByText("Pending").count()).toBe(0);
    expect(await axeProblems(admin, "cancelled initiative")).toEqual([]);
    expect(errors.slice(earlierErrors)).toEqual([]);
  });
});
