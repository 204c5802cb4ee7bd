import { expect } from "vitest";
import { MANAGER_A, MANAGER_B, metricCases, seedTierHistory } from "../test-support";

export const cases = metricCases({
  events: [],
  seed: seedTierHistory,
  tests: {
    "counts customers whose tier rose; a first tier is no change, two rises of one customer count once": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 2,
        "2026-02": 1,
        "2026-03": 0,
        "2026-04": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 1,
        "2026-02": 2,
      });
      // c1 rose in January and in February, c2 in January: three rises, two customers.
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 2 });
    },

    "attributes a change to the customer's manager at that moment": async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 1,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_B })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
      });
    },

    "belongs to sales; filters by customer": async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { department: "sales" })).toEqual({
        "2026-01": 2,
        "2026-02": 1,
      });
      expect(await q("2026-01-01", "2026-03-01", { department: "marketing" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c1" })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c3" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
      });
    },
  },
});
