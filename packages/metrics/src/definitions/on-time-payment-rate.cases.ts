import { expect } from "vitest";
import { metricCases, voidOf } from "../test-support";

export const cases = metricCases({
  events: [
    { type: "payment", at: "2026-01-05T10:00:00Z", dueAt: "2026-01-10T00:00:00Z", amount: "1.00" }, // on time
    {
      type: "payment",
      at: "2026-01-06T10:00:00Z",
      dueAt: "2026-01-06T09:59:59Z",
      amount: "1.00",
      customer: "c2",
    }, // late
    { type: "payment", at: "2026-01-07T10:00:00Z", amount: "1.00" }, // no due date: not counted
    {
      type: "payment",
      at: "2026-01-08T10:00:00Z",
      dueAt: "2026-01-08T10:00:00Z",
      amount: "1.00",
      customer: "c2",
    }, // exactly on time
    {
      type: "payment",
      id: "late",
      at: "2026-01-09T10:00:00Z",
      dueAt: "2026-01-01T00:00:00Z",
      amount: "1.00",
    },
    voidOf("late", "2026-01-10T10:00:00Z"),
    { type: "payment", at: "2026-02-07T10:00:00Z", amount: "1.00" }, // no due date only
    { type: "payment", at: "2026-03-07T10:00:00Z", dueAt: "2026-03-01T00:00:00Z", amount: "1.00" }, // late
  ],
  tests: {
    "is the share of payments with a due date paid by then; null without any": async (q) => {
      expect(await q("2026-01-01", "2026-05-01")).toEqual({
        "2026-01": 200 / 3,
        "2026-02": null,
        "2026-03": 0,
        "2026-04": null,
      });
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 50,
      });
    },

    filters: async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c2" })).toEqual({
        "2026-01": 50,
      });
      expect(await q("2026-01-01", "2026-02-01", { department: "quality" })).toEqual({
        "2026-01": null,
      });
    },
  },
});
