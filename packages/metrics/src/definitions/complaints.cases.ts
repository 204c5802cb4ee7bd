import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // 1 February 02:00 UTC is still January in New York.
    { type: "complaint", at: "2026-02-01T02:00:00Z", customer: "c1", manager: MANAGER_A },
    { type: "complaint", at: "2026-02-10T10:00:00Z", customer: "c2", department: "quality" },
    { type: "complaint", id: "k-void", at: "2026-02-11T10:00:00Z", customer: "c2" },
    voidOf("k-void", "2026-02-12T10:00:00Z", { customer: "c2" }),
    { type: "complaint_resolved", ref: "k-void", at: "2026-02-11T12:00:00Z", customer: "c2" },
  ],
  tests: {
    "counts complaints; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 0,
        "2026-02": 2,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "America/New_York" })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
      });
    },

    filters: async (q) => {
      const month = ["2026-02-01", "2026-03-01"] as const;
      expect(await q(...month, { department: "customer_service" })).toEqual({ "2026-02": 1 });
      expect(await q(...month, { department: "quality" })).toEqual({ "2026-02": 1 });
      expect(await q(...month, { accountManagerId: MANAGER_A })).toEqual({ "2026-02": 1 });
      expect(await q(...month, { customerId: "c2" })).toEqual({ "2026-02": 1 });
    },
  },
});
