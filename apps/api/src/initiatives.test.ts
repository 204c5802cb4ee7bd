import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * Roadmap initiatives over REST (SPEC §6, §7) on the real HTTP server: a full sign-off round, every
 * refusal status, the 400s that name the field, and who may do what. Marketing owns the
 * initiatives here; sales and customer service take part; R&D does not.
 *
 * The linked goal is sales revenue in 2026-Q1, a finished quarter with two orders of 100.10 and
 * 50.05 attributed to sales: actual 150.15, target 200 → missed.
 */

const PASSWORD = "initiative-tests-password";
// 2027-06-01 launch: a communication plan from 2027-03-03 is exactly 90 days ahead (fine); the
// education plan from 2027-04-02 is 60 days ahead (warning).
const base = {
  title: "Loyalty scheme",
  description: "Points for repeat orders",
  ownerDepartment: "marketing",
  departments: ["marketing", "sales", "customer_service"],
  launchAt: "2027-06-01",
};

describe.each(testDialects())("initiatives over REST on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<string, string>();
  let goalId = "";

  const call = (who: string, method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token: tokens.get(who), body });
  const ok = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, method, path, body);
    expect({ who, path, status: res.status, body: res.status >= 300 ? res.body : undefined }).toMatchObject({
      who,
      path,
      status: method === "POST" && path === "/initiatives" ? 201 : 200,
    });
    return res.body;
  };
  const create = (body: Record<string, unknown> = {}, who = "admin") =>
    ok(who, "POST", "/initiatives", { ...base, ...body });
  const statusOf = async (who: string, method: string, path: string, body?: unknown) =>
    (await call(who, method, path, body)).status;

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    tokens.set("admin", started.token);
    const users = [
      ["marketingHead", "head.marketing@example.com", "department_head", "marketing"],
      ["salesHead", "head.sales@example.com", "department_head", "sales"],
      ["serviceHead", "head.service@example.com", "department_head", "customer_service"],
      ["rndHead", "head.rnd@example.com", "department_head", "rnd"],
      ["viewer", "viewer@example.com", "viewer", undefined],
      ["manager", "am@example.com", "account_manager", "sales"],
    ] as const;
    for (const [who, email, role, department] of users) {
      await ok("admin", "POST", "/users", { email, name: who, password: PASSWORD, role, department });
      const login = await restCall(running.url, "POST", "/auth/login", {
        body: { email, password: PASSWORD },
      });
      tokens.set(who, login.body.token);
    }
    tokens.set("readKey", (await ok("admin", "POST", "/api-keys", { name: "reader", scopes: ["read"] })).key);
    await ok("admin", "POST", "/customers", { customers: [{ id: "c1", name: "Customer One" }] });
    await ok("admin", "POST", "/events", {
      events: [
        { id: "o1", type: "order", customerId: "c1", occurredAt: "2026-01-10T09:00:00Z", amount: "100.10" },
        { id: "o2", type: "order", customerId: "c1", occurredAt: "2026-02-10T09:00:00Z", amount: "50.05" },
      ],
    });
    const goal = await call("admin", "POST", "/goals", {
      department: "sales",
      metric: "revenue",
      period: "2026-Q1",
      target: 200,
    });
    expect(goal.status).toBe(201);
    goalId = goal.body.id;
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it("takes an initiative through a full round: reject, amend (version 2), approve by all, start, spend, complete", async () => {
    const created = await create({
      milestones: [
        {
          title: "Announce",
          kind: "communication",
          department: "marketing",
          startAt: "2027-03-03",
          dueAt: "2027-05-31",
        },
        {
          title: "Train the desk",
          kind: "education",
          department: "customer_service",
          startAt: "2027-04-02",
          dueAt: "2027-05-15",
        },
      ],
      budget: [
        { year: 2027, department: "marketing", planned: "12000.50" },
        { year: 2027, department: "sales", planned: 3000, spent: "0.10" },
      ],
      goals: [{ goalId, baseline: 120, target: 200 }],
    });
    expect(created).toMatchObject({
      status: "draft",
      version: 1,
      round: 0,
      signoffs: [],
      actions: ["submit", "cancel", "edit", "plan"],
    });
    const education = created.milestones[1];
    expect(created.warnings).toEqual([{ code: "lead_time", milestoneId: education.id, days: 60 }]);
    expect(created.budget.total).toEqual({ planned: "15000.50", spent: "0.10" });
    expect(created.goals).toEqual([
      expect.objectContaining({
        goalId,
        baseline: 120,
        target: 200,
        goalTarget: 200,
        actual: 150.15,
        status: "missed",
        metric: "revenue",
      }),
    ]);
    const id = created.id;

    const submitted = await ok("marketingHead", "POST", `/initiatives/${id}/submit`);
    expect(submitted.status).toBe("in_review");
    expect(
      submitted.signoffs.map((s: { department: string; decision: string; version: number }) => [
        s.department,
        s.decision,
        s.version,
      ]),
    ).toEqual([
      ["marketing", "pending", 1],
      ["sales", "pending", 1],
      ["customer_service", "pending", 1],
    ]);
    // The sales head sees only the sign-off as their action.
    expect((await ok("salesHead", "GET", `/initiatives/${id}`)).actions).toEqual(["signoff"]);

    await ok("marketingHead", "POST", `/initiatives/${id}/signoffs`, {
      department: "marketing",
      decision: "approve",
    });
    const rejected = await ok("salesHead", "POST", `/initiatives/${id}/signoffs`, {
      department: "sales",
      decision: "reject",
      comment: "Sales needs the launch after the summer",
    });
    expect(rejected).toMatchObject({ status: "draft", version: 1 });

    const amended = await ok("admin", "PATCH", `/initiatives/${id}`, { launchAt: "2027-09-01" });
    expect(amended).toMatchObject({ status: "draft", version: 2 });
    // Both plans are far enough ahead of the new launch.
    expect(amended.warnings).toEqual([]);

    const resubmitted = await ok("admin", "POST", `/initiatives/${id}/submit`);
    const current = resubmitted.signoffs.filter((s: { current: boolean }) => s.current);
    // Fresh sign-offs: marketing's approval of round 1 does not carry over.
    expect(current.map((s: { decision: string; version: number }) => [s.decision, s.version])).toEqual([
      ["pending", 2],
      ["pending", 2],
      ["pending", 2],
    ]);
    expect(resubmitted.signoffs).toHaveLength(6);

    await ok("salesHead", "POST", `/initiatives/${id}/signoffs`, {
      department: "sales",
      decision: "approve",
    });
    await ok("admin", "POST", `/initiatives/${id}/signoffs`, {
      department: "customer_service",
      decision: "approve",
      comment: "for the head, on leave",
    });
    const approved = await ok("marketingHead", "POST", `/initiatives/${id}/signoffs`, {
      department: "marketing",
      decision: "approve",
    });
    expect(approved).toMatchObject({ status: "approved", version: 2 });
    expect(
      approved.signoffs.filter((s: { current: boolean }) => s.current).map((s: { by: string }) => s.by),
    ).toEqual(["head.marketing@example.com", "head.sales@example.com", "admin@example.com"]);

    const started = await ok("marketingHead", "POST", `/initiatives/${id}/start`);
    expect(started.status).toBe("in_progress");
    // Spending is entered while work runs: the plan changes, the version does not.
    const spent = await ok("admin", "PATCH", `/initiatives/${id}`, {
      budget: [
        { year: 2027, department: "marketing", planned: "12000.50", spent: "4500.25" },
        { year: 2027, department: "sales", planned: 3000, spent: "0.10" },
        { year: 2028, department: "sales", planned: "0.20", spent: "0" },
      ],
    });
    expect(spent).toMatchObject({ status: "in_progress", version: 2 });
    expect(spent.budget).toEqual({
      lines: [
        { year: 2027, department: "marketing", planned: "12000.50", spent: "4500.25" },
        { year: 2027, department: "sales", planned: "3000.00", spent: "0.10" },
        { year: 2028, department: "sales", planned: "0.20", spent: "0.00" },
      ],
      total: { planned: "15000.70", spent: "4500.35" },
      byYear: [
        { year: 2027, planned: "15000.50", spent: "4500.35" },
        { year: 2028, planned: "0.20", spent: "0.00" },
      ],
      byDepartment: [
        { department: "marketing", planned: "12000.50", spent: "4500.25" },
        { department: "sales", planned: "3000.20", spent: "0.10" },
      ],
    });
    const done = await ok("admin", "POST", `/initiatives/${id}/complete`);
    expect(done.status).toBe("done");

    expect(
      done.history.map(
        (h: { action: string; version: number; status: string }) => `${h.action} v${h.version} ${h.status}`,
      ),
    ).toEqual([
      "created v1 draft",
      "submitted v1 in_review",
      "approved v1 in_review",
      "rejected v1 draft",
      "edited v2 draft",
      "submitted v2 in_review",
      "approved v2 in_review",
      "approved v2 in_review",
      "approved v2 approved",
      "started v2 in_progress",
      "planned v2 in_progress",
      "completed v2 done",
    ]);
    expect(done.history[3]).toMatchObject({
      by: "head.sales@example.com",
      department: "sales",
      comment: "Sales needs the launch after the summer",
    });
    expect(done.history[4].changes).toMatchObject({
      launchAt: { from: "2027-06-01", to: "2027-09-01" },
      version: { from: 1, to: 2 },
    });

    // One audit record per change, in the same order.
    const audit = await database.db
      .selectFrom("audit_log")
      .select(["action", "actor"])
      .where("entity_type", "=", "initiative")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      "initiative.create",
      "initiative.submit",
      "initiative.signoff",
      "initiative.signoff",
      "initiative.update",
      "initiative.submit",
      "initiative.signoff",
      "initiative.signoff",
      "initiative.signoff",
      "initiative.start",
      "initiative.update",
      "initiative.complete",
    ]);
    // The rejected round's sign-offs are kept.
    const kept = await database.db
      .selectFrom("initiative_signoffs")
      .selectAll()
      .where("initiative_id", "=", id)
      .execute();
    expect(kept).toHaveLength(6);
  });

  it("answers a wrong-status transition, frozen scope or a second decision 409", async () => {
    const draft = await create();
    expect(await statusOf("admin", "POST", `/initiatives/${draft.id}/start`)).toBe(409);
    expect(await statusOf("admin", "POST", `/initiatives/${draft.id}/complete`)).toBe(409);
    expect(
      await statusOf("admin", "POST", `/initiatives/${draft.id}/signoffs`, {
        department: "sales",
        decision: "approve",
      }),
    ).toBe(409);
    await ok("admin", "POST", `/initiatives/${draft.id}/submit`);
    expect(await statusOf("admin", "POST", `/initiatives/${draft.id}/submit`)).toBe(409);
    await ok("salesHead", "POST", `/initiatives/${draft.id}/signoffs`, {
      department: "sales",
      decision: "approve",
    });
    const again = await call("salesHead", "POST", `/initiatives/${draft.id}/signoffs`, {
      department: "sales",
      decision: "approve",
    });
    expect(again.status).toBe(409);
    for (const department of ["marketing", "customer_service"]) {
      await ok("admin", "POST", `/initiatives/${draft.id}/signoffs`, { department, decision: "approve" });
    }
    // A change of scope while approved: version 2, back in review, every sign-off reopened.
    const reopened = await ok("admin", "PATCH", `/initiatives/${draft.id}`, {
      title: "Loyalty scheme, wider",
    });
    expect(reopened).toMatchObject({ status: "in_review", version: 2, round: 2 });
    for (const department of base.departments) {
      await ok("admin", "POST", `/initiatives/${draft.id}/signoffs`, { department, decision: "approve" });
    }
    await ok("admin", "POST", `/initiatives/${draft.id}/start`);
    const frozen = await call("admin", "PATCH", `/initiatives/${draft.id}`, { launchAt: "2028-01-01" });
    expect(frozen.status).toBe(409);
    expect(frozen.body.error.code).toBe("CONFLICT");
    // The plan still changes while work runs; once done it is closed too.
    await ok("admin", "PATCH", `/initiatives/${draft.id}`, {
      budget: [{ year: 2027, department: "sales", planned: 1, spent: 1 }],
    });
    await ok("admin", "POST", `/initiatives/${draft.id}/complete`);
    expect(await statusOf("admin", "POST", `/initiatives/${draft.id}/cancel`)).toBe(409);
    expect(await statusOf("admin", "PATCH", `/initiatives/${draft.id}`, { budget: [] })).toBe(409);
    const cancelled = await create();
    await ok("admin", "POST", `/initiatives/${cancelled.id}/cancel`);
    expect(await statusOf("admin", "POST", `/initiatives/${cancelled.id}/cancel`)).toBe(409);
    expect(await statusOf("admin", "PATCH", `/initiatives/${cancelled.id}`, { title: "x" })).toBe(409);
  });

  it("answers bad input 400 naming the field", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ departments: ["marketing", "atlantis"] }, "departments.1"],
      [{ ownerDepartment: "atlantis" }, "ownerDepartment"],
      [{ departments: ["sales", "customer_service"] }, "departments"],
      [{ launchAt: "2027-02-30" }, "launchAt"],
      [{ launchAt: "next spring" }, "launchAt"],
      [{ budget: [{ year: 2027, department: "sales", planned: "-5" }] }, "budget.0.planned"],
      [{ budget: [{ year: 2027, department: "sales", planned: "5", spent: -0.01 }] }, "budget.0.spent"],
      [{ budget: [{ year: 2027, department: "sales", planned: "1.234" }] }, "budget.0.planned"],
      [{ budget: [{ year: 2027, department: "rnd", planned: "1" }] }, "budget.0.department"],
      [
        {
          milestones: [
            { title: "Late", kind: "other", department: "sales", startAt: "2027-05-02", dueAt: "2027-05-01" },
          ],
        },
        "milestones.0.dueAt",
      ],
      [
        {
          milestones: [
            { title: "Odd", kind: "party", department: "sales", startAt: "2027-05-02", dueAt: "2027-05-03" },
          ],
        },
        "milestones.0.kind",
      ],
      [
        { goals: [{ goalId: "7d0c2b9e-52a4-4d3c-9b8e-1f2a3b4c5d6e", baseline: 1, target: 2 }] },
        "goals.0.goalId",
      ],
      [{ goals: [{ goalId: "not-a-goal", baseline: 1, target: 2 }] }, "goals.0.goalId"],
      [{ title: "   " }, "title"],
    ];
    for (const [body, field] of cases) {
      const res = await call("admin", "POST", "/initiatives", { ...base, ...body });
      expect({
        body,
        status: res.status,
        fields: res.body.error?.details?.map((d: { field: string }) => d.field),
      }).toEqual({
        body,
        status: 400,
        fields: [field],
      });
      expect(res.body.error.message).toContain(field);
    }
    const draft = await create();
    const patched = await call("admin", "PATCH", `/initiatives/${draft.id}`, {
      milestones: [
        {
          id: "6f1e0a9b-1111-4222-8333-944455556666",
          title: "X",
          kind: "other",
          department: "sales",
          startAt: "2027-01-01",
          dueAt: "2027-01-02",
        },
      ],
    });
    expect(patched.status).toBe(400);
    expect(patched.body.error.details[0].field).toBe("milestones.0.id");
    await ok("admin", "POST", `/initiatives/${draft.id}/submit`);
    const outsider = await call("admin", "POST", `/initiatives/${draft.id}/signoffs`, {
      department: "rnd",
      decision: "approve",
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details[0].field).toBe("department");
    const silent = await call("salesHead", "POST", `/initiatives/${draft.id}/signoffs`, {
      department: "sales",
      decision: "reject",
    });
    expect(silent.status).toBe(400);
    expect(silent.body.error.details[0].field).toBe("comment");
    expect(await statusOf("admin", "GET", "/initiatives/7d0c2b9e-52a4-4d3c-9b8e-1f2a3b4c5d6e")).toBe(404);
    expect(await statusOf("admin", "GET", "/initiatives/nope")).toBe(404);
    expect(await statusOf("admin", "GET", "/initiatives?department=atlantis")).toBe(404);
  });

  it("lists by department and status", async () => {
    const mine = await create({ title: "Only marketing and sales", departments: ["marketing", "sales"] });
    const forSales = await ok("admin", "GET", "/initiatives?department=customer_service");
    expect(forSales.initiatives.some((i: { id: string }) => i.id === mine.id)).toBe(false);
    const drafts = await ok("admin", "GET", "/initiatives?status=draft&department=sales");
    expect(drafts.initiatives.some((i: { id: string }) => i.id === mine.id)).toBe(true);
    expect(
      drafts.initiatives.every(
        (i: { status: string; departments: string[] }) =>
          i.status === "draft" && i.departments.includes("sales"),
      ),
    ).toBe(true);
    // Heads see what their department takes part in, nothing else.
    const rnd = await ok("rndHead", "GET", "/initiatives");
    expect(rnd.initiatives).toEqual([]);
    expect(await statusOf("rndHead", "GET", "/initiatives?department=sales")).toBe(403);
    const sales = await ok("salesHead", "GET", "/initiatives");
    expect(sales.initiatives.length).toBeGreaterThan(0);
    expect(sales.initiatives.every((i: { departments: string[] }) => i.departments.includes("sales"))).toBe(
      true,
    );
  });

  // Who may do what (every action × identity) is in initiatives-access.test.ts.
});
