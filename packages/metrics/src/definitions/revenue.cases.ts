import { expect } from "vitest";
import { MANAGER_A, MANAGER_B, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    {
      type: "order",
      id: "o1",
      at: "2026-01-10T10:00:00Z",
      customer: "c1",
      amount: "100.10",
      manager: MANAGER_A,
    },
    // February in Berlin, January in UTC and New York.
    {
      type: "order",
      id: "o2",
      at: "2026-01-31T23:30:00Z",
      customer: "c2",
      amount: "200.20",
      manager: MANAGER_B,
    },
    // January in New York, February in UTC and Berlin.
    {
      type: "order",
      id: "o3",
      at: "2026-02-01T03:00:00Z",
      customer: "c1",
      amount: "0.30",
      manager: MANAGER_A,
    },
    {
      type: "order",
      id: "o4",
      at: "2026-02-15T12:00:00Z",
      customer: "c1",
      amount: "50.00",
      department: "marketing",
    },
    { type: "order", id: "o5", at: "2026-02-20T12:00:00Z", customer: "c3", amount: "999.99" },
    voidOf("o5", "2026-02-22T12:00:00Z", { customer: "c3" }),
    // Same id in another source: the void above does not reach it.
    {
      type: "order",
      id: "o5",
      source: "erp",
      at: "2026-02-21T12:00:00Z",
      customer: "c3",
      amount: "10.00",
      manager: MANAGER_B,
    },
    { type: "payment", at: "2026-01-05T12:00:00Z", customer: "c1", amount: "500.00" },
  ],
  tests: {
    "sums exactly per month, cut in the organisation's zone": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 300.3, // 100.10 + 200.20, not 300.29999999999995
        "2026-02": 60.3,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-04-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 100.1,
        "2026-02": 260.5,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "America/New_York" })).toEqual({
        "2026-01": 300.6,
        "2026-02": 60,
      });
    },

    "is 0 for empty periods and adds up over a year": async (q) => {
      expect(await q("2025-11-01", "2026-01-01")).toEqual({ "2025-11": 0, "2025-12": 0 });
      expect(await q("2025-01-01", "2027-01-01", { grain: "year" })).toEqual({
        "2025": 0,
        "2026": 360.6,
      });
    },

    "filters by department, account manager and customer": async (q) => {
      const range = ["2026-01-01", "2026-03-01"] as const;
      expect(await q(...range, { department: "sales" })).toEqual({ "2026-01": 300.3, "2026-02": 10.3 });
      expect(await q(...range, { department: "marketing" })).toEqual({ "2026-01": 0, "2026-02": 50 });
      expect(await q(...range, { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 100.1,
        "2026-02": 0.3,
      });
      expect(await q(...range, { accountManagerId: MANAGER_B })).toEqual({ "2026-01": 200.2, "2026-02": 10 });
      expect(await q(...range, { customerId: "c1" })).toEqual({ "2026-01": 100.1, "2026-02": 50.3 });
      expect(await q(...range, { customerId: "c1", department: "sales" })).toEqual({
        "2026-01": 100.1,
        "2026-02": 0.3,
      });
    },
  },
});
