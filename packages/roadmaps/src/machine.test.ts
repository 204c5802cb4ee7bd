import { describe, expect, it } from "vitest";
import {
  allApproved,
  availableActions,
  currentSignoffs,
  step,
  type Action,
  type Initiative,
  type MachineActor,
  type Outcome,
  type Scope,
} from "./machine";

const AT = "2026-12-04T10:00:00.000Z";
const admin: MachineActor = { role: "admin", department: null, label: "admin@example.com" };
const head = (department: string): MachineActor => ({ role: "department_head", department, label: `head.${department}@example.com` });
const viewer: MachineActor = { role: "viewer", department: null, label: "viewer@example.com" };
const apiKey: MachineActor = { role: "api_key", department: null, label: "api key reader" };

/** Marketing owns it; sales and customer service take part. */
const draft: Initiative = {
  title: "Loyalty scheme",
  description: "Points for repeat orders",
  ownerDepartment: "marketing",
  departments: ["marketing", "sales", "customer_service"],
  launchAt: "2027-06-01",
  status: "draft",
  version: 1,
  round: 0,
  signoffs: [],
};

function ok(outcome: Outcome): Initiative {
  if (!outcome.ok) throw new Error(`refused: ${outcome.refusal.message}`);
  return outcome.initiative;
}
function refusal(outcome: Outcome) {
  if (outcome.ok) throw new Error(`expected a refusal, got ${outcome.initiative.status}`);
  return outcome.refusal;
}
const run = (initiative: Initiative, ...steps: [Action, MachineActor][]) =>
  steps.reduce((current, [action, actor]) => ok(step(current, action, actor)), initiative);
const submit = { type: "submit", at: AT } as const;
const approve = (department: string): Action => ({ type: "signoff", department, decision: "approve", at: AT });
const reject = (department: string, comment = "not this quarter"): Action => ({
  type: "signoff",
  department,
  decision: "reject",
  comment,
  at: AT,
});
const inReview = run(draft, [submit, admin]);
const approved = run(inReview, [approve("marketing"), admin], [approve("sales"), head("sales")], [approve("customer_service"), admin]);
const started = run(approved, [{ type: "start", at: AT }, admin]);

describe("submit", () => {
  it("moves a draft to in review with one pending sign-off per department for the current version", () => {
    expect(inReview.status).toBe("in_review");
    expect(inReview.round).toBe(1);
    expect(currentSignoffs(inReview)).toEqual(
      ["marketing", "sales", "customer_service"].map((department) => ({
        department,
        version: 1,
        round: 1,
        decision: "pending",
        comment: null,
        by: null,
        at: null,
      })),
    );
    expect(inReview.version).toBe(1);
  });
  it("after a rejection opens fresh sign-offs: approvals of the earlier round do not carry over", () => {
    const rejected = run(inReview, [approve("sales"), head("sales")], [reject("marketing"), head("marketing")]);
    const again = run(rejected, [submit, head("marketing")]);
    expect(again.round).toBe(2);
    expect(currentSignoffs(again).map((s) => s.decision)).toEqual(["pending", "pending", "pending"]);
    expect(again.signoffs).toHaveLength(6);
    expect(again.signoffs.filter((s) => s.decision === "approved")).toHaveLength(1);
  });
  it("is for an admin or the owner's head only (403)", () => {
    expect(refusal(step(draft, submit, head("sales"))).refused).toBe("FORBIDDEN");
    expect(refusal(step(draft, submit, viewer)).refused).toBe("FORBIDDEN");
    expect(ok(step(draft, submit, head("marketing"))).status).toBe("in_review");
  });
  it("refuses anything but a draft (409)", () => {
    for (const initiative of [inReview, approved, started]) {
      expect(refusal(step(initiative, submit, admin)).refused).toBe("CONFLICT");
    }
  });
});

describe("signoff", () => {
  it("approves only when every participating department approved the current version", () => {
    const two = run(inReview, [approve("marketing"), head("marketing")], [approve("sales"), head("sales")]);
    expect(two.status).toBe("in_review");
    expect(allApproved(two)).toBe(false);
    const all = ok(step(two, approve("customer_service"), head("customer_service")));
    expect(all.status).toBe("approved");
    expect(currentSignoffs(all).map((s) => [s.department, s.decision, s.by, s.at])).toEqual([
      ["marketing", "approved", "head.marketing@example.com", AT],
      ["sales", "approved", "head.sales@example.com", AT],
      ["customer_service", "approved", "head.customer_service@example.com", AT],
    ]);
  });
  it("a rejection sends it back to draft and keeps the comment", () => {
    const rejected = ok(step(inReview, reject("sales", "  budget too low  "), head("sales")));
    expect(rejected.status).toBe("draft");
    expect(rejected.version).toBe(1);
    expect(currentSignoffs(rejected).find((s) => s.department === "sales")).toMatchObject({
      decision: "rejected",
      comment: "budget too low",
      by: "head.sales@example.com",
    });
  });
  it("a rejection needs a comment (400 naming comment)", () => {
    const r = refusal(step(inReview, reject("sales", "   "), head("sales")));
    expect(r).toMatchObject({ refused: "BAD_REQUEST", field: "comment" });
  });
  it("an admin signs off naming the department", () => {
    const signed = ok(step(inReview, approve("sales"), admin));
    expect(currentSignoffs(signed).find((s) => s.department === "sales")).toMatchObject({ decision: "approved", by: "admin@example.com" });
  });
  it("for a department that does not take part is 400, even by an admin", () => {
    expect(refusal(step(inReview, approve("rnd"), admin))).toMatchObject({ refused: "BAD_REQUEST", field: "department" });
    expect(refusal(step(inReview, approve("rnd"), head("rnd")))).toMatchObject({ refused: "BAD_REQUEST" });
  });
  it("only that department's head or an admin (403)", () => {
    expect(refusal(step(inReview, approve("sales"), head("marketing"))).refused).toBe("FORBIDDEN");
    expect(refusal(step(inReview, approve("sales"), head("rnd"))).refused).toBe("FORBIDDEN");
    expect(refusal(step(inReview, approve("sales"), viewer)).refused).toBe("FORBIDDEN");
    expect(refusal(step(inReview, approve("sales"), apiKey)).refused).toBe("FORBIDDEN");
  });
  it("outside review is 409, and a department decides once per round (409)", () => {
    expect(refusal(step(draft, approve("sales"), head("sales"))).refused).toBe("CONFLICT");
    expect(refusal(step(approved, approve("sales"), head("sales"))).refused).toBe("CONFLICT");
    const once = ok(step(inReview, approve("sales"), head("sales")));
    expect(refusal(step(once, approve("sales"), head("sales"))).refused).toBe("CONFLICT");
    expect(refusal(step(once, reject("sales"), head("sales"))).refused).toBe("CONFLICT");
  });
});

describe("edit", () => {
  const edit = (scope: Partial<Scope>, plan?: boolean): Action => ({ type: "edit", scope, plan, at: AT });
  it("raises the version by one with every change of scope, in draft too, and stays a draft", () => {
    const edited = ok(step(draft, edit({ title: "Loyalty scheme 2" }), admin));
    expect(edited).toMatchObject({ status: "draft", version: 2, title: "Loyalty scheme 2", round: 0 });
    const twice = ok(step(edited, edit({ launchAt: "2027-07-01", description: "More points" }), admin));
    expect(twice.version).toBe(3);
  });
  it("an unchanged scope is no change: same version", () => {
    const same = step(draft, edit({ title: draft.title, departments: [...draft.departments] }), admin);
    expect(ok(same).version).toBe(1);
    expect(same.ok && same.changed).toBe(false);
  });
  it("a plan change (milestones, budget, goals) keeps the version and the status", () => {
    const planned = step(approved, edit({}, true), admin);
    expect(ok(planned)).toMatchObject({ status: "approved", version: 1 });
    expect(planned.ok && planned.changed).toBe(true);
    expect(ok(step(started, edit({}, true), head("marketing"))).status).toBe("in_progress");
  });
  it("in review or approved: raises the version, reopens every sign-off and puts it in review", () => {
    for (const before of [inReview, approved]) {
      const edited = ok(step(before, edit({ departments: ["marketing", "sales", "customer_service", "hr"] }), admin));
      expect(edited).toMatchObject({ status: "in_review", version: 2, round: 2 });
      expect(currentSignoffs(edited).map((s) => [s.department, s.version, s.decision])).toEqual([
        ["marketing", 2, "pending"],
        ["sales", 2, "pending"],
        ["customer_service", 2, "pending"],
        ["hr", 2, "pending"],
      ]);
      expect(edited.signoffs.filter((s) => s.version === 1)).toHaveLength(3);
    }
  });
  it("scope is frozen in progress, done and cancelled (409)", () => {
    const done = run(started, [{ type: "complete", at: AT }, admin]);
    const cancelled = run(draft, [{ type: "cancel", at: AT }, admin]);
    for (const frozen of [started, done, cancelled]) {
      expect(refusal(step(frozen, edit({ launchAt: "2028-01-01" }), admin))).toMatchObject({ refused: "CONFLICT", field: "launchAt" });
    }
    expect(refusal(step(done, edit({}, true), admin)).refused).toBe("CONFLICT");
    expect(refusal(step(cancelled, edit({}, true), admin)).refused).toBe("CONFLICT");
  });
  it("is for an admin or the owner's head (403)", () => {
    expect(refusal(step(draft, edit({ title: "x" }), head("sales"))).refused).toBe("FORBIDDEN");
    expect(ok(step(draft, edit({ title: "x" }), head("marketing"))).version).toBe(2);
  });
});

describe("start", () => {
  it("moves approved to in progress", () => {
    expect(started.status).toBe("in_progress");
    expect(started.version).toBe(1);
  });
  it("by an admin or the owner's head only (403)", () => {
    expect(refusal(step(approved, { type: "start", at: AT }, head("sales"))).refused).toBe("FORBIDDEN");
    expect(ok(step(approved, { type: "start", at: AT }, head("marketing"))).status).toBe("in_progress");
  });
  it("from any other status is 409", () => {
    for (const initiative of [draft, inReview, started]) {
      expect(refusal(step(initiative, { type: "start", at: AT }, admin)).refused).toBe("CONFLICT");
    }
  });
});

describe("complete", () => {
  it("moves in progress to done", () => {
    expect(ok(step(started, { type: "complete", at: AT }, head("marketing"))).status).toBe("done");
  });
  it("from any other status is 409, by others 403", () => {
    for (const initiative of [draft, inReview, approved]) {
      expect(refusal(step(initiative, { type: "complete", at: AT }, admin)).refused).toBe("CONFLICT");
    }
    expect(refusal(step(started, { type: "complete", at: AT }, head("sales"))).refused).toBe("FORBIDDEN");
  });
});

describe("cancel", () => {
  it("from any status but done", () => {
    for (const initiative of [draft, inReview, approved, started]) {
      expect(ok(step(initiative, { type: "cancel", at: AT }, admin)).status).toBe("cancelled");
    }
  });
  it("done or cancelled already is 409; others than admin or owner's head 403", () => {
    const done = run(started, [{ type: "complete", at: AT }, admin]);
    const cancelled = run(draft, [{ type: "cancel", at: AT }, admin]);
    expect(refusal(step(done, { type: "cancel", at: AT }, admin)).refused).toBe("CONFLICT");
    expect(refusal(step(cancelled, { type: "cancel", at: AT }, admin)).refused).toBe("CONFLICT");
    expect(refusal(step(draft, { type: "cancel", at: AT }, head("customer_service"))).refused).toBe("FORBIDDEN");
  });
});

describe("availableActions", () => {
  it("offers each person only what they may do now", () => {
    expect(availableActions(draft, admin)).toEqual(["submit", "cancel", "edit", "plan"]);
    expect(availableActions(draft, head("sales"))).toEqual([]);
    expect(availableActions(inReview, head("sales"))).toEqual(["signoff"]);
    expect(availableActions(inReview, head("rnd"))).toEqual([]);
    expect(availableActions(approved, head("marketing"))).toEqual(["start", "cancel", "edit", "plan"]);
    expect(availableActions(started, admin)).toEqual(["complete", "cancel", "plan"]);
    expect(availableActions(started, viewer)).toEqual([]);
  });
});
