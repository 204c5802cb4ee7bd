import { expect } from "vitest";
import { metricCases, survey, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    survey("2026-01-05T10:00:00Z", 5, 5),
    survey("2026-01-06T10:00:00Z", 5, 4, { customer: "c2" }),
    survey("2026-01-07T10:00:00Z", 5, 3, { customer: "c2" }),
    survey("2026-01-08T10:00:00Z", 5, 1),
    survey("2026-01-09T10:00:00Z", 10, 10), // NPS survey: not CSAT
    survey("2026-01-10T10:00:00Z", 5, 5, { id: "s-void" }),
    voidOf("s-void", "2026-01-11T10:00:00Z"),
    survey("2026-02-05T10:00:00Z", 5, 4),
    survey("2026-02-06T10:00:00Z", 5, 4),
    survey("2026-02-07T10:00:00Z", 5, 5, { department: "quality" }),
    survey("2026-02-08T10:00:00Z", 5, 2),
    survey("2026-03-05T10:00:00Z", 10, 9),
  ],
  tests: {
    "is the share of 5-point surveys scoring 4 or 5; null without any": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 50,
        "2026-02": 75,
        "2026-03": null,
        "2026-04": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 62.5 });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c2" })).toEqual({
        "2026-01": 50,
        "2026-02": null,
      });
      expect(await q("2026-01-01", "2026-03-01", { department: "customer_service" })).toEqual({
        "2026-01": 50,
        "2026-02": 200 / 3,
      });
    },
  },
});
