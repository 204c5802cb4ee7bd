import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { MANAGER_A, MANAGER_B, insertEvents, valuesOf, voidOf } from "../test-support";

describe.each(testDialects())("active_customers on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, [
      { type: "order", at: "2026-01-03T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_A },
      { type: "order", at: "2026-01-20T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_B },
      { type: "order", at: "2026-01-31T23:30:00Z", customer: "c2", amount: "1.00", manager: MANAGER_B },
      { type: "order", at: "2026-02-10T10:00:00Z", customer: "c1", amount: "1.00", manager: MANAGER_A },
      { type: "order", id: "x", at: "2026-02-11T10:00:00Z", customer: "c3", amount: "1.00" },
      voidOf("x", "2026-02-12T10:00:00Z", { customer: "c3" }),
      { type: "visit", at: "2026-02-11T10:00:00Z", customer: "c4" },
    ]);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("counts distinct customers with an order; 0 when none", async () => {
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-04-01")).toEqual({
      "2026-01": 2,
      "2026-02": 1,
      "2026-03": 0,
    });
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-03-01", { timeZone: "Europe/Berlin" })).toEqual({
      "2026-01": 1,
      "2026-02": 2,
    });
    // Distinct over the whole quarter, not the sum of the months.
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
      "2026-Q1": 2,
    });
  });

  it("filters by account manager and customer", async () => {
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-03-01", { accountManagerId: MANAGER_A })).toEqual({
      "2026-01": 1,
      "2026-02": 1,
    });
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-03-01", { accountManagerId: MANAGER_B })).toEqual({
      "2026-01": 2,
      "2026-02": 0,
    });
    expect(await valuesOf(t.db, "active_customers", "2026-01-01", "2026-03-01", { customerId: "c3" })).toEqual({
      "2026-01": 0,
      "2026-02": 0,
    });
  });
});
