import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "opportunity_won", at: "2026-01-05T10:00:00Z", amount: "100.00", manager: MANAGER_A },
    { type: "opportunity_won", at: "2026-01-06T10:00:00Z", department: "marketing" },
    { type: "opportunity_lost", at: "2026-01-07T10:00:00Z", manager: MANAGER_A },
    { type: "opportunity_won", id: "w-void", at: "2026-01-08T10:00:00Z" },
    voidOf("w-void", "2026-01-09T10:00:00Z"),
    { type: "opportunity_lost", at: "2026-02-07T10:00:00Z" },
    { type: "order", at: "2026-03-07T10:00:00Z", amount: "1.00" },
  ],
  tests: {
    "is won ÷ (won + lost); null without opportunities": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 200 / 3,
        "2026-02": 0,
        "2026-03": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 50,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({
        "2026-01": 50,
      });
      expect(await q("2026-01-01", "2026-02-01", { department: "marketing" })).toEqual({
        "2026-01": 100,
      });
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 50,
      });
    },
  },
});
