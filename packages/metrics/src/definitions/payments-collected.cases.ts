import { expect } from "vitest";
import { MANAGER_B, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "payment", at: "2026-01-05T10:00:00Z", customer: "c1", amount: "0.10" },
    { type: "payment", at: "2026-01-06T10:00:00Z", customer: "c2", amount: "0.20", manager: MANAGER_B },
    // February in Berlin.
    { type: "payment", at: "2026-01-31T23:30:00Z", customer: "c1", amount: "1234567.89" },
    { type: "payment", id: "p-void", at: "2026-02-03T10:00:00Z", customer: "c1", amount: "50.00" },
    voidOf("p-void", "2026-02-04T10:00:00Z"),
    { type: "payment", at: "2026-02-10T10:00:00Z", customer: "c2", amount: "0.01", department: "marketing" },
    { type: "order", at: "2026-02-10T10:00:00Z", customer: "c2", amount: "999.00" },
  ],
  tests: {
    "sums payment amounts exactly; 0 when none": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 1234568.19,
        "2026-02": 0.01,
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 0.3,
        "2026-02": 1234567.9,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { department: "sales" })).toEqual({
        "2026-01": 1234568.19,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_B })).toEqual({
        "2026-01": 0.2,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c2" })).toEqual({
        "2026-01": 0.2,
        "2026-02": 0.01,
      });
    },
  },
});
