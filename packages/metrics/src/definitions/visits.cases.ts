import { expect } from "vitest";
import { MANAGER_A, MANAGER_B, metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    // 1 March 03:00 UTC is still 28 February in New York.
    { type: "visit", at: "2026-03-01T03:00:00Z", customer: "c1", manager: MANAGER_A },
    { type: "visit", at: "2026-03-01T06:00:00Z", customer: "c2", manager: MANAGER_B },
    {
      type: "visit",
      at: "2026-03-02T12:00:00Z",
      customer: "c2",
      manager: MANAGER_A,
      department: "customer_service",
    },
    { type: "visit", id: "v-void", at: "2026-03-02T13:00:00Z", customer: "c1", manager: MANAGER_A },
    voidOf("v-void", "2026-03-02T14:00:00Z"),
    { type: "contact", at: "2026-03-02T12:00:00Z", customer: "c1" },
  ],
  tests: {
    "counts visits per day in the organisation's zone": async (q) => {
      expect(await q("2026-02-28", "2026-03-04", { grain: "day" })).toEqual({
        "2026-02-28": 0,
        "2026-03-01": 2,
        "2026-03-02": 1,
        "2026-03-03": 0,
      });
      expect(await q("2026-02-28", "2026-03-03", { grain: "day", timeZone: "America/New_York" })).toEqual({
        "2026-02-28": 1,
        "2026-03-01": 1,
        "2026-03-02": 1,
      });
    },

    "filters by department, account manager and customer": async (q) => {
      const month = ["2026-03-01", "2026-04-01"] as const;
      expect(await q(...month, { department: "sales" })).toEqual({ "2026-03": 2 });
      expect(await q(...month, { accountManagerId: MANAGER_A })).toEqual({ "2026-03": 2 });
      expect(await q(...month, { accountManagerId: MANAGER_A, department: "sales" })).toEqual({
        "2026-03": 1,
      });
      expect(await q(...month, { customerId: "c2" })).toEqual({ "2026-03": 2 });
      expect(await q(...month, { customerId: "nobody" })).toEqual({ "2026-03": 0 });
    },
  },
});
