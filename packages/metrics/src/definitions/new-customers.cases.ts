import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // c1 ordered first in December: not new in January.
    { type: "order", at: "2025-12-15T10:00:00Z", customer: "c1", amount: "1.00" },
    { type: "order", at: "2026-01-10T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_A },
    { type: "order", at: "2026-01-12T10:00:00Z", customer: "c2", amount: "1.00", manager: MANAGER_A },
    { type: "order", at: "2026-01-20T10:00:00Z", customer: "c2", amount: "1.00" },
    // c3's first order is voided: its first order is in February.
    { type: "order", id: "c3-first", at: "2026-01-05T10:00:00Z", customer: "c3", amount: "1.00" },
    voidOf("c3-first", "2026-01-06T10:00:00Z", { customer: "c3" }),
    { type: "order", at: "2026-02-05T10:00:00Z", customer: "c3", amount: "1.00" },
    // c4 ordered from marketing first, from sales later.
    { type: "order", at: "2026-01-25T10:00:00Z", customer: "c4", amount: "1.00", department: "marketing" },
    { type: "order", at: "2026-02-25T10:00:00Z", customer: "c4", amount: "1.00" },
    // c5: 31 January 23:30 UTC is February in Berlin.
    { type: "order", at: "2026-01-31T23:30:00Z", customer: "c5", amount: "1.00" },
    { type: "payment", at: "2026-03-01T10:00:00Z", customer: "c6", amount: "1.00" },
  ],
  tests: {
    "counts customers by the period of their first order ever": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 3, // c2, c4, c5
        "2026-02": 1, // c3
        "2026-03": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
        "2026-01": 2,
        "2026-02": 2,
      });
      expect(await q("2025-10-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2025-Q4": 1,
        "2026-Q1": 4,
      });
      // A later range still knows the earlier history.
      expect(await q("2026-02-01", "2026-03-01")).toEqual({ "2026-02": 1 });
    },

    "finds the first order within the filter's scope": async (q) => {
      expect(await q("2026-01-01", "2026-03-01", { department: "sales" })).toEqual({
        "2026-01": 2, // c2, c5
        "2026-02": 2, // c3, c4
      });
      expect(await q("2026-01-01", "2026-03-01", { department: "marketing" })).toEqual({
        "2026-01": 1,
        "2026-02": 0,
      });
      // c1's first order handled by MANAGER_A is in January.
      expect(await q("2026-01-01", "2026-03-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 2,
        "2026-02": 0,
      });
      expect(await q("2026-01-01", "2026-03-01", { customerId: "c1" })).toEqual({
        "2026-01": 0,
        "2026-02": 0,
      });
    },
  },
});
