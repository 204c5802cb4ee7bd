import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { RunningApp } from "./app";
import { restCall, startSignedIn } from "./rest-test-client";

/*
 * Who may do what to a roadmap initiative (SPEC §6, §7; docs/security.md "Roadmaps"), every action
 * against every identity over REST. Marketing owns the initiative; sales and customer service take
 * part; R&D does not. Each cell runs on an initiative of its own brought to the status the action
 * needs, and a refused call must leave the initiative as it was.
 */

const PASSWORD = "initiative-access-password";
const base = {
  title: "Loyalty scheme",
  description: "Points for repeat orders",
  ownerDepartment: "marketing",
  departments: ["marketing", "sales", "customer_service"],
  launchAt: "2027-06-01",
};

const identities = [
  "admin",
  "ownerHead",
  "participantHead",
  "outsideHead",
  "viewer",
  "accountManager",
  "readKey",
  "ingestKey",
  "anonymous",
] as const;
type Identity = (typeof identities)[number];
type Expected = Record<Identity, number>;
type State = "draft" | "in_review" | "approved" | "in_progress";

/** A change: admins and the owner's head; a participating head 403; an outside head 404 (not theirs to see). */
const change = (admin: number, owner: number, participant: number, outside: number): Expected => ({
  admin,
  ownerHead: owner,
  participantHead: participant,
  outsideHead: outside,
  viewer: 403,
  accountManager: 403,
  readKey: 403,
  ingestKey: 403,
  anonymous: 401,
});
/** A read: signed-in admins and heads, API keys with `read`. */
const read = (admin: number, owner: number, participant: number, outside: number): Expected => ({
  ...change(admin, owner, participant, outside),
  readKey: 200,
});

const milestones = [
  {
    title: "Announce",
    kind: "communication",
    department: "sales",
    startAt: "2027-01-04",
    dueAt: "2027-02-26",
  },
];
const budget = [{ year: 2027, department: "sales", planned: "1200.50", spent: "10" }];

type Row = [
  name: string,
  state: State,
  request: (id: string, goalId: string) => [string, string, unknown?],
  expected: Expected,
];
const rows: Row[] = [
  ["create, owned by marketing", "draft", () => ["POST", "/initiatives", base], change(201, 201, 403, 403)],
  [
    "create, owned by sales",
    "draft",
    () => ["POST", "/initiatives", { ...base, ownerDepartment: "sales" }],
    change(201, 403, 201, 403),
  ],
  ["list", "draft", () => ["GET", "/initiatives"], read(200, 200, 200, 200)],
  [
    "list filtered by sales",
    "draft",
    () => ["GET", "/initiatives?department=sales"],
    read(200, 403, 200, 403),
  ],
  ["get", "draft", (id) => ["GET", `/initiatives/${id}`], read(200, 200, 200, 404)],
  [
    "edit scope",
    "draft",
    (id) => ["PATCH", `/initiatives/${id}`, { title: "Loyalty scheme, renamed" }],
    change(200, 200, 403, 404),
  ],
  [
    "edit scope in review",
    "in_review",
    (id) => ["PATCH", `/initiatives/${id}`, { launchAt: "2027-09-01" }],
    change(200, 200, 403, 404),
  ],
  [
    "plan: milestones",
    "draft",
    (id) => ["PATCH", `/initiatives/${id}`, { milestones }],
    change(200, 200, 403, 404),
  ],
  ["plan: budget", "draft", (id) => ["PATCH", `/initiatives/${id}`, { budget }], change(200, 200, 403, 404)],
  [
    "plan: goals",
    "draft",
    (id, goalId) => ["PATCH", `/initiatives/${id}`, { goals: [{ goalId, baseline: 100, target: 200 }] }],
    change(200, 200, 403, 404),
  ],
  [
    "plan: budget while in progress",
    "in_progress",
    (id) => ["PATCH", `/initiatives/${id}`, { budget }],
    change(200, 200, 403, 404),
  ],
  ["submit", "draft", (id) => ["POST", `/initiatives/${id}/submit`], change(200, 200, 403, 404)],
  [
    "sign-off approve for sales",
    "in_review",
    (id) => ["POST", `/initiatives/${id}/signoffs`, { department: "sales", decision: "approve" }],
    change(200, 403, 200, 404),
  ],
  [
    "sign-off reject for sales",
    "in_review",
    (id) => [
      "POST",
      `/initiatives/${id}/signoffs`,
      { department: "sales", decision: "reject", comment: "After the summer" },
    ],
    change(200, 403, 200, 404),
  ],
  [
    "sign-off approve for marketing",
    "in_review",
    (id) => ["POST", `/initiatives/${id}/signoffs`, { department: "marketing", decision: "approve" }],
    change(200, 200, 403, 404),
  ],
  [
    "sign-off approve for customer service (another participating department)",
    "in_review",
    (id) => ["POST", `/initiatives/${id}/signoffs`, { department: "customer_service", decision: "approve" }],
    change(200, 403, 403, 404),
  ],
  [
    "sign-off reject for customer service (another participating department)",
    "in_review",
    (id) => [
      "POST",
      `/initiatives/${id}/signoffs`,
      { department: "customer_service", decision: "reject", comment: "Not us" },
    ],
    change(200, 403, 403, 404),
  ],
  [
    "sign-off for R&D (does not take part)",
    "in_review",
    (id) => ["POST", `/initiatives/${id}/signoffs`, { department: "rnd", decision: "approve" }],
    change(400, 400, 400, 404),
  ],
  ["start", "approved", (id) => ["POST", `/initiatives/${id}/start`], change(200, 200, 403, 404)],
  ["complete", "in_progress", (id) => ["POST", `/initiatives/${id}/complete`], change(200, 200, 403, 404)],
  ["cancel a draft", "draft", (id) => ["POST", `/initiatives/${id}/cancel`], change(200, 200, 403, 404)],
  [
    "cancel in progress",
    "in_progress",
    (id) => ["POST", `/initiatives/${id}/cancel`],
    change(200, 200, 403, 404),
  ],
];

const errorCodes: Record<number, string> = {
  400: "BAD_REQUEST",
  401: "UNAUTHORIZED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
};

describe.each(testDialects())("initiatives: every action × identity on $kind", (dialect) => {
  let database: TestDatabase;
  let running: RunningApp;
  const tokens = new Map<Identity, string>();
  let goalId = "";

  const call = (who: Identity, method: string, path: string, body?: unknown) =>
    restCall(running.url, method, path, { token: tokens.get(who), body });
  const ok = async (method: string, path: string, body?: unknown) => {
    const res = await call("admin", method, path, body);
    expect({
      path,
      ok: res.status >= 200 && res.status < 300,
      body: res.status >= 300 ? res.body : undefined,
    }).toMatchObject({ path, ok: true });
    return res.body;
  };
  const snapshot = async (id: string) => {
    const detail = await ok("GET", `/initiatives/${id}`);
    return {
      status: detail.status,
      version: detail.version,
      history: detail.history.length,
      signoffs: detail.signoffs,
      budget: detail.budget,
      milestones: detail.milestones,
      goals: detail.goals.length,
    };
  };

  async function initiativeIn(state: State): Promise<string> {
    const { id } = await ok("POST", "/initiatives", base);
    if (state === "draft") return id;
    await ok("POST", `/initiatives/${id}/submit`);
    if (state === "in_review") return id;
    for (const department of base.departments)
      await ok("POST", `/initiatives/${id}/signoffs`, { department, decision: "approve" });
    if (state === "approved") return id;
    await ok("POST", `/initiatives/${id}/start`);
    return id;
  }

  beforeAll(async () => {
    database = await dialect.create();
    const started = await startSignedIn(database);
    running = started.running;
    tokens.set("admin", started.token);
    const users = [
      ["ownerHead", "head.marketing@example.com", "department_head", "marketing"],
      ["participantHead", "head.sales@example.com", "department_head", "sales"],
      ["outsideHead", "head.rnd@example.com", "department_head", "rnd"],
      ["viewer", "viewer@example.com", "viewer", undefined],
      ["accountManager", "am@example.com", "account_manager", "sales"],
    ] as const;
    for (const [who, email, role, department] of users) {
      await ok("POST", "/users", { email, name: who, password: PASSWORD, role, department });
      const login = await restCall(running.url, "POST", "/auth/login", {
        body: { email, password: PASSWORD },
      });
      tokens.set(who, login.body.token);
    }
    tokens.set("readKey", (await ok("POST", "/api-keys", { name: "reader", scopes: ["read"] })).key);
    tokens.set("ingestKey", (await ok("POST", "/api-keys", { name: "loader", scopes: ["ingest"] })).key);
    goalId = (
      await ok("POST", "/goals", { department: "sales", metric: "revenue", period: "2026-Q1", target: 200 })
    ).id;
  });
  afterAll(async () => {
    await running?.close();
    await database?.drop();
  });

  it.each(rows)("%s", async (_name, state, request, expected) => {
    const answers: Record<string, number> = {};
    for (const who of identities) {
      const id = await initiativeIn(state);
      const [method, path, body] = request(id, goalId);
      if (path === "/initiatives" && method === "POST") {
        const count = async () => (await database.db.selectFrom("initiatives").select("id").execute()).length;
        const before = await count();
        const res = await call(who, method, path, body);
        answers[who] = res.status;
        expect({ who, created: (await count()) - before }).toEqual({
          who,
          created: res.status === 201 ? 1 : 0,
        });
        if (res.status === 201)
          expect(res.body).toMatchObject({
            status: "draft",
            version: 1,
            ownerDepartment: (body as typeof base).ownerDepartment,
          });
        else expect({ who, code: res.body.error?.code }).toEqual({ who, code: errorCodes[res.status] });
        continue;
      }
      const before = await snapshot(id);
      const res = await call(who, method, path, body);
      answers[who] = res.status;
      if (res.status >= 400) {
        // A refusal says why in the error envelope and changes nothing.
        expect({ who, code: res.body.error?.code }).toEqual({ who, code: errorCodes[res.status] });
        expect({ who, after: await snapshot(id) }).toEqual({ who, after: before });
      } else if (method !== "GET") {
        expect({ who, changed: await snapshot(id) }).not.toEqual({ who, changed: before });
      }
    }
    expect(answers).toEqual(expected);
  });
});
