import { expect } from "vitest";
import { MANAGER_A, MANAGER_B, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "order", at: "2026-01-03T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_A },
    { type: "order", at: "2026-01-20T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_B },
    { type: "order", at: "2026-01-31T23:30:00Z", customer: "c2", amount: "1.00", manager: MANAGER_B },
    { type: "order", at: "2026-02-10T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_A },
    { type: "order", id: "x", at: "2026-02-11T10:00:00Z", customer: "c3", amount: "1.00" },
    voidOf("x", "2026-02-12T10:00:00Z", { customer: "c3" }),
    { type: "visit", at: "2026-02-11T10:00:00Z", customer: "c4" },
  ],
  tests: {
    "counts distinct customers with an order; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 2,
        "2026-02": 1,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 1,
        "2026-02": 2,
      });
      // Distinct over the whole quarter, not the sum of the months.
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 2,
      });
    },

    "filters by account manager and customer": async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
      });
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_B })).toEqual({
        "2026-01": 2,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c3" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
      });
    },
  },
});
