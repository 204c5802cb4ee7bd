import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // k1: 26 h; its second resolution counts nowhere.
    { type: "complaint", id: "k1", customer: "c1", at: "2026-01-10T00:00:00Z" },
    { type: "complaint_resolved", id: "r1", ref: "k1", customer: "c1", at: "2026-01-11T02:00:00Z" },
    { type: "complaint_resolved", id: "r1b", ref: "k1", customer: "c1", at: "2026-01-12T00:00:00Z" },
    // k2: 3 h.
    { type: "complaint", id: "k2", customer: "c2", at: "2026-01-20T00:00:00Z" },
    { type: "complaint_resolved", id: "r2", ref: "k2", customer: "c2", at: "2026-01-20T03:00:00Z" },
    // A resolution naming another customer's complaint is not its resolution.
    { type: "complaint_resolved", id: "r-other", ref: "k2", customer: "c3", at: "2026-01-19T00:00:00Z" },
    // k3: opened in January, resolved in February after 60 h.
    { type: "complaint", id: "k3", customer: "c3", at: "2026-01-30T00:00:00Z" },
    { type: "complaint_resolved", id: "r3", ref: "k3", customer: "c3", at: "2026-02-01T12:00:00Z" },
    // k4: the first resolution is voided, the second (48 h) counts.
    { type: "complaint", id: "k4", customer: "c1", at: "2026-01-05T00:00:00Z" },
    { type: "complaint_resolved", id: "r4a", ref: "k4", customer: "c1", at: "2026-01-06T00:00:00Z" },
    voidOf("r4a", "2026-01-06T01:00:00Z"),
    { type: "complaint_resolved", id: "r4b", ref: "k4", customer: "c1", at: "2026-01-07T00:00:00Z" },
    // k5 is voided: its resolution counts nowhere.
    { type: "complaint", id: "k5", customer: "c2", at: "2026-01-03T00:00:00Z" },
    voidOf("k5", "2026-01-03T01:00:00Z", { customer: "c2" }),
    { type: "complaint_resolved", id: "r5", ref: "k5", customer: "c2", at: "2026-01-04T00:00:00Z" },
    // k7: 10 h, resolved by sales and MANAGER_A (filters apply to the resolution).
    { type: "complaint", id: "k7", customer: "c4", at: "2026-01-25T00:00:00Z" },
    {
      type: "complaint_resolved",
      id: "r7",
      ref: "k7",
      customer: "c4",
      at: "2026-01-25T10:00:00Z",
      department: "sales",
      manager: MANAGER_A,
    },
    // A service resolution is not a complaint resolution.
    { type: "service_resolved", id: "s1", ref: "k1", customer: "c1", at: "2026-01-10T01:00:00Z" },
  ],
  tests: {
    "averages the hours to the first resolution, by the resolution's period": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 21.75, // (26 + 3 + 48 + 10) / 4
        "2026-02": 60,
        "2026-03": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 29.4 }); // 147 / 5
    },

    "ignores later resolutions even when they alone are in the range": async (q) => {
      expect(await q("2026-01-12", "2026-01-13", { grain: "day" })).toEqual({ "2026-01-12": null });
      expect(await q("2026-01-11", "2026-01-12", { grain: "day" })).toEqual({ "2026-01-11": 26 });
    },

    "filters the resolution": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "customer_service" })).toEqual({
        "2026-01": 77 / 3,
      });
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({ "2026-01": 10 });
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({ "2026-01": 10 });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c1" })).toEqual({
        "2026-01": 37,
        "2026-02": null,
      });
    },
  },
});
