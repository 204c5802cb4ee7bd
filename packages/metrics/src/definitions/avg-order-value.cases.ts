import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "order", at: "2026-01-03T10:00:00Z", customer: "c1", amount: "10.00" },
    { type: "order", at: "2026-01-04T10:00:00Z", customer: "c1", amount: "10.00" },
    { type: "order", at: "2026-01-05T10:00:00Z", customer: "c2", amount: "10.01" },
    { type: "order", at: "2026-02-03T10:00:00Z", customer: "c1", amount: "0.01" },
    { type: "order", at: "2026-02-04T10:00:00Z", customer: "c2", amount: "0.02" },
    { type: "order", id: "big", at: "2026-02-05T10:00:00Z", customer: "c2", amount: "1000.00" },
    voidOf("big", "2026-02-06T10:00:00Z", { customer: "c2" }),
    // Berlin: 1 April; UTC: 31 March.
    { type: "order", at: "2026-03-31T22:30:00Z", customer: "c3", amount: "99.99" },
  ],
  tests: {
    "divides revenue by orders, rounded to cents; null without orders": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 10, // 30.01 / 3 = 10.0033…
        "2026-02": 0.02, // 0.03 / 2 = 0.015, half away from zero
        "2026-03": 99.99,
        "2026-04": null,
      });
      expect(await q("2026-03-01", "2026-05-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-03": null,
        "2026-04": 99.99,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 21.67, // 130.03 / 6 = 21.6716…
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c2" })).toEqual({
        "2026-01": 10.01,
        "2026-02": 0.02,
      });
      expect(await q("2026-01-01", "2026-02-01", { department: "marketing" })).toEqual({
        "2026-01": null,
      });
    },
  },
});
