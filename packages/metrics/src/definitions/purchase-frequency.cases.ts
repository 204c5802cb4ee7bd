import { expect } from "vitest";
import { type EventFixture, MANAGER_A, metricCases, voidOf } from "../test-support";

const order = (customer: string, at: string, extra: Partial<EventFixture> = {}): EventFixture => ({
  type: "order",
  customer,
  at,
  amount: "5.00",
  ...extra,
});

export const cases = metricCases({
  events: [
    order("c1", "2026-01-02T10:00:00Z", { manager: MANAGER_A }),
    order("c1", "2026-01-03T10:00:00Z", { manager: MANAGER_A }),
    order("c1", "2026-01-04T10:00:00Z"),
    order("c2", "2026-01-05T10:00:00Z"),
    order("c1", "2026-02-02T10:00:00Z"),
    order("c1", "2026-02-03T10:00:00Z"),
    order("c2", "2026-02-04T10:00:00Z"),
    order("c2", "2026-02-05T10:00:00Z", { id: "gone" }),
    voidOf("gone", "2026-02-06T10:00:00Z", { customer: "c2" }),
    order("c1", "2026-03-02T10:00:00Z"),
    order("c2", "2026-03-03T10:00:00Z"),
    order("c3", "2026-03-04T10:00:00Z"),
    order("c3", "2026-03-05T10:00:00Z"),
  ],
  tests: {
    "divides orders by active customers; null without orders": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 2, // 4 orders / 2 customers
        "2026-02": 1.5, // 3 / 2
        "2026-03": 4 / 3,
        "2026-04": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 11 / 3,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 2,
      });
      expect(await q("2026-01-01", "2026-04-01", { customerId: "c2" })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
        "2026-03": 1,
      });
    },
  },
});
