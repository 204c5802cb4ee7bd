import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignmentProposals,
  listCustomers,
  listManagers,
  localDateOf,
  problemCustomers,
  pyramid,
  readAccountSettings,
  valueChanges,
  type AccountSettings,
} from "@retain/accounts";
import { billOfRights, companyScorecard, departmentScorecard, listGoals, shiftPeriod } from "@retain/goals";
import { startApp } from "../app";
import { readSettings } from "../settings";
import { seedDemo } from "./seed-demo";

/*
 * What a first start shows, read through the packages behind the admin's pages: every case of
 * customers and account managers (SPEC §8) and every goal status a scorecard can show (SPEC §6).
 */

/**
 * A first start today through the app, and the seed alone on other days of a quarter (its first
 * morning, a day and a half in, the last afternoon): the demo is generated relative to its day, so
 * every case must hold on any of them.
 */
const days = [
  { label: "a first start today", today: undefined },
  { label: "the first morning of a quarter", today: new Date("2026-07-01T10:00:00Z") },
  { label: "a day and a half into a quarter", today: new Date("2026-10-02T12:00:00Z") },
  { label: "the last afternoon of a quarter", today: new Date("2026-06-30T17:00:00Z") },
];

describe.each(days)("the demo seeded on $label", ({ today: day }) => {
  const dataDir = mkdtempSync(join(tmpdir(), "retain-seed-story-"));
  let app: Awaited<ReturnType<typeof startApp>>;
  let settings: AccountSettings;
  let today: string;
  const now = () => day ?? new Date();

  beforeAll(async () => {
    const options = { dataDir, port: 0, demoScale: 0.02, adminPassword: "correct-horse-battery" } as const;
    if (day) {
      app = await startApp({ ...options, seed: "none" });
      await seedDemo(app.database.db, { scale: 0.02, today: day });
    } else {
      app = await startApp({ ...options, seed: "demo" });
    }
    const org = await readSettings(app.database.db);
    settings = await readAccountSettings(app.database.db, org);
    today = localDateOf(now(), settings.timeZone);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe("customers and account managers", () => {
    it("gives every demo account manager a §8 profile: levels 6 / 10 / 12, specialties, industries, varied capacities", async () => {
      const managers = await listManagers(app.database.db);
      expect(managers).toHaveLength(28);
      const levels = (level: string) => managers.filter((m) => m.level === level).length;
      expect([levels("senior"), levels("intermediate"), levels("junior")]).toEqual([6, 10, 12]);
      for (const manager of managers) {
        expect(manager.specialties.length, manager.email).toBeGreaterThan(0);
        expect(manager.industries.length, manager.email).toBeGreaterThan(0);
      }
      expect(managers.some((m) => m.specialties.includes("export") && m.ownerships.includes("foreign"))).toBe(
        true,
      );
      expect(new Set(managers.map((m) => m.capacity)).size).toBeGreaterThan(3);
      const audit = await app.database.db
        .selectFrom("audit_log")
        .select("entity_id")
        .where("action", "=", "account_manager.update")
        .execute();
      expect(new Set(audit.map((a) => a.entity_id)).size).toBe(28);
    });

    it("leaves some customers without a manager, and level proposals find one for most of them", async () => {
      const db = app.database.db;
      const waiting = await listCustomers(
        db,
        { accountManagerId: null, limit: 200 },
        { all: true },
        settings,
        today,
      );
      expect(waiting.total).toBeGreaterThan(0);
      const level = await assignmentProposals(db, "level");
      expect(level.proposals.length + level.unassigned.length).toBe(waiting.total);
      expect(level.proposals.length).toBeGreaterThan(waiting.total / 2);
      // the other methods have work too: a referral, a specialty or an industry to go by
      const withWork = await Promise.all(
        (["relationship", "specialty", "industry"] as const).map((m) => assignmentProposals(db, m)),
      );
      expect(withWork.reduce((n, p) => n + p.proposals.length, 0)).toBeGreaterThan(0);
    });

    it("has every credit policy among today's customers", async () => {
      for (const creditPolicy of ["preferential", "standard", "strict", "stop"] as const) {
        const page = await listCustomers(
          app.database.db,
          { creditPolicy, limit: 1 },
          { all: true },
          settings,
          today,
        );
        expect(page.total, creditPolicy).toBeGreaterThan(0);
      }
    });

    it("fills every segment of the pyramid and moves customers up and down since 90 days ago", async () => {
      const answer = await pyramid(app.database.db, today, settings, {}, { today });
      for (const segment of answer.segments) expect(segment.customers, segment.segment).toBeGreaterThan(0);
      const { changes } = await valueChanges(app.database.db, today, settings);
      expect(changes.some((c) => c.direction === "up")).toBe(true);
      expect(changes.some((c) => c.direction === "down")).toBe(true);
      expect(changes.some((c) => c.from === "prospect")).toBe(true);
      expect(changes.some((c) => c.to === "inactive")).toBe(true);
    });

    it("has problem customers for each reason", async () => {
      const { customers } = await problemCustomers(app.database.db, today, settings);
      const reasons = new Set(customers.flatMap((c) => c.reasons));
      expect([...reasons].sort()).toEqual([
        "falling_spend",
        "late_payments",
        "open_complaint",
        "rising_complaints",
      ]);
    });
  });

  describe("goals", () => {
    let current: string;

    beforeAll(async () => {
      const periods = [...new Set((await listGoals(app.database.db)).map((g) => g.period))].sort();
      current = periods[periods.length - 1] ?? "";
    });

    it("shows on-track, at-risk, off-track and no-data goals in the running quarter, and every department scores", async () => {
      const org = await readSettings(app.database.db);
      const company = await companyScorecard(app.database.db, current, org, now());
      expect(company.departments).toHaveLength(8);
      for (const department of company.departments)
        expect(department.score, department.department).not.toBeNull();
      const statuses = new Set<string>();
      for (const department of company.departments) {
        const card = await departmentScorecard(app.database.db, department.department, current, org, now());
        for (const goal of card.goals) if (goal.state === "active") statuses.add(goal.status);
      }
      for (const status of ["on_track", "at_risk", "off_track", "no_data"])
        expect(statuses, status).toContain(status);
    });

    it("shows met and missed goals in the quarter before", async () => {
      const org = await readSettings(app.database.db);
      const company = await companyScorecard(app.database.db, shiftPeriod(current, -1), org, now());
      expect(company.departments.reduce((n, d) => n + d.status.met, 0)).toBeGreaterThan(0);
      expect(company.departments.reduce((n, d) => n + d.status.missed, 0)).toBeGreaterThan(0);
    });

    it("has proposals waiting, promises in the bill of rights and quality's company-wide goal", async () => {
      const org = await readSettings(app.database.db);
      const proposed = await listGoals(app.database.db, { period: current, state: "proposed" });
      expect(proposed.length).toBeGreaterThan(0);
      const bill = await billOfRights(app.database.db, current, org, now());
      expect(bill.promises.length).toBeGreaterThanOrEqual(2);
      const quality = await listGoals(app.database.db, {
        department: "quality",
        period: current,
        state: "active",
      });
      expect(quality.some((g) => g.scope === "company" && g.metric === "defect_rate")).toBe(true);
    });
  });
});
