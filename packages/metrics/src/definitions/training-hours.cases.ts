import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "training", at: "2026-01-05T10:00:00Z", hours: "1.50" },
    { type: "training", at: "2026-01-06T10:00:00Z", hours: "2.25" },
    { type: "training", at: "2026-01-07T10:00:00Z", hours: "0.10", department: "sales" },
    { type: "training", at: "2026-01-07T11:00:00Z", hours: "0.20", department: "sales" },
    { type: "training", id: "h-void", at: "2026-01-08T10:00:00Z", hours: "8.00" },
    voidOf("h-void", "2026-01-09T10:00:00Z", { customer: "" }),
    { type: "training", at: "2026-03-31T23:00:00Z", hours: "4.00" }, // April in Berlin
  ],
  tests: {
    "sums training hours exactly; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 4.05,
        "2026-02": 0,
        "2026-03": 4,
        "2026-04": 0,
      });
      expect(await q("2026-03-01", "2026-05-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-03": 0,
        "2026-04": 4,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "hr" })).toEqual({ "2026-01": 3.75 });
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({ "2026-01": 0.3 });
      // Training has no customer.
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c1" })).toEqual({ "2026-01": 0 });
    },
  },
});
