import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { currentSignoffs, step, type Action, type Initiative, type MachineActor } from "@retain/roadmaps";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * The same random sequences of actions by random actors, through REST and through the pure state
 * machine: every answer's status is the machine's verdict (200 / 400 / 403 / 409) and the initiative
 * the server keeps is the machine's (status, version, current sign-offs). A smaller run, on PGlite.
 */

const PASSWORD = "initiative-model-password";
const AT = "2026-12-04T10:00:00.000Z";
const pglite = testDialects().filter((d) => d.kind === "pglite");

type Who = "admin" | "marketing" | "sales" | "customer_service";
const actors: Record<Who, MachineActor> = {
  admin: { role: "admin", department: null, label: "admin@example.com" },
  marketing: { role: "department_head", department: "marketing", label: "head.marketing@example.com" },
  sales: { role: "department_head", department: "sales", label: "head.sales@example.com" },
  customer_service: {
    role: "department_head",
    department: "customer_service",
    label: "head.customer_service@example.com",
  },
};

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.constantFrom<Action>(
    { type: "submit", at: AT },
    { type: "start", at: AT },
    { type: "complete", at: AT },
    { type: "cancel", at: AT },
  ),
  fc
    .record({
      department: fc.constantFrom("marketing", "sales", "customer_service", "rnd"),
      decision: fc.constantFrom("approve" as const, "reject" as const),
      comment: fc.constantFrom(null, "needs work"),
    })
    .map<Action>((s) => ({ type: "signoff", ...s, at: AT })),
  fc
    .record(
      {
        title: fc.constantFrom("A", "B"),
        launchAt: fc.constantFrom("2027-06-01", "2027-09-01"),
        departments: fc.subarray(["sales", "customer_service"]).map((d) => ["marketing", ...d]),
      },
      { requiredKeys: [] },
    )
    .map<Action>((scope) => ({ type: "edit", scope, at: AT })),
);

const statusOf = { ok: 200, BAD_REQUEST: 400, FORBIDDEN: 403, CONFLICT: 409 } as const;

describe.each(pglite)("initiatives through REST follow the state machine on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    tokens.set("admin", started.token);
    for (const department of ["marketing", "sales", "customer_service"]) {
      const email = `head.${department}@example.com`;
      const created = await restCall(running.url, "POST", "/users", {
        token: started.token,
        body: { email, name: department, password: PASSWORD, role: "department_head", department },
      });
      expect(created.status).toBe(200);
      tokens.set(
        department,
        (await restCall(running.url, "POST", "/auth/login", { body: { email, password: PASSWORD } })).body
          .token,
      );
    }
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  function request(id: string, action: Action): [string, string, unknown?] {
    switch (action.type) {
      case "signoff":
        return [
          "POST",
          `/initiatives/${id}/signoffs`,
          { department: action.department, decision: action.decision, comment: action.comment },
        ];
      case "edit":
        return ["PATCH", `/initiatives/${id}`, action.scope];
      default:
        return ["POST", `/initiatives/${id}/${action.type}`];
    }
  }

  it("answers and stores what the machine says, step by step", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(actionArb, fc.constantFrom<Who>("admin", "marketing", "sales", "customer_service")),
          { minLength: 4, maxLength: 12 },
        ),
        async (steps) => {
          let model: Initiative = {
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
          const created = await restCall(running.url, "POST", "/initiatives", {
            token: tokens.get("admin"),
            body: {
              title: model.title,
              ownerDepartment: "marketing",
              departments: model.departments,
              launchAt: model.launchAt,
            },
          });
          expect(created.status).toBe(201);
          const id: string = created.body.id;
          for (const [action, who] of steps) {
            const outcome = step(model, action, actors[who]);
            const [method, path, body] = request(id, action);
            const answer = await restCall(running.url, method, path, { token: tokens.get(who), body });
            // A head whose department does not take part does not see the initiative at all.
            const hidden = who !== "admin" && !model.departments.includes(who);
            expect({ action, who, status: answer.status }).toEqual({
              action,
              who,
              status: hidden ? 404 : outcome.ok ? statusOf.ok : statusOf[outcome.refusal.refused],
            });
            if (hidden || !outcome.ok) continue;
            model = outcome.initiative;
            expect({
              status: answer.body.status,
              version: answer.body.version,
              departments: answer.body.departments,
              signoffs: answer.body.signoffs
                .filter((s: { current: boolean }) => s.current)
                .map((s: { department: string; decision: string; version: number }) => [
                  s.department,
                  s.decision,
                  s.version,
                ]),
            }).toEqual({
              status: model.status,
              version: model.version,
              departments: model.departments,
              signoffs: currentSignoffs(model).map((s) => [s.department, s.decision, s.version]),
            });
          }
        },
      ),
      { numRuns: 12, seed: 20_261_204 },
    );
  });
});
