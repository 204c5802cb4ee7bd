import { describe, expect, it } from "vitest";
import {
  addDays,
  assignmentOrder,
  creditAssessmentOf,
  creditPolicyOf,
  customerValuesOf,
  emptyFacts,
  liveEvents,
  paymentRecordOf,
  problemFactsOf,
  proposeAssignments,
  pyramidOf,
  reasonsOf,
  segmentCutoffs,
  segmentsOf,
  suggestedActionOf,
  toCents,
  valueChangesOf,
  windowsAt,
  type AccountEvent,
  type CustomerForAssignment,
  type ManagerForAssignment,
  type Segment,
} from "./index";

const UTC = "UTC";

describe("windows", () => {
  it("365 days up to D is [D − 364, D + 1) at local midnight", () => {
    const w = windowsAt("2026-03-31", UTC);
    expect(w.year.start.toISOString()).toBe("2025-04-01T00:00:00.000Z");
    expect(w.year.end.toISOString()).toBe("2026-04-01T00:00:00.000Z");
    expect(w.recent.start.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(w.prior.start.toISOString()).toBe("2025-10-03T00:00:00.000Z");
    expect(w.prior.end.toISOString()).toBe("2026-01-01T00:00:00.000Z");
  });
  it("cuts at midnight of the organisation's zone", () => {
    const w = windowsAt("2026-07-01", "Europe/Berlin");
    expect(w.year.end.toISOString()).toBe("2026-07-01T22:00:00.000Z");
    expect(w.year.start.toISOString()).toBe("2025-07-01T22:00:00.000Z");
  });
  it("adds calendar days across months and leap years", () => {
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("money and voids", () => {
  it("reads exact cents", () => {
    expect(toCents("10.05")).toBe(1005);
    expect(toCents("7.5")).toBe(750);
    expect(toCents("3")).toBe(300);
    expect(toCents(0.1)).toBe(10);
  });
  it("drops void events and the events they void, by source", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    const events: AccountEvent[] = [
      { source: "a", id: "1", customerId: "c", type: "order", occurredAt: at, amountCents: 100 },
      { source: "b", id: "1", customerId: "c", type: "order", occurredAt: at, amountCents: 200 },
      { source: "a", id: "v", customerId: "c", type: "void", occurredAt: at, refId: "1" },
    ];
    expect(liveEvents(events).map((e) => `${e.source}/${e.id}`)).toEqual(["b/1"]);
  });
});

describe("pyramid segments", () => {
  const ranked = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      customerId: `c${String(i + 1).padStart(3, "0")}`,
      revenueCents: (n - i) * 100,
      orderedBefore: false,
    }));
  const count = (m: Map<string, Segment>, s: Segment) => [...m.values()].filter((v) => v === s).length;

  it("ceil of 1 / 5 / 20 % of the customers with revenue", () => {
    expect(segmentCutoffs(100, { top: 1, big: 5, medium: 20 })).toEqual({ top: 1, big: 5, medium: 20 });
    expect(segmentCutoffs(101, { top: 1, big: 5, medium: 20 })).toEqual({ top: 2, big: 6, medium: 21 });
    expect(segmentCutoffs(1, { top: 1, big: 5, medium: 20 })).toEqual({ top: 1, big: 1, medium: 1 });
    expect(segmentCutoffs(0, { top: 1, big: 5, medium: 20 })).toEqual({ top: 0, big: 0, medium: 0 });
  });
  it("100 customers: 1 top, 4 big, 15 medium, 80 small", () => {
    const m = segmentsOf(ranked(100));
    expect([count(m, "top"), count(m, "big"), count(m, "medium"), count(m, "small")]).toEqual([1, 4, 15, 80]);
    expect(m.get("c001")).toBe("top");
    expect(m.get("c002")).toBe("big");
    expect(m.get("c005")).toBe("big");
    expect(m.get("c006")).toBe("medium");
    expect(m.get("c020")).toBe("medium");
    expect(m.get("c021")).toBe("small");
  });
  it("101 customers: the ceilings take one more into each segment", () => {
    const m = segmentsOf(ranked(101));
    expect([count(m, "top"), count(m, "big"), count(m, "medium"), count(m, "small")]).toEqual([2, 4, 15, 80]);
  });
  it("a single customer with revenue is top", () => {
    expect(segmentsOf([{ customerId: "x", revenueCents: 1, orderedBefore: true }]).get("x")).toBe("top");
  });
  it("equal revenue is ranked by id (code points: upper case before lower case)", () => {
    const values = ["b", "a", "B", "c"].map((id) => ({ customerId: id, revenueCents: 500, orderedBefore: false }));
    // n = 4: top ceil(0.04) = 1, big ceil(0.2) = 1, medium ceil(0.8) = 1
    const m = segmentsOf(values);
    expect(m.get("B")).toBe("top");
    expect(m.get("a")).toBe("small");
    expect(m.get("b")).toBe("small");
  });
  it("percentages come from the settings", () => {
    const m = segmentsOf(ranked(10), { top: 10, big: 30, medium: 50 });
    expect([...m.values()]).toEqual(["top", "big", "big", "medium", "medium", "small", "small", "small", "small", "small"]);
  });
  it("no revenue in the window: inactive when they ordered before, else prospect", () => {
    const m = segmentsOf([
      { customerId: "old", revenueCents: 0, orderedBefore: true },
      { customerId: "new", revenueCents: 0, orderedBefore: false },
    ]);
    expect(m.get("old")).toBe("inactive");
    expect(m.get("new")).toBe("prospect");
  });
  it("values from events: the window's first instant counts, its end does not, earlier makes inactive", () => {
    const w = windowsAt("2026-12-31", UTC);
    const order = (customerId: string, at: string, cents = 100): AccountEvent => ({
      source: "s",
      id: `${customerId}${at}`,
      customerId,
      type: "order",
      occurredAt: new Date(at),
      amountCents: cents,
    });
    const values = customerValuesOf(
      ["first", "end", "before", "none"],
      [
        order("first", "2026-01-01T00:00:00Z"),
        order("end", "2027-01-01T00:00:00Z"),
        order("before", "2025-12-31T23:59:59Z"),
      ],
      w,
    );
    expect(values).toEqual([
      { customerId: "first", revenueCents: 100, orderedBefore: false },
      { customerId: "end", revenueCents: 0, orderedBefore: false },
      { customerId: "before", revenueCents: 0, orderedBefore: true },
      { customerId: "none", revenueCents: 0, orderedBefore: false },
    ]);
  });
  it("summarises six segments top first with revenue share", () => {
    const values = [
      { customerId: "a", revenueCents: 30000, orderedBefore: false },
      { customerId: "b", revenueCents: 10000, orderedBefore: false },
      { customerId: "c", revenueCents: 0, orderedBefore: true },
      { customerId: "d", revenueCents: 0, orderedBefore: false },
    ];
    // n = 2: top 1, big 1, medium 1 → a top, b small
    expect(pyramidOf(values, segmentsOf(values))).toEqual([
      { segment: "top", customers: 1, revenue: 300, share: 75 },
      { segment: "big", customers: 0, revenue: 0, share: 0 },
      { segment: "medium", customers: 0, revenue: 0, share: 0 },
      { segment: "small", customers: 1, revenue: 100, share: 25 },
      { segment: "inactive", customers: 1, revenue: 0, share: 0 },
      { segment: "prospect", customers: 1, revenue: 0, share: 0 },
    ]);
    expect(pyramidOf([values[3]!], segmentsOf([values[3]!]))[5]).toEqual({
      segment: "prospect",
      customers: 1,
      revenue: 0,
      share: null,
    });
  });
});

describe("value changes D − 90 → D", () => {
  it("up and down in the order prospect < inactive < small < medium < big < top, unchanged left out", () => {
    const before = new Map<string, Segment>([
      ["a", "prospect"],
      ["b", "top"],
      ["c", "small"],
      ["d", "inactive"],
      ["e", "small"],
    ]);
    const after = new Map<string, Segment>([
      ["a", "inactive"],
      ["b", "big"],
      ["c", "small"],
      ["d", "small"],
      ["e", "inactive"],
    ]);
    expect(valueChangesOf(before, after)).toEqual([
      { customerId: "a", from: "prospect", to: "inactive", direction: "up" },
      { customerId: "b", from: "top", to: "big", direction: "down" },
      { customerId: "d", from: "inactive", to: "small", direction: "up" },
      { customerId: "e", from: "small", to: "inactive", direction: "down" },
    ]);
  });
});

describe("problem reasons", () => {
  const f = (over: Partial<ReturnType<typeof emptyFacts>>) => ({ ...emptyFacts(), ...over });
  it("rising complaints: exactly 2 against 1 before", () => {
    expect(reasonsOf(f({ complaintsRecent: 2, complaintsPrior: 1 }), 90)).toEqual(["rising_complaints"]);
    expect(reasonsOf(f({ complaintsRecent: 2, complaintsPrior: 2 }), 90)).toEqual([]);
    expect(reasonsOf(f({ complaintsRecent: 1, complaintsPrior: 0 }), 90)).toEqual([]);
  });
  it("falling spend: exactly 50 % is not falling, a cent less is", () => {
    expect(reasonsOf(f({ revenueRecentCents: 5000, revenuePriorCents: 10000 }), 90)).toEqual([]);
    expect(reasonsOf(f({ revenueRecentCents: 4999, revenuePriorCents: 10000 }), 90)).toEqual(["falling_spend"]);
    expect(reasonsOf(f({ revenueRecentCents: 0, revenuePriorCents: 0 }), 90)).toEqual([]);
    expect(reasonsOf(f({ revenueRecentCents: 0, revenuePriorCents: 1 }), 90)).toEqual(["falling_spend"]);
  });
  it("late payments: an on-time rate at exactly the threshold is not late", () => {
    expect(reasonsOf(f({ paymentsWithDue: 10, paymentsOnTime: 9 }), 90)).toEqual([]);
    expect(reasonsOf(f({ paymentsWithDue: 10, paymentsOnTime: 8 }), 90)).toEqual(["late_payments"]);
    expect(reasonsOf(f({ paymentsWithDue: 3, paymentsOnTime: 2 }), 66.67)).toEqual(["late_payments"]);
    expect(reasonsOf(f({ paymentsWithDue: 0, paymentsOnTime: 0 }), 90)).toEqual([]);
  });
  it("lists every reason in the SPEC's order", () => {
    expect(
      reasonsOf(
        { complaintsRecent: 3, complaintsPrior: 0, revenueRecentCents: 0, revenuePriorCents: 1, paymentsWithDue: 1, paymentsOnTime: 0, openComplaints: 1 },
        90,
      ),
    ).toEqual(["rising_complaints", "late_payments", "falling_spend", "open_complaint"]);
  });

  describe("from events", () => {
    const D = "2026-06-30";
    const w = windowsAt(D, UTC);
    const end = w.recent.end.getTime(); // 2026-07-01T00:00Z
    const sla = 24;
    const ev = (type: string, id: string, at: number | string, extra: Partial<AccountEvent> = {}): AccountEvent => ({
      source: "s",
      id,
      customerId: "c",
      type,
      occurredAt: new Date(at),
      ...extra,
    });
    const facts = (events: AccountEvent[]) => problemFactsOf(["c"], liveEvents(events), w, sla).get("c")!;
    const H = 3_600_000;

    it("a complaint exactly SLA hours before the end of D is not open yet; a second earlier it is", () => {
      expect(facts([ev("complaint", "k", end - sla * H)]).openComplaints).toBe(0);
      expect(facts([ev("complaint", "k", end - sla * H - 1000)]).openComplaints).toBe(1);
    });
    it("a complaint resolved one second after the SLA (still within D) is no longer open", () => {
      const at = end - 30 * H;
      const resolved = ev("complaint_resolved", "r", at + sla * H + 1000, { refId: "k" });
      expect(facts([ev("complaint", "k", at), resolved]).openComplaints).toBe(0);
      // resolved after the end of D: open at D
      const late = ev("complaint_resolved", "r", end, { refId: "k" });
      expect(facts([ev("complaint", "k", at), late]).openComplaints).toBe(1);
    });
    it("a voided complaint or a voided resolution", () => {
      const at = end - 30 * H;
      expect(facts([ev("complaint", "k", at), ev("void", "v", at, { refId: "k" })]).openComplaints).toBe(0);
      const resolved = ev("complaint_resolved", "r", at + H, { refId: "k" });
      expect(facts([ev("complaint", "k", at), resolved, ev("void", "v", at + 2 * H, { refId: "r" })]).openComplaints).toBe(1);
    });
    it("complaint windows: the first instant of the recent 90 days, the prior 90 days before it", () => {
      const f1 = facts([
        ev("complaint", "1", w.recent.start.getTime()),
        ev("complaint", "2", w.recent.start.getTime() - 1),
        ev("complaint", "3", w.prior.start.getTime()),
        ev("complaint", "4", w.prior.start.getTime() - 1),
      ]);
      expect([f1.complaintsRecent, f1.complaintsPrior]).toEqual([1, 2]);
    });
    it("payments count by dueAt in the 365 days; on time when occurredAt ≤ dueAt", () => {
      const due = "2026-06-01T12:00:00Z";
      const f1 = facts([
        ev("payment", "1", due, { dueAt: new Date(due), amountCents: 1 }),
        ev("payment", "2", "2026-06-01T12:00:01Z", { dueAt: new Date(due), amountCents: 1 }),
        ev("payment", "3", "2026-06-01T00:00:00Z", { dueAt: new Date("2025-06-30T23:59:59Z"), amountCents: 1 }),
        ev("payment", "4", "2026-06-01T00:00:00Z", { amountCents: 1 }),
      ]);
      expect([f1.paymentsWithDue, f1.paymentsOnTime]).toEqual([2, 1]);
    });
    it("revenue in the recent and prior 90 days", () => {
      const f1 = facts([
        ev("order", "1", w.recent.start.getTime(), { amountCents: 100 }),
        ev("order", "2", w.prior.start.getTime(), { amountCents: 250 }),
        ev("order", "3", end, { amountCents: 999 }),
      ]);
      expect([f1.revenueRecentCents, f1.revenuePriorCents]).toEqual([100, 250]);
    });
  });
});

describe("suggested action", () => {
  it("any reason → care, then by segment", () => {
    expect(suggestedActionOf(["late_payments"], "top")).toBe("care");
    expect(suggestedActionOf([], "inactive")).toBe("win_back");
    expect(suggestedActionOf([], "top")).toBe("repeat");
    expect(suggestedActionOf([], "big")).toBe("repeat");
    expect(suggestedActionOf([], "medium")).toBe("up_sell");
    expect(suggestedActionOf([], "small")).toBe("cross_sell");
    expect(suggestedActionOf([], "prospect")).toBe("first_order");
  });
});

describe("payment record and credit policy", () => {
  it("none without payments, good at exactly the threshold, poor below", () => {
    expect(paymentRecordOf(0, 0, 90)).toBe("none");
    expect(paymentRecordOf(10, 9, 90)).toBe("good");
    expect(paymentRecordOf(10, 8, 90)).toBe("poor");
    expect(paymentRecordOf(1, 1, 100)).toBe("good");
  });
  it("the table: large good → preferential, poor → strict; small good → preferential, poor → stop; none → standard", () => {
    expect(creditPolicyOf("large", "good")).toBe("preferential");
    expect(creditPolicyOf("large", "poor")).toBe("strict");
    expect(creditPolicyOf("large", "none")).toBe("standard");
    expect(creditPolicyOf("medium", "good")).toBe("preferential");
    expect(creditPolicyOf("medium", "poor")).toBe("stop");
    expect(creditPolicyOf("small", "poor")).toBe("stop");
    expect(creditPolicyOf("small", "none")).toBe("standard");
  });
  it("with the why: on-time rate and payments counted", () => {
    expect(creditAssessmentOf("large", 3, 2, 90)).toEqual({ policy: "strict", record: "poor", onTimeRate: 66.67, payments: 3 });
    expect(creditAssessmentOf("small", 0, 0, 90)).toEqual({ policy: "standard", record: "none", onTimeRate: null, payments: 0 });
  });
});

describe("assignment proposals", () => {
  const manager = (email: string, over: Partial<ManagerForAssignment> = {}): ManagerForAssignment => ({
    id: email.split("@")[0]!,
    email,
    level: "junior",
    specialties: [],
    industries: [],
    ownerships: [],
    capacity: 50,
    served: 0,
    active: true,
    ...over,
  });
  const customer = (id: string, over: Partial<CustomerForAssignment> = {}): CustomerForAssignment => ({
    id,
    tier: "regular",
    industry: null,
    ownership: null,
    specialty: null,
    referral: null,
    ...over,
  });

  it("customers are taken by tier (vip, key, regular), then id", () => {
    const order = assignmentOrder([
      customer("b"),
      customer("z", { tier: "key" }),
      customer("a"),
      customer("y", { tier: "vip" }),
      customer("c", { tier: "key" }),
    ]);
    expect(order.map((c) => c.id)).toEqual(["y", "c", "z", "a", "b"]);
  });

  it("level: vip and key → senior, regular → intermediate or junior", () => {
    const managers = [manager("s@x", { level: "senior" }), manager("i@x", { level: "intermediate" }), manager("j@x", { served: 1 })];
    const result = proposeAssignments("level", [customer("v", { tier: "vip" }), customer("k", { tier: "key" }), customer("r")], managers);
    expect(result.proposals.map((p) => [p.customerId, p.accountManager, p.reason])).toEqual([
      ["v", "s@x", "level"],
      ["k", "s@x", "level"],
      ["r", "i@x", "level"],
    ]);
    expect(result.unassigned).toEqual([]);
  });

  it("the lowest load (served + proposed) ÷ capacity wins, ties by email", () => {
    // a: 10/20 = 0.5, b: 4/10 = 0.4 → b; then b 5/10 = 0.5 ties a 10/20 → a (email); then a 11/20 < b 5/10? 0.55 > 0.5 → b
    const managers = [manager("b@x", { served: 4, capacity: 10 }), manager("a@x", { served: 10, capacity: 20 })];
    const result = proposeAssignments("level", [customer("1"), customer("2"), customer("3")], managers);
    expect(result.proposals.map((p) => [p.customerId, p.accountManager, p.loadAfter])).toEqual([
      ["1", "b@x", 0.5],
      ["2", "a@x", 0.55],
      ["3", "b@x", 0.6],
    ]);
  });

  it("capacity: served + proposed must stay below it; full → no_capacity, nobody eligible → no_match", () => {
    const managers = [manager("j@x", { served: 1, capacity: 2 })];
    const result = proposeAssignments("level", [customer("1"), customer("2"), customer("v", { tier: "vip" })], managers);
    expect(result.proposals.map((p) => p.customerId)).toEqual(["1"]);
    expect(result.unassigned).toEqual([
      { customerId: "v", reason: "no_match" },
      { customerId: "2", reason: "no_capacity" },
    ]);
  });

  it("inactive managers are not eligible", () => {
    const result = proposeAssignments("level", [customer("1")], [manager("j@x", { active: false })]);
    expect(result.unassigned).toEqual([{ customerId: "1", reason: "no_match" }]);
  });

  it("relationship: the referring user, the referring customer's manager, else no_relationship", () => {
    const managers = [manager("a@x"), manager("b@x")];
    const result = proposeAssignments(
      "relationship",
      [
        customer("byUser", { referral: { kind: "user", userId: "b" } }),
        customer("byCustomer", { referral: { kind: "customer", managerId: "a" } }),
        customer("orphanReferrer", { referral: { kind: "customer", managerId: null } }),
        customer("none"),
        customer("notManager", { referral: { kind: "user", userId: "admin" } }),
      ],
      managers,
    );
    expect(result.proposals.map((p) => [p.customerId, p.accountManager, p.reason])).toEqual([
      ["byCustomer", "a@x", "relationship"],
      ["byUser", "b@x", "relationship"],
    ]);
    expect(result.unassigned).toEqual([
      { customerId: "none", reason: "no_relationship" },
      { customerId: "notManager", reason: "no_match" },
      { customerId: "orphanReferrer", reason: "no_relationship" },
    ]);
  });

  it("relationship respects capacity", () => {
    const result = proposeAssignments(
      "relationship",
      [customer("1", { referral: { kind: "user", userId: "a" } })],
      [manager("a@x", { served: 50 })],
    );
    expect(result.unassigned).toEqual([{ customerId: "1", reason: "no_capacity" }]);
  });

  it("specialty: managers whose specialties contain the customer's", () => {
    const managers = [manager("a@x", { specialties: ["pumps"] }), manager("b@x", { specialties: ["valves", "pumps"], served: 1 })];
    const result = proposeAssignments(
      "specialty",
      [customer("1", { specialty: "valves" }), customer("2", { specialty: "pumps" }), customer("3"), customer("4", { specialty: "hoses" })],
      managers,
    );
    expect(result.proposals.map((p) => [p.customerId, p.accountManager])).toEqual([
      ["1", "b@x"],
      ["2", "a@x"],
    ]);
    expect(result.unassigned).toEqual([
      { customerId: "3", reason: "no_match" },
      { customerId: "4", reason: "no_match" },
    ]);
  });

  it("industry: by industry or by ownership, the reason says which", () => {
    const managers = [manager("a@x", { industries: ["mining"] }), manager("b@x", { ownerships: ["state"], served: 5 })];
    const result = proposeAssignments(
      "industry",
      [
        customer("1", { industry: "mining", ownership: "state" }),
        customer("2", { industry: "retail", ownership: "state" }),
        customer("3", { industry: "retail", ownership: "private" }),
      ],
      managers,
    );
    expect(result.proposals.map((p) => [p.customerId, p.accountManager, p.reason])).toEqual([
      ["1", "a@x", "industry"],
      ["2", "b@x", "ownership"],
    ]);
    expect(result.unassigned).toEqual([{ customerId: "3", reason: "no_match" }]);
  });
});
