import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "feedback", customer: "c1", at: "2026-01-05T10:00:00Z" },
    { type: "feedback", customer: "c2", at: "2026-01-06T10:00:00Z", manager: MANAGER_A },
    { type: "feedback", customer: "c2", at: "2026-01-07T10:00:00Z", department: "quality" },
    { type: "feedback", id: "f-void", customer: "c2", at: "2026-01-08T10:00:00Z" },
    voidOf("f-void", "2026-01-09T10:00:00Z", { customer: "c2" }),
  ],
  tests: {
    "counts product suggestions; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-03-01")).toEqual({ "2026-01": 3, "2026-02": 0 });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "rnd" })).toEqual({ "2026-01": 2 });
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({ "2026-01": 1 });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c2" })).toEqual({ "2026-01": 2 });
    },
  },
});
