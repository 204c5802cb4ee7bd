import { expect } from "vitest";
import { MANAGER_A, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "order", customer: "c1", at: "2026-01-02T10:00:00Z", amount: "1.00", manager: MANAGER_A },
    { type: "order", customer: "c1", at: "2026-01-03T10:00:00Z", amount: "1.00", manager: MANAGER_A },
    { type: "order", customer: "c2", at: "2026-01-04T10:00:00Z", amount: "1.00" },
    { type: "order", customer: "c2", at: "2026-01-05T10:00:00Z", amount: "1.00" },
    { type: "defect", customer: "c1", at: "2026-01-06T10:00:00Z", department: "sales", manager: MANAGER_A },
    { type: "defect", id: "x-void", customer: "c2", at: "2026-01-07T10:00:00Z", department: "sales" },
    voidOf("x-void", "2026-01-08T10:00:00Z", { customer: "c2" }),
    // February: a defect but no order.
    { type: "defect", customer: "c2", at: "2026-02-06T10:00:00Z" },
    { type: "order", customer: "c1", at: "2026-03-02T10:00:00Z", amount: "1.00" },
    { type: "order", customer: "c1", at: "2026-03-03T10:00:00Z", amount: "1.00" },
  ],
  tests: {
    "is defects per 100 orders; null without orders": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 25,
        "2026-02": null,
        "2026-03": 0,
        "2026-04": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({ "2026-Q1": 100 / 3 });
    },

    "filters defects and orders alike": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({ "2026-01": 50 });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c2" })).toEqual({ "2026-01": 0 });
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({ "2026-01": 25 });
      // Orders are attributed to sales: within quality alone there is nothing to divide by.
      expect(await q("2026-02-01", "2026-03-01", { department: "quality" })).toEqual({ "2026-02": null });
    },
  },
});
