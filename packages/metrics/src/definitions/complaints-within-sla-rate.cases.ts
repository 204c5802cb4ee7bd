import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // k1: resolved after exactly 24 h: within.
    { type: "complaint", id: "k1", customer: "c1", at: "2026-01-10T00:00:00Z" },
    { type: "complaint_resolved", ref: "k1", customer: "c1", at: "2026-01-11T00:00:00Z" },
    // k2: 24 h and one second: late.
    { type: "complaint", id: "k2", customer: "c2", at: "2026-01-12T00:00:00Z" },
    { type: "complaint_resolved", ref: "k2", customer: "c2", at: "2026-01-13T00:00:01Z" },
    // k3: never resolved.
    { type: "complaint", id: "k3", customer: "c3", at: "2026-01-14T00:00:00Z" },
    // k4: opened in January, resolved in February after 18 h: within, counted in January. Attributed to sales.
    { type: "complaint", id: "k4", customer: "c1", at: "2026-01-31T12:00:00Z", department: "sales" },
    { type: "complaint_resolved", ref: "k4", customer: "c1", at: "2026-02-01T06:00:00Z" },
    // k5: the quick resolution is voided; the other one comes after 30 h.
    { type: "complaint", id: "k5", customer: "c2", at: "2026-01-20T00:00:00Z" },
    { type: "complaint_resolved", id: "r5a", ref: "k5", customer: "c2", at: "2026-01-20T01:00:00Z" },
    voidOf("r5a", "2026-01-20T02:00:00Z", { customer: "c2" }),
    { type: "complaint_resolved", ref: "k5", customer: "c2", at: "2026-01-21T06:00:00Z" },
    // k6 is voided: not a complaint at all.
    { type: "complaint", id: "k6", customer: "c4", at: "2026-01-22T00:00:00Z" },
    voidOf("k6", "2026-01-22T01:00:00Z", { customer: "c4" }),
    // k7: "resolved" by an event of another customer: not resolved.
    { type: "complaint", id: "k7", customer: "c1", at: "2026-02-03T00:00:00Z" },
    { type: "complaint_resolved", ref: "k7", customer: "c9", at: "2026-02-03T02:00:00Z" },
  ],
  tests: {
    "is the share of complaints opened in the period resolved within the SLA": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 40, // k1, k4 of k1–k5
        "2026-02": 0,
        "2026-03": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 100 / 3 });
    },

    "follows the SLA setting": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { complaintSlaHours: 48 })).toEqual({ "2026-01": 80 });
      expect(await q("2026-01-01", "2026-02-01", { complaintSlaHours: 18 })).toEqual({ "2026-01": 20 });
      expect(await q("2026-01-01", "2026-02-01", { complaintSlaHours: 17.5 })).toEqual({ "2026-01": 0 });
    },

    "filters the complaint": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({ "2026-01": 100 });
      expect(await q("2026-01-01", "2026-02-01", { department: "customer_service" })).toEqual({
        "2026-01": 25,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c1" })).toEqual({
        "2026-01": 100,
        "2026-02": 0,
      });
    },
  },
});
