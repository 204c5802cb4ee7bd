import { expect } from "vitest";
import { MANAGER_B, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // k1: visited exactly 7 days later: followed up.
    { type: "complaint", id: "k1", customer: "c1", at: "2026-01-05T00:00:00Z" },
    { type: "visit", ref: "k1", customer: "c1", at: "2026-01-12T00:00:00Z", manager: MANAGER_B },
    // k2: one second too late.
    { type: "complaint", id: "k2", customer: "c2", at: "2026-01-06T00:00:00Z" },
    { type: "visit", ref: "k2", customer: "c2", at: "2026-01-13T00:00:01Z" },
    // k3: a visit that does not name the complaint.
    { type: "complaint", id: "k3", customer: "c3", at: "2026-01-07T00:00:00Z" },
    { type: "visit", customer: "c3", at: "2026-01-08T00:00:00Z" },
    // k4: the follow-up visit is voided.
    { type: "complaint", id: "k4", customer: "c1", at: "2026-01-08T00:00:00Z" },
    { type: "visit", id: "v4", ref: "k4", customer: "c1", at: "2026-01-09T00:00:00Z" },
    voidOf("v4", "2026-01-09T01:00:00Z"),
    // k5: opened in January, visited in February.
    { type: "complaint", id: "k5", customer: "c2", at: "2026-01-30T12:00:00Z" },
    { type: "visit", ref: "k5", customer: "c2", at: "2026-02-02T00:00:00Z" },
    // k6: visited, but at another customer.
    { type: "complaint", id: "k6", customer: "c3", at: "2026-01-09T00:00:00Z" },
    { type: "visit", ref: "k6", customer: "c4", at: "2026-01-10T00:00:00Z" },
    // k7: visited at the very instant.
    { type: "complaint", id: "k7", customer: "c4", at: "2026-01-10T00:00:00Z" },
    { type: "visit", ref: "k7", customer: "c4", at: "2026-01-10T00:00:00Z" },
    // k8: the visit came before the complaint.
    { type: "complaint", id: "k8", customer: "c4", at: "2026-01-11T00:00:00Z" },
    { type: "visit", ref: "k8", customer: "c4", at: "2026-01-10T12:00:00Z" },
    // k9: attributed to quality, followed up by sales.
    { type: "complaint", id: "k9", customer: "c5", at: "2026-03-01T00:00:00Z", department: "quality" },
    { type: "visit", ref: "k9", customer: "c5", at: "2026-03-03T00:00:00Z" },
  ],
  tests: {
    "is the share of complaints opened in the period visited within 7 days": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 37.5, // k1, k5, k7 of 8
        "2026-02": null,
        "2026-03": 100,
        "2026-04": null,
      });
    },

    "filters the complaint, not the visit": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c1" })).toEqual({ "2026-01": 50 });
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_B })).toEqual({
        "2026-01": null,
      });
      expect(await q("2026-03-01", "2026-04-01", { department: "quality" })).toEqual({ "2026-03": 100 });
      expect(await q("2026-03-01", "2026-04-01", { department: "customer_service" })).toEqual({
        "2026-03": null,
      });
    },
  },
});
