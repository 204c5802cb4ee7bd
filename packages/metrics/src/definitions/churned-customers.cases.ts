import { expect } from "vitest";
import { type EventFixture, metricCases, voidOf } from "../test-support";

const order = (customer: string, at: string, extra: Partial<EventFixture> = {}): EventFixture => ({
  type: "order",
  customer,
  at,
  amount: "1.00",
  ...extra,
});

const range = ["2026-01-01", "2026-06-01"] as const;

// With churnDays = 30 unless said otherwise.
export const cases = metricCases({
  events: [
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
  ],
  tests: {
    "counts customers by churn moment, again after a comeback, once per period": async (q) => {
      expect(await q(...range, { churnDays: 30 })).toEqual({
        "2026-01": 0,
        "2026-02": 3, // c1, c2, c6
        "2026-03": 3, // c2 again, c3, c4
        "2026-04": 1, // c5
        "2026-05": 0,
      });
      expect(await q(...range, { churnDays: 30, timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 0,
        "2026-02": 2,
        "2026-03": 4,
        "2026-04": 1,
        "2026-05": 0,
      });
      // c2 churned in February and again in March: one customer of the quarter.
      expect(await q("2026-01-01", "2026-04-01", { churnDays: 30, grain: "quarter" })).toEqual({ "2026-Q1": 5 });
      // A range of its own still sees the orders before it.
      expect(await q("2026-03-01", "2026-04-01", { churnDays: 30 })).toEqual({
        "2026-03": 3,
      });
    },

    "counts a churn moment only once it has passed": async (q) => {
      const at = (now: string) => q("2026-03-01", "2026-05-01", { churnDays: 30, now: new Date(now) });
      expect(await at("2026-04-18T23:59:59Z")).toEqual({ "2026-03": 3, "2026-04": 0 });
      expect(await at("2026-04-19T00:00:00Z")).toEqual({ "2026-03": 3, "2026-04": 1 });
      expect(await at("2026-03-16T00:00:00Z")).toEqual({ "2026-03": 2, "2026-04": 0 }); // c4 and c3, not yet c2
      expect(await at("2026-01-01T00:00:00Z")).toEqual({ "2026-03": 0, "2026-04": 0 });
    },

    "uses the default of 180 days": async (q) => {
      expect(await q("2025-11-01", "2026-01-01", { customerId: "c8" })).toEqual({
        "2025-11": 1,
        "2025-12": 0,
      });
      // c5's last order churns on 16 September 2026.
      expect(await q("2026-09-01", "2026-10-01", { customerId: "c5" })).toEqual({
        "2026-09": 1,
      });
      expect(
        await q("2026-09-01", "2026-10-01", { customerId: "c5", now: new Date("2026-09-15T00:00:00Z") }),
      ).toEqual({
        "2026-09": 0,
      });
    },

    "considers only orders within the filter's scope": async (q) => {
      expect(await q(...range, { churnDays: 30, department: "sales" })).toEqual({
        "2026-01": 0,
        "2026-02": 4, // c1, c2, c6 and c3, whose next order is not in scope
        "2026-03": 2, // c2, c4
        "2026-04": 1,
        "2026-05": 0,
      });
      expect(await q(...range, { churnDays: 30, customerId: "c2" })).toEqual({
        "2026-01": 0,
        "2026-02": 1,
        "2026-03": 1,
        "2026-04": 0,
        "2026-05": 0,
      });
    },
  },
});
