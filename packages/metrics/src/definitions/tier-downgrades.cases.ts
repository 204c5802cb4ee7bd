import { expect } from "vitest";
import { MANAGER_A, MANAGER_B, metricCases, seedTierHistory } from "../test-support";

export const cases = metricCases({
  events: [],
  seed: seedTierHistory,
  tests: {
    "counts tier changes downwards": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 1,
        "2026-02": 0,
        "2026-03": 1,
        "2026-04": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 2 });
    },

    "filters by manager at the moment, department and customer": async (q) => {
      expect(await q("2026-01-01", "2026-04-01", { accountManagerId: MANAGER_B })).toEqual({
        "2026-01": 1,
        "2026-02": 0,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { department: "sales", customerId: "c3" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
        "2026-03": 1,
      });
      expect(await q("2026-01-01", "2026-04-01", { department: "customer_service" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
        "2026-03": 0,
      });
    },
  },
});
