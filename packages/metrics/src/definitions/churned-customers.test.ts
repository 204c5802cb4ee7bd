import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { insertEvents, valuesOf, voidOf, type EventFixture } from "../test-support";

const order = (customer: string, at: string, extra: Partial<EventFixture> = {}): EventFixture => ({
  type: "order",
  customer,
  at,
  amount: "1.00",
  ...extra,
});

// With churnDays = 30 unless said otherwise.
describe.each(testDialects())("churned_customers on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, [
      // c1: the January 1 order is followed within 30 days; the January 20 one churns on February 19.
      order("c1", "2026-01-01T00:00:00Z"),
      order("c1", "2026-01-20T00:00:00Z"),
      // c2 churns on February 9, comes back on March 1 and churns again on March 31.
      order("c2", "2026-01-10T00:00:00Z"),
      order("c2", "2026-03-01T00:00:00Z"),
      // c3: the next order exactly 30 days later still counts as "within"; churns on March 16,
      // from an order attributed to marketing.
      order("c3", "2026-01-15T00:00:00Z"),
      order("c3", "2026-02-14T00:00:00Z", { department: "marketing" }),
      // c4: the follow-up order is voided, so c4 churns on March 3.
      order("c4", "2026-02-01T00:00:00Z"),
      order("c4", "2026-02-10T00:00:00Z", { id: "c4-void" }),
      voidOf("c4-void", "2026-02-11T00:00:00Z", { customer: "c4" }),
      // c5 churns on April 19, 00:00 UTC.
      order("c5", "2026-03-20T00:00:00Z"),
      // c6 churns on 28 February 23:30 UTC: already March in Berlin.
      order("c6", "2026-01-29T23:30:00Z"),
      // c8: one order in 2025; churns 180 days later on 28 November 2025.
      order("c8", "2025-06-01T00:00:00Z"),
    ]);
  });
  afterAll(async () => {
    await t.drop();
  });

  const range = ["2026-01-01", "2026-06-01"] as const;

  it("counts each churn moment in its period, churning again after a comeback", async () => {
    expect(await valuesOf(t.db, "churned_customers", ...range, { churnDays: 30 })).toEqual({
      "2026-01": 0,
      "2026-02": 3, // c1, c2, c6
      "2026-03": 3, // c2 again, c3, c4
      "2026-04": 1, // c5
      "2026-05": 0,
    });
    expect(await valuesOf(t.db, "churned_customers", ...range, { churnDays: 30, timeZone: "Europe/Berlin" })).toEqual({
      "2026-01": 0,
      "2026-02": 2,
      "2026-03": 4,
      "2026-04": 1,
      "2026-05": 0,
    });
    // A range of its own still sees the orders before it.
    expect(await valuesOf(t.db, "churned_customers", "2026-03-01", "2026-04-01", { churnDays: 30 })).toEqual({
      "2026-03": 3,
    });
  });

  it("counts a churn moment only once it has passed", async () => {
    const at = (now: string) => valuesOf(t.db, "churned_customers", "2026-03-01", "2026-05-01", { churnDays: 30, now: new Date(now) });
    expect(await at("2026-04-18T23:59:59Z")).toEqual({ "2026-03": 3, "2026-04": 0 });
    expect(await at("2026-04-19T00:00:00Z")).toEqual({ "2026-03": 3, "2026-04": 1 });
    expect(await at("2026-03-16T00:00:00Z")).toEqual({ "2026-03": 2, "2026-04": 0 }); // c4 and c3, not yet c2
    expect(await at("2026-01-01T00:00:00Z")).toEqual({ "2026-03": 0, "2026-04": 0 });
  });

  it("uses the default of 180 days", async () => {
    expect(await valuesOf(t.db, "churned_customers", "2025-11-01", "2026-01-01", { customerId: "c8" })).toEqual({
      "2025-11": 1,
      "2025-12": 0,
    });
    // c5's last order churns on 16 September 2026.
    expect(await valuesOf(t.db, "churned_customers", "2026-09-01", "2026-10-01", { customerId: "c5" })).toEqual({
      "2026-09": 1,
    });
    expect(await valuesOf(t.db, "churned_customers", "2026-09-01", "2026-10-01", { customerId: "c5", now: new Date("2026-09-15T00:00:00Z") })).toEqual({
      "2026-09": 0,
    });
  });

  it("considers only orders within the filter's scope", async () => {
    expect(await valuesOf(t.db, "churned_customers", ...range, { churnDays: 30, department: "sales" })).toEqual({
      "2026-01": 0,
      "2026-02": 4, // c1, c2, c6 and c3, whose next order is not in scope
      "2026-03": 2, // c2, c4
      "2026-04": 1,
      "2026-05": 0,
    });
    expect(await valuesOf(t.db, "churned_customers", ...range, { churnDays: 30, customerId: "c2" })).toEqual({
      "2026-01": 0,
      "2026-02": 1,
      "2026-03": 1,
      "2026-04": 0,
      "2026-05": 0,
    });
  });
});
