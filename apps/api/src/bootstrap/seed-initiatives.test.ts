import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initiativeDetail, listInitiatives } from "@retain/roadmaps";
import { startApp, type RunningApp } from "../app";
import { readSettings } from "../settings";

/** The demo's roadmap: five initiatives in the states a first start should show. */
describe("the demo roadmap", () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp({
      port: 0,
      seed: "demo",
      demoScale: 0.02,
      adminPassword: "correct-horse-battery",
      logLevel: "silent",
      adminDist: "/nonexistent",
    });
  });
  afterAll(async () => {
    await running?.close();
  });

  it("seeds an initiative in progress with spend, one in review after a rejection, a draft with a lead-time warning, a done one that moved its goal, a cancelled one", async () => {
    const { db } = running.database;
    const list = await listInitiatives(db);
    expect(list.map((i) => i.status).sort()).toEqual([
      "cancelled",
      "done",
      "draft",
      "in_progress",
      "in_review",
    ]);
    const admin = { role: "admin" as const, department: null, label: "admin" };
    const settings = await readSettings(db);
    const detail = async (status: string) =>
      initiativeDetail(db, list.find((i) => i.status === status)!.id, settings, new Date(), admin);

    const inProgress = await detail("in_progress");
    expect(Number(inProgress.budget.total.spent)).toBeGreaterThan(0);
    expect(inProgress.goals).toHaveLength(1);

    const review = await detail("in_review");
    expect(review.version).toBe(2);
    expect(review.history.filter((h) => h.action === "rejected")).toHaveLength(1);
    expect(review.history.find((h) => h.action === "rejected")?.comment).toMatch(/root-cause/);

    const draft = await detail("draft");
    expect(draft.warnings).toEqual([expect.objectContaining({ code: "lead_time", days: 60 })]);

    const done = await detail("done");
    const [goal] = done.goals;
    expect(goal).toBeDefined();
    expect(goal!.actual).not.toBeNull();
    expect(goal!.actual!).toBeGreaterThan(goal!.baseline);
  });
});
