import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "delivery", customer: "c1", at: "2026-01-05T10:00:00Z", promisedAt: "2026-01-06T00:00:00Z" },
    { type: "delivery", customer: "c2", at: "2026-01-06T10:00:00Z", promisedAt: "2026-01-06T10:00:00Z" },
    { type: "delivery", customer: "c2", at: "2026-01-07T10:00:00Z", promisedAt: "2026-01-07T09:00:00Z" },
    {
      type: "delivery",
      id: "d-void",
      customer: "c1",
      at: "2026-01-08T10:00:00Z",
      promisedAt: "2026-01-01T00:00:00Z",
    },
    voidOf("d-void", "2026-01-09T10:00:00Z"),
    {
      type: "delivery",
      customer: "c1",
      at: "2026-03-05T10:00:00Z",
      promisedAt: "2026-03-01T00:00:00Z",
      department: "procurement",
    },
  ],
  tests: {
    "is the share of deliveries made by the promised time; null without deliveries": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 200 / 3,
        "2026-02": null,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 50 });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter", department: "production" })).toEqual({
        "2026-Q1": 200 / 3,
      });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c2" })).toEqual({ "2026-01": 50 });
    },
  },
});
