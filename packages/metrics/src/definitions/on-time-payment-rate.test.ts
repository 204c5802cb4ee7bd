import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { insertEvents, valuesOf, voidOf } from "../test-support";

describe.each(testDialects())("on_time_payment_rate on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, [
      { type: "payment", at: "2026-01-05T10:00:00Z", dueAt: "2026-01-10T00:00:00Z", amount: "1.00" }, // on time
      { type: "payment", at: "2026-01-06T10:00:00Z", dueAt: "2026-01-06T09:59:59Z", amount: "1.00", customer: "c2" }, // late
      { type: "payment", at: "2026-01-07T10:00:00Z", amount: "1.00" }, // no due date: not counted
      { type: "payment", at: "2026-01-08T10:00:00Z", dueAt: "2026-01-08T10:00:00Z", amount: "1.00", customer: "c2" }, // exactly on time
      { type: "payment", id: "late", at: "2026-01-09T10:00:00Z", dueAt: "2026-01-01T00:00:00Z", amount: "1.00" },
      voidOf("late", "2026-01-10T10:00:00Z"),
      { type: "payment", at: "2026-02-07T10:00:00Z", amount: "1.00" }, // no due date only
      { type: "payment", at: "2026-03-07T10:00:00Z", dueAt: "2026-03-01T00:00:00Z", amount: "1.00" }, // late
    ]);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("is the share of payments with a due date paid by then; null without any", async () => {
    expect(await valuesOf(t.db, "on_time_payment_rate", "2026-01-01", "2026-05-01")).toEqual({
      "2026-01": 200 / 3,
      "2026-02": null,
      "2026-03": 0,
      "2026-04": null,
    });
    expect(await valuesOf(t.db, "on_time_payment_rate", "2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
      "2026-Q1": 50,
    });
  });

  it("filters", async () => {
    expect(await valuesOf(t.db, "on_time_payment_rate", "2026-01-01", "2026-02-01", { customerId: "c2" })).toEqual({
      "2026-01": 50,
    });
    expect(await valuesOf(t.db, "on_time_payment_rate", "2026-01-01", "2026-02-01", { department: "quality" })).toEqual({
      "2026-01": null,
    });
  });
});
