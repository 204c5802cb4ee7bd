import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "campaign_touch", at: "2026-01-05T10:00:00Z", customer: "c1", campaign: "spring" },
    { type: "campaign_touch", at: "2026-01-06T10:00:00Z", customer: "c1", campaign: "newsletter" },
    {
      type: "campaign_touch",
      at: "2026-01-07T10:00:00Z",
      customer: "c2",
      campaign: "spring",
      department: "sales",
    },
    { type: "campaign_touch", id: "t-void", at: "2026-01-08T10:00:00Z", customer: "c3", campaign: "spring" },
    voidOf("t-void", "2026-01-09T10:00:00Z", { customer: "c3" }),
    { type: "campaign_touch", at: "2026-02-05T10:00:00Z", customer: "c1", campaign: "spring" },
  ],
  tests: {
    "counts distinct customers touched; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 2,
        "2026-02": 1,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 2,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { department: "marketing" })).toEqual({
        "2026-01": 1,
        "2026-02": 1,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c2" })).toEqual({
        "2026-01": 1,
        "2026-02": 0,
      });
    },
  },
});
