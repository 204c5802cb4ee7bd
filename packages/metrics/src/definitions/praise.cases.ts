import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "praise", customer: "c1", at: "2026-01-15T10:00:00Z", manager: MANAGER_A },
    { type: "praise", customer: "c2", at: "2026-03-31T23:00:00Z" }, // April (Q2) in Berlin
    { type: "praise", customer: "c2", at: "2026-05-01T10:00:00Z", department: "production" },
    { type: "praise", id: "p-void", customer: "c2", at: "2026-05-02T10:00:00Z" },
    voidOf("p-void", "2026-05-03T10:00:00Z", { customer: "c2" }),
    { type: "complaint", customer: "c2", at: "2026-05-02T10:00:00Z" },
  ],
  tests: {
    "counts praise per quarter; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2027-01-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 2,
        "2026-Q2": 1,
        "2026-Q3": 0,
        "2026-Q4": 0,
      });
      expect(await q("2026-01-01", "2026-07-01", { grain: "quarter", timeZone: "Europe/Berlin" })).toEqual({
        "2026-Q1": 1,
        "2026-Q2": 2,
      });
    },

    filters: async (q) => {
      const half = ["2026-01-01", "2026-07-01"] as const;
      expect(await q(...half, { grain: "quarter", department: "customer_service" })).toEqual({
        "2026-Q1": 2,
        "2026-Q2": 0,
      });
      expect(await q(...half, { grain: "quarter", accountManagerId: MANAGER_A })).toEqual({
        "2026-Q1": 1,
        "2026-Q2": 0,
      });
      expect(await q(...half, { grain: "quarter", customerId: "c2" })).toEqual({
        "2026-Q1": 1,
        "2026-Q2": 1,
      });
    },
  },
});
