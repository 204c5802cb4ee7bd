import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "order", at: "2025-12-28T12:00:00Z", amount: "1.00" }, // Sunday: 2025-W52
    { type: "order", at: "2025-12-29T08:00:00Z", amount: "1.00" }, // Monday: 2026-W01
    // Sunday 23:30 in UTC (2026-W01), already Monday 00:30 in Berlin (2026-W02).
    { type: "order", at: "2026-01-04T23:30:00Z", amount: "1.00", customer: "c2", manager: MANAGER_A },
    { type: "order", at: "2026-01-05T10:00:00Z", amount: "1.00", customer: "c2", department: "production" },
    { type: "order", id: "o-void", at: "2026-01-06T10:00:00Z", amount: "1.00" },
    voidOf("o-void", "2026-01-07T10:00:00Z"),
    { type: "order", at: "2027-01-01T10:00:00Z", amount: "1.00" }, // Friday of 2026-W53
    { type: "visit", at: "2026-01-05T10:00:00Z" },
  ],
  tests: {
    "counts per ISO week across the year boundary": async (q) => {
      expect(await q("2025-12-22", "2026-01-19", { grain: "week" })).toEqual({
        "2025-W52": 1,
        "2026-W01": 2,
        "2026-W02": 1,
        "2026-W03": 0,
      });
      expect(await q("2025-12-22", "2026-01-19", { grain: "week", timeZone: "Europe/Berlin" })).toEqual({
        "2025-W52": 1,
        "2026-W01": 1,
        "2026-W02": 2,
        "2026-W03": 0,
      });
      expect(await q("2026-12-21", "2027-01-11", { grain: "week" })).toEqual({
        "2026-W52": 0,
        "2026-W53": 1,
        "2027-W01": 0,
      });
    },

    "counts per day, quarter and year": async (q) => {
      expect(await q("2026-01-04", "2026-01-07", { grain: "day" })).toEqual({
        "2026-01-04": 1,
        "2026-01-05": 1,
        "2026-01-06": 0,
      });
      expect(await q("2026-01-04", "2026-01-06", { grain: "day", timeZone: "Europe/Berlin" })).toEqual({
        "2026-01-04": 0,
        "2026-01-05": 2,
      });
      expect(await q("2025-10-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2025-Q4": 2,
        "2026-Q1": 2,
      });
      expect(await q("2025-01-01", "2028-01-01", { grain: "year" })).toEqual({
        "2025": 2,
        "2026": 2,
        "2027": 1,
      });
    },

    "filters by department, account manager and customer": async (q) => {
      const range = ["2026-01-01", "2026-02-01"] as const;
      expect(await q(...range)).toEqual({ "2026-01": 2 });
      expect(await q(...range, { department: "sales" })).toEqual({ "2026-01": 1 });
      expect(await q(...range, { department: "production" })).toEqual({ "2026-01": 1 });
      expect(await q(...range, { accountManagerId: MANAGER_A })).toEqual({ "2026-01": 1 });
      expect(await q(...range, { customerId: "c1" })).toEqual({ "2026-01": 0 });
      expect(await q(...range, { customerId: "c2" })).toEqual({ "2026-01": 2 });
    },
  },
});
