import { expect } from "vitest";
import { type EventFixture, MANAGER_A, MANAGER_B, metricCases, voidOf } from "../test-support";

const touch = (customer: string, at: string, extra: Partial<EventFixture> = {}): EventFixture => ({
  type: "campaign_touch",
  customer,
  at,
  campaign: "spring",
  ...extra,
});
const order = (customer: string, at: string, extra: Partial<EventFixture> = {}): EventFixture => ({
  type: "order",
  customer,
  at,
  amount: "10.00",
  ...extra,
});

export const cases = metricCases({
  events: [
    // c1 converts (order 15 days after the touch); a second touch later in January does not matter.
    touch("c1", "2026-01-05T00:00:00Z", { manager: MANAGER_A }),
    order("c1", "2026-01-20T00:00:00Z"),
    touch("c1", "2026-01-28T00:00:00Z"),
    // c2 converts exactly 30 days after the touch.
    touch("c2", "2026-01-10T00:00:00Z", { manager: MANAGER_A }),
    order("c2", "2026-02-09T00:00:00Z"),
    // c3 orders one second too late.
    touch("c3", "2026-01-10T00:00:00Z"),
    order("c3", "2026-02-09T00:00:01Z"),
    // c4 ordered before and at the very instant of the touch: no conversion.
    order("c4", "2026-01-14T00:00:00Z"),
    touch("c4", "2026-01-15T12:00:00Z"),
    order("c4", "2026-01-15T12:00:00Z"),
    // c5's order is voided.
    touch("c5", "2026-01-20T00:00:00Z"),
    order("c5", "2026-01-25T00:00:00Z", { id: "c5-order" }),
    voidOf("c5-order", "2026-01-26T00:00:00Z", { customer: "c5" }),
    // c6 converts through production and another manager: conversion belongs to the customer.
    touch("c6", "2026-01-20T00:00:00Z"),
    order("c6", "2026-01-25T00:00:00Z", { department: "production", manager: MANAGER_B }),
    // February: c1 converts in March, c7 and c8 do not.
    touch("c1", "2026-02-25T00:00:00Z"),
    order("c1", "2026-03-10T00:00:00Z"),
    touch("c7", "2026-02-26T00:00:00Z"),
    touch("c8", "2026-02-27T00:00:00Z"),
  ],
  tests: {
    "is the share of reached customers who ordered within 30 days after a touch": async (q) => {
      expect(await q("2026-01-01", "2026-04-01")).toEqual({
        "2026-01": 50, // c1, c2, c6 of 6
        "2026-02": 100 / 3, // c1 of 3
        "2026-03": null,
      });
      // Over the quarter: 8 customers reached, c1, c2, c6 converted.
      expect(await q("2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
        "2026-Q1": 37.5,
      });
    },

    "filters the touches, not the orders": async (q) => {
      expect(await q("2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({
        "2026-01": 100,
      });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c3" })).toEqual({
        "2026-01": 0,
      });
      expect(await q("2026-01-01", "2026-02-01", { customerId: "c6" })).toEqual({
        "2026-01": 100,
      });
      expect(await q("2026-01-01", "2026-02-01", { department: "sales" })).toEqual({
        "2026-01": null,
      });
    },
  },
});
