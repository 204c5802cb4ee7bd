import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "supplier_issue", customer: "c1", at: "2026-01-05T10:00:00Z" },
    { type: "supplier_issue", customer: "c2", at: "2026-01-31T23:30:00Z" }, // February in Berlin
    { type: "supplier_issue", customer: "c2", at: "2026-02-06T10:00:00Z", department: "production" },
    { type: "supplier_issue", id: "i-void", customer: "c2", at: "2026-02-07T10:00:00Z" },
    voidOf("i-void", "2026-02-08T10:00:00Z", { customer: "c2" }),
  ],
  tests: {
    "counts supplier issues; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({ "2026-01": 2, "2026-02": 1, "2026-03": 0 });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 1,
        "2026-02": 2,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { department: "procurement" })).toEqual({
        "2026-01": 2,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c1" })).toEqual({
        "2026-01": 1,
        "2026-02": 0,
      });
    },
  },
});
