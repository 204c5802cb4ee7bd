import { createHash } from "node:crypto";
import { customerInput, eventInput, eventTypeKeys, type EventInput } from "@retain/warehouse";
import { beforeAll, describe, expect, it } from "vitest";
import { customersAtCreation } from "./customer-records";
import { departmentKeys } from "./departments";
import { generateDemo } from "./generate";
import type { DemoData } from "./types";

const today = new Date("2026-08-15T12:00:00Z");
const DAY = 86_400_000;

function firstEvents(data: DemoData, count: number): EventInput[] {
  const events: EventInput[] = [];
  for (const event of data.events()) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

function fingerprint(data: DemoData): string {
  const content = {
    users: data.users,
    customers: data.customers,
    goals: data.goals,
    events: firstEvents(data, 1000),
  };
  return createHash("sha256").update(JSON.stringify(content)).digest("hex");
}

const quarterOf = (iso: string): string =>
  `${iso.slice(0, 4)}-Q${Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + 1}`;

describe("generateDemo at scale 1", () => {
  let data: DemoData;
  let events: EventInput[];
  let cpuMs: number;

  beforeAll(() => {
    const before = process.cpuUsage();
    data = generateDemo({ today });
    const used = process.cpuUsage(before);
    cpuMs = (used.user + used.system) / 1000;
    events = [...data.events()];
  });

  it("is generated in well under 3 s", () => {
    expect(cpuMs).toBeLessThan(3000);
  });

  it("is deterministic for a seed and different for another", () => {
    const again = generateDemo({ today, seed: 42 });
    expect(fingerprint(again)).toBe(fingerprint(data));
    expect(again.eventCount).toBe(data.eventCount);
    expect(fingerprint(generateDemo({ today, seed: 7, scale: 0.05 }))).not.toBe(
      fingerprint(generateDemo({ today, seed: 42, scale: 0.05 })),
    );
    // each call of events() is a fresh pass over the same events
    expect(firstEvents(data, 1000)).toEqual(events.slice(0, 1000));
  });

  it("has the company's people: heads of every department, a sales force of every level, viewers", () => {
    const { users } = data;
    expect(users.length).toBeGreaterThanOrEqual(40);
    expect(users.some((user) => user.role === "admin")).toBe(false);
    expect(new Set(users.map((user) => user.email)).size).toBe(users.length);
    for (const department of departmentKeys) {
      expect(users.filter((u) => u.role === "department_head" && u.department === department)).toHaveLength(
        1,
      );
    }
    const managers = users.filter((user) => user.role === "account_manager");
    expect(managers.length).toBeGreaterThanOrEqual(25);
    expect(new Set(managers.map((m) => m.level))).toEqual(new Set(["senior", "intermediate", "junior"]));
    for (const manager of managers) {
      expect(manager.department).toBe("sales");
      expect(manager.specialty).toBeTruthy();
      expect(manager.industryFocus).toBeTruthy();
    }
    expect(users.filter((user) => user.role === "viewer").length).toBeGreaterThanOrEqual(2);
  });

  it("has valid customers of every kind, served by managers of the right level", () => {
    const { customers, users } = data;
    expect(customers.length).toBeGreaterThanOrEqual(2000);
    for (const customer of customers) expect(customerInput.safeParse(customer).success).toBe(true);
    expect(new Set(customers.map((c) => c.id)).size).toBe(customers.length);
    expect(new Set(customers.map((c) => c.size))).toEqual(new Set(["large", "medium", "small"]));
    expect(new Set(customers.map((c) => c.ownership)).size).toBe(5);
    expect(new Set(customers.map((c) => c.industry)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(customers.map((c) => c.region)).size).toBeGreaterThanOrEqual(5);

    const count = (tier: string) => customers.filter((c) => c.tier === tier).length;
    expect(count("vip")).toBeGreaterThan(0);
    expect(count("vip")).toBeLessThan(count("key"));
    expect(count("key")).toBeLessThan(count("regular") / 4);

    const level = new Map(users.map((user) => [user.email, user.level]));
    const assigned = customers.filter((c) => c.accountManager !== null);
    for (const customer of assigned) {
      expect(level.get(customer.accountManager ?? "")).toBeDefined();
      if (customer.tier !== "regular") expect(level.get(customer.accountManager ?? "")).toBe("senior");
    }
    // without a manager: recent sign-ups, and the customers of the manager who left last week
    const unassigned = customers.filter((c) => c.accountManager === null);
    expect(unassigned.length).toBeGreaterThan(20);
    expect(unassigned.length).toBeLessThan(customers.length * 0.1);
    const leftLastWeek = new Set(
      data.reassignments.filter((r) => r.accountManager === null).map((r) => r.customerId),
    );
    expect(leftLastWeek.size).toBeGreaterThan(0);
    for (const customer of unassigned) {
      const recent = Date.parse(customer.createdAt ?? "") > today.getTime() - 45 * DAY;
      expect(recent || leftLastWeek.has(customer.id), customer.id).toBe(true);
    }
    expect(customers.filter((c) => c.referredBy).length).toBeGreaterThan(50);

    const start = Date.parse(events[0]?.occurredAt ?? "") - DAY;
    const created = customers.map((c) => Date.parse(c.createdAt ?? ""));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(start);
    expect(Math.max(...created)).toBeLessThanOrEqual(today.getTime());
    // spread over the whole history, not only the first weeks
    expect(created.filter((t) => t > today.getTime() - 365 * DAY).length).toBeGreaterThan(300);
  });

  it("gives every account manager a SPEC §8 profile, with room above today's book for most", () => {
    const managers = data.users.filter((user) => user.role === "account_manager");
    const served = new Map<string, number>();
    for (const c of data.customers) {
      if (c.accountManager) served.set(c.accountManager, (served.get(c.accountManager) ?? 0) + 1);
    }
    for (const manager of managers) {
      const profile = manager.profile;
      expect(profile, manager.email).toBeDefined();
      if (!profile) continue;
      expect(profile.specialties).toContain(manager.specialty);
      expect(profile.industries).toContain(manager.industryFocus);
      if (profile.specialties.includes("export")) expect(profile.ownerships).toContain("foreign");
      if (profile.specialties.includes("public sector tenders"))
        expect(profile.ownerships).toContain("state");
      expect(Number.isInteger(profile.capacity)).toBe(true);
      expect(profile.capacity).toBeGreaterThanOrEqual(served.get(manager.email) ?? 0);
    }
    const active = managers.filter((m) => m.active !== false);
    const full = active.filter((m) => m.profile?.capacity === served.get(m.email));
    expect(full.length).toBeGreaterThan(0);
    expect(full.length).toBeLessThan(active.length / 3);
    // seniors keep smaller books of key accounts than juniors
    const mean = (level: string) => {
      const books = active.filter((m) => m.level === level).map((m) => m.profile?.capacity ?? 0);
      return books.reduce((a, b) => a + b, 0) / books.length;
    };
    expect(mean("senior")).toBeLessThan(mean("junior"));
    // every customer names the line of business it needs, in the managers' words
    const words = new Set(managers.flatMap((m) => m.profile?.specialties ?? []));
    const needs = data.customers.map((c) => c.specialty ?? "");
    expect(needs.filter((need) => words.has(need)).length).toBeGreaterThan(needs.length * 0.9);
  });

  it("keeps a tier and assignment history that ends in each customer's current state", () => {
    const byId = new Map(data.customers.map((c) => [c.id, c]));
    const lastTier = new Map<string, string>();
    for (const change of data.tierChanges) {
      expect(change.tier).not.toBe(change.from);
      lastTier.set(change.customerId, change.tier);
    }
    for (const [id, tier] of lastTier) expect(byId.get(id)?.tier).toBe(tier);
    expect(
      data.tierChanges.filter((c) => ["vip", "key"].includes(c.tier) && c.from !== "vip").length,
    ).toBeGreaterThan(20);
    expect(data.tierChanges.filter((c) => c.tier === "regular" || c.from === "vip").length).toBeGreaterThan(
      20,
    );
    expect(data.tierChanges.map((c) => c.at)).toEqual(data.tierChanges.map((c) => c.at).sort());

    const lastManager = new Map<string, string | null>();
    for (const reassignment of data.reassignments) {
      expect(reassignment.accountManager).not.toBe(reassignment.from);
      lastManager.set(reassignment.customerId, reassignment.accountManager);
    }
    for (const [id, manager] of lastManager) expect(byId.get(id)?.accountManager ?? null).toBe(manager);
    const handedOver = new Set(
      data.reassignments.filter((r) => r.method === "staff_change").map((r) => r.from),
    );
    expect(handedOver.size).toBeGreaterThanOrEqual(2);
    for (const email of handedOver) expect(data.users.find((u) => u.email === email)?.active).toBe(false);
  });

  it("gives the state at creation, from which replaying the history ends in the current state", () => {
    const initial = customersAtCreation(data);
    expect(initial).toHaveLength(data.customers.length);
    const state = new Map(initial.map((c) => [c.id, { ...c }]));
    const changed = initial.filter(
      (c, i) => c.tier !== data.customers[i]?.tier || c.accountManager !== data.customers[i]?.accountManager,
    );
    expect(changed.length).toBeGreaterThan(100);
    const history = [
      ...data.tierChanges.map((change) => ({ at: change.at, change, move: undefined })),
      ...data.reassignments.map((move) => ({ at: move.at, change: undefined, move })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    const mismatches: string[] = [];
    for (const { change, move } of history) {
      const customer = state.get(change?.customerId ?? move?.customerId ?? "");
      if (change && customer?.tier === change.from) customer.tier = change.tier;
      else if (move && customer?.accountManager === move.from) customer.accountManager = move.accountManager;
      else mismatches.push(JSON.stringify(change ?? move));
    }
    expect(mismatches).toEqual([]);
    expect(data.customers.map((c) => state.get(c.id))).toEqual(data.customers);
  });

  it("yields exactly eventCount events, in time order, within the 24 months up to today", () => {
    expect(events).toHaveLength(data.eventCount);
    expect(events.length).toBeGreaterThanOrEqual(200_000);
    expect(events.length).toBeLessThanOrEqual(300_000);
    const start = new Date(today);
    start.setUTCMonth(start.getUTCMonth() - 24);
    let previous = start.getTime();
    const outOfOrder: string[] = [];
    for (const event of events) {
      const t = Date.parse(event.occurredAt);
      if (t < previous) outOfOrder.push(event.id);
      previous = t;
    }
    expect(outOfOrder).toEqual([]);
    expect(Date.parse(events[0]?.occurredAt ?? "")).toBeGreaterThanOrEqual(start.getTime());
    expect(previous).toBeLessThanOrEqual(today.getTime());
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("passes the REST input schema, event by event", () => {
    const failures = events.filter((event) => !eventInput.safeParse(event).success);
    expect(failures.slice(0, 3)).toEqual([]);
  });

  it("has every event type, from source demo, without account managers", () => {
    const types = new Map<string, number>();
    for (const event of events) types.set(event.type, (types.get(event.type) ?? 0) + 1);
    for (const type of eventTypeKeys) expect(types.get(type) ?? 0, type).toBeGreaterThan(0);
    expect(events.every((e) => e.source === "demo" && e.accountManager === undefined)).toBe(true);
    expect((types.get("void") ?? 0) / (types.get("order") ?? 1)).toBeLessThan(0.01);
    const withDepartment = events.filter((e) => e.department !== undefined).length;
    expect(withDepartment).toBeGreaterThan(0);
    expect(withDepartment).toBeLessThan(events.length * 0.05);
  });

  it("refers only to earlier events of the same customer, of the right type", () => {
    const seen = new Map<string, { customerId: string | undefined; type: string; t: number }>();
    const expected: Record<string, string> = {
      complaint_resolved: "complaint",
      service_resolved: "service_request",
      void: "order",
      visit: "complaint",
    };
    let followUps = 0;
    const wrong: string[] = [];
    for (const event of events) {
      const t = Date.parse(event.occurredAt);
      if ("refId" in event && event.refId !== undefined) {
        const target = seen.get(event.refId);
        const fits =
          target !== undefined &&
          target.customerId === event.customerId &&
          target.type === expected[event.type] &&
          target.t < t;
        if (!fits) wrong.push(`${event.id} → ${event.refId}`);
        if (event.type === "visit" && target && t - target.t <= 7 * DAY) followUps += 1;
      }
      seen.set(event.id, { customerId: event.customerId, type: event.type, t });
    }
    expect(wrong).toEqual([]);
    expect(followUps).toBeGreaterThan(1000);
  });

  it("writes amounts with exactly two decimals and fills each type's fields realistically", () => {
    const emails = new Set(data.users.map((u) => u.email));
    let late = 0;
    let payments = 0;
    let onTime = 0;
    let deliveries = 0;
    const scales = new Set<number>();
    const channels = new Set<string>();
    const severities = new Set<string>();
    const stages = new Set<string>();
    const odd: string[] = [];
    for (const event of events) {
      if ("amount" in event && event.amount !== undefined && !/^\d+\.\d{2}$/.test(String(event.amount))) {
        odd.push(event.id);
      }
      switch (event.type) {
        case "payment":
          payments += 1;
          if (event.dueAt === undefined) odd.push(event.id);
          else if (event.occurredAt > event.dueAt) late += 1;
          break;
        case "delivery":
          deliveries += 1;
          if (event.occurredAt <= event.promisedAt) onTime += 1;
          break;
        case "survey":
          scales.add(event.scale);
          if (event.score < (event.scale === 5 ? 1 : 0) || event.score > event.scale) odd.push(event.id);
          break;
        case "contact":
          channels.add(event.channel ?? "");
          break;
        case "complaint":
          severities.add(event.severity ?? "");
          break;
        case "service_request":
          stages.add(event.stage ?? "");
          break;
        case "training":
          if (!emails.has(event.employee ?? "") || event.customerId !== undefined) odd.push(event.id);
          break;
        default:
          break;
      }
    }
    expect(odd).toEqual([]);
    expect(late / payments).toBeGreaterThan(0.03);
    expect(late / payments).toBeLessThan(0.2);
    expect(onTime / deliveries).toBeGreaterThan(0.8);
    expect(onTime / deliveries).toBeLessThan(0.97);
    expect(scales).toEqual(new Set([5, 10]));
    expect(channels.size).toBe(5);
    expect(severities.size).toBe(3);
    expect(stages.size).toBe(6);
  });

  it("tells a realistic story: seasonality, growth, churn and return, big customers buy more", () => {
    const ordersByQuarter = new Map<string, number>();
    const lastOrder = new Map<string, number>();
    const churned = new Set<string>();
    const returned = new Set<string>();
    for (const event of events) {
      if (event.type !== "order" || !event.customerId) continue;
      const quarter = quarterOf(event.occurredAt);
      ordersByQuarter.set(quarter, (ordersByQuarter.get(quarter) ?? 0) + 1);
      const t = Date.parse(event.occurredAt);
      const last = lastOrder.get(event.customerId);
      if (last !== undefined && t - last > 180 * DAY) returned.add(event.customerId);
      lastOrder.set(event.customerId, t);
    }
    for (const [id, t] of lastOrder) if (today.getTime() - t > 180 * DAY) churned.add(id);
    expect(churned.size).toBeGreaterThan(100);
    expect(returned.size).toBeGreaterThan(10);
    expect(ordersByQuarter.get("2025-Q4") ?? 0).toBeGreaterThan((ordersByQuarter.get("2025-Q3") ?? 0) * 1.2);
    expect(ordersByQuarter.get("2026-Q2") ?? 0).toBeGreaterThan(ordersByQuarter.get("2025-Q2") ?? 0);

    const size = new Map(data.customers.map((c) => [c.id, c.size]));
    const amounts = { large: [0, 0], small: [0, 0] };
    for (const event of events) {
      const s = size.get(event.customerId ?? "");
      if (event.type === "order" && (s === "large" || s === "small")) {
        amounts[s][0] = (amounts[s][0] ?? 0) + Number(event.amount);
        amounts[s][1] = (amounts[s][1] ?? 0) + 1;
      }
    }
    const mean = ([sum = 0, n = 1]: number[]) => sum / n;
    expect(mean(amounts.large)).toBeGreaterThan(5 * mean(amounts.small));
  });

  it("sets goals for every department in the current and the four previous quarters", () => {
    const periods = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"];
    for (const department of departmentKeys) {
      for (const period of periods) {
        expect(
          data.goals.some((g) => g.department === department && g.period === period),
          `${department} ${period}`,
        ).toBe(true);
      }
    }
    expect(new Set(data.goals.map((g) => g.period))).toEqual(new Set(periods));
    expect(new Set(data.goals.map((g) => g.perspective))).toEqual(
      new Set(["financial", "customer", "process", "learning"]),
    );
    expect(new Set(data.goals.map((g) => g.kind))).toEqual(new Set(["internal", "external"]));
    for (const goal of data.goals) {
      expect(Number.isFinite(goal.target)).toBe(true);
      expect(goal.target).toBeGreaterThanOrEqual(goal.metric === "nps" ? -100 : 0);
      expect(goal.target).toBeLessThanOrEqual(
        goal.metric.endsWith("rate") || goal.metric === "csat" ? 100 : Infinity,
      );
      expect(goal.title.length).toBeGreaterThan(5);
    }
  });

  it("gives external goals their promise, proposes a few, and scopes quality's defect rate to the company", () => {
    const external = data.goals.filter((g) => g.kind === "external");
    expect(external.length).toBeGreaterThan(0);
    for (const goal of external) expect(goal.promise?.length).toBeGreaterThan(10);
    const proposed = data.goals.filter((g) => g.state === "proposed");
    expect(proposed.map((g) => g.metric).sort()).toEqual(["praise", "visits"]);
    expect(new Set(proposed.map((g) => g.period)).size).toBe(1);
    const defects = data.goals.filter((g) => g.metric === "defect_rate");
    expect(defects.every((g) => g.department === "quality" && g.scope === "company")).toBe(true);
  });

  it("sets targets near the actual activity, some above and some below it", () => {
    const voided = new Set(events.flatMap((e) => (e.type === "void" ? [e.refId] : [])));
    const actuals = new Map<string, number>();
    const add = (key: string, value: number) => actuals.set(key, (actuals.get(key) ?? 0) + value);
    for (const event of events) {
      if (event.type !== "order" || voided.has(event.id)) continue;
      add(`orders ${quarterOf(event.occurredAt)}`, 1);
      add(`revenue ${quarterOf(event.occurredAt)}`, Number(event.amount));
    }
    const finished = data.goals.filter(
      (g) => ["orders", "revenue"].includes(g.metric) && g.period !== "2026-Q3",
    );
    expect(finished).toHaveLength(8);
    const met = finished.filter((goal) => {
      const ratio = goal.target / (actuals.get(`${goal.metric} ${goal.period}`) ?? 0);
      expect(ratio).toBeGreaterThan(0.8);
      expect(ratio).toBeLessThan(1.2);
      return ratio <= 1;
    });
    expect(met.length).toBeGreaterThan(0);
    expect(met.length).toBeLessThan(finished.length);
  });
});

describe("generateDemo at a small scale", () => {
  it("keeps at least 20 customers, all valid", () => {
    const data = generateDemo({ today, scale: 0.001 });
    expect(data.customers.length).toBe(20);
    let count = 0;
    for (const event of data.events()) {
      count += 1;
      expect(eventInput.safeParse(event).success).toBe(true);
    }
    expect(count).toBe(data.eventCount);
  });

  it("scales customers and events with the scale option", () => {
    const small = generateDemo({ today, scale: 0.05 });
    expect(small.customers.length).toBe(Math.round(2_050 * 0.05));
    expect(small.eventCount).toBeGreaterThan(5_000);
    expect(small.eventCount).toBeLessThan(20_000);
  });

  it("rejects nonsense options", () => {
    expect(() => generateDemo({ today: new Date("nope") })).toThrow(RangeError);
    expect(() => generateDemo({ today, scale: 0 })).toThrow(RangeError);
    expect(() => generateDemo({ today, months: 0 })).toThrow(RangeError);
  });
});
