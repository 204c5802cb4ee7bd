import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "service_request", id: "s1", customer: "c1", at: "2026-01-10T00:00:00Z" },
    { type: "service_resolved", ref: "s1", customer: "c1", at: "2026-01-10T12:00:00Z" },
    {
      type: "service_request",
      id: "s2",
      customer: "c2",
      at: "2026-01-11T00:00:00Z",
      department: "production",
    },
    {
      type: "service_resolved",
      ref: "s2",
      customer: "c2",
      at: "2026-01-12T12:00:00Z",
      department: "production",
    },
    // A voided request: its resolution counts nowhere.
    { type: "service_request", id: "s3", customer: "c1", at: "2026-02-01T00:00:00Z" },
    voidOf("s3", "2026-02-01T01:00:00Z"),
    { type: "service_resolved", ref: "s3", customer: "c1", at: "2026-02-02T00:00:00Z" },
    // A complaint resolution is not a service resolution.
    { type: "service_request", id: "s4", customer: "c1", at: "2026-03-01T00:00:00Z" },
    { type: "complaint_resolved", ref: "s4", customer: "c1", at: "2026-03-01T05:00:00Z" },
    // 30 minutes, resolved on 31 March 22:30 UTC: April in Berlin.
    { type: "service_request", id: "s5", customer: "c3", at: "2026-03-31T22:00:00Z" },
    { type: "service_resolved", ref: "s5", customer: "c3", at: "2026-03-31T22:30:00Z" },
  ],
  tests: {
    "averages the hours from request to resolution, by the resolution's period": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 24, // (12 + 36) / 2
        "2026-02": null,
        "2026-03": 0.5,
        "2026-04": null,
      });
      expect(await q("2026-03-01", "2026-05-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-03": null,
        "2026-04": 0.5,
      });
    },

    "filters the resolution": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { department: "production" })).toEqual({ "2026-01": 36 });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c1" })).toEqual({ "2026-01": 12 });
    },
  },
});
