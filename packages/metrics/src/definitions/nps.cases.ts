import { expect } from "vitest";
import { MANAGER_A, metricCases, survey, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // January: promoters 10, 9; passives 8, 7; detractors 6, 0, 3.
    survey("2026-01-02T10:00:00Z", 10, 10, { manager: MANAGER_A }),
    survey("2026-01-03T10:00:00Z", 10, 9),
    survey("2026-01-04T10:00:00Z", 10, 8),
    survey("2026-01-05T10:00:00Z", 10, 7),
    survey("2026-01-06T10:00:00Z", 10, 6, { manager: MANAGER_A }),
    survey("2026-01-07T10:00:00Z", 10, 0),
    survey("2026-01-08T10:00:00Z", 10, 3),
    survey("2026-01-09T10:00:00Z", 5, 5), // CSAT survey: not NPS
    survey("2026-01-10T10:00:00Z", 10, 10, { id: "s-void" }),
    voidOf("s-void", "2026-01-11T10:00:00Z"),
    survey("2026-02-02T10:00:00Z", 10, 9),
    survey("2026-02-03T10:00:00Z", 10, 10),
    survey("2026-03-02T10:00:00Z", 10, 0),
    survey("2026-03-03T10:00:00Z", 10, 1),
  ],
  tests: {
    "is % promoters minus % detractors; null without surveys": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": -100 / 7, // (2 − 3) / 7
        "2026-02": 100,
        "2026-03": -100,
        "2026-04": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": -100 / 11 }); // (4 − 5) / 11
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({ "2026-01": 0 });
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({ "2026-01": null });
    },
  },
});
