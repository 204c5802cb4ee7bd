import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allApproved,
  changedScope,
  currentSignoffs,
  frozenStatuses,
  step,
  type Action,
  type Initiative,
  type MachineActor,
} from "./machine";

/*
 * Random sequences of actions by random actors against the machine: the SPEC §6 invariants hold
 * after every step, whatever was refused on the way.
 */

const DEPARTMENTS = ["marketing", "sales", "customer_service", "hr"] as const;
const AT = "2026-12-04T10:00:00.000Z";

const actorArb: fc.Arbitrary<MachineActor> = fc.oneof(
  fc.constant<MachineActor>({ role: "admin", department: null, label: "admin" }),
  fc.constantFrom(...DEPARTMENTS, "rnd").map<MachineActor>((d) => ({ role: "department_head", department: d, label: `head.${d}` })),
  fc.constant<MachineActor>({ role: "viewer", department: null, label: "viewer" }),
  fc.constant<MachineActor>({ role: "api_key", department: null, label: "api key" }),
);

const departmentsArb = fc
  .subarray(["sales", "customer_service", "hr"] as string[])
  .map((others) => ["marketing", ...others]);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constant<Action>({ type: "submit", at: AT }),
  fc.record({
    department: fc.constantFrom(...DEPARTMENTS, "rnd"),
    decision: fc.constantFrom("approve" as const, "reject" as const),
    comment: fc.constantFrom(null, "needs work"),
  }).map<Action>((s) => ({ type: "signoff", ...s, at: AT })),
  fc.record(
    {
      title: fc.constantFrom("A", "B"),
      launchAt: fc.constantFrom("2027-06-01", "2027-09-01"),
      departments: departmentsArb,
    },
    { requiredKeys: [] },
  ).chain((scope) => fc.boolean().map<Action>((plan) => ({ type: "edit", scope, plan, at: AT }))),
  fc.constantFrom<Action>({ type: "start", at: AT }, { type: "complete", at: AT }, { type: "cancel", at: AT }),
);

const initial: Initiative = {
  title: "A",
  description: "",
  ownerDepartment: "marketing",
  departments: ["marketing", "sales"],
  launchAt: "2027-06-01",
  status: "draft",
  version: 1,
  round: 0,
  signoffs: [],
};

describe("the initiative machine under random actions", () => {
  it("keeps every SPEC §6 invariant after every step", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(actionArb, actorArb), { maxLength: 40 }), (steps) => {
        let current = initial;
        for (const [action, actor] of steps) {
          const before = current;
          const outcome = step(before, action, actor);
          // Frozen states refuse every real scope edit, whoever asks.
          if (action.type === "edit" && frozenStatuses.includes(before.status) && changedScope(before, action.scope).length > 0) {
            expect(outcome.ok).toBe(false);
          }
          if (!outcome.ok) continue;
          current = outcome.initiative;
          // The version never decreases and grows by exactly one on a change of scope.
          const scopeChanged = action.type === "edit" && changedScope(before, action.scope).length > 0;
          expect(current.version).toBe(before.version + (scopeChanged ? 1 : 0));
          if (action.type === "edit" && frozenStatuses.includes(before.status)) expect(scopeChanged).toBe(false);
          // Approved ⇔ every participant approved the current version (while under review or approved).
          if (current.status === "approved") expect(allApproved(current)).toBe(true);
          if (current.status === "in_review") expect(allApproved(current)).toBe(false);
          // Any rejection sends it back to draft.
          if (action.type === "signoff" && action.decision === "reject") expect(current.status).toBe("draft");
          // Sign-offs are only ever added or decided, never dropped: the history is kept.
          expect(current.signoffs.length).toBeGreaterThanOrEqual(before.signoffs.length);
          before.signoffs.forEach((s, i) => {
            const now = current.signoffs[i]!;
            expect([now.department, now.version, now.round]).toEqual([s.department, s.version, s.round]);
            if (s.decision !== "pending") expect(now).toEqual(s);
          });
          // Open sign-offs are for the current version, one per participating department.
          if (current.status === "in_review" || current.status === "approved") {
            const open = currentSignoffs(current);
            expect(open.map((s) => s.department)).toEqual([...current.departments]);
            expect(open.every((s) => s.version === current.version)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
