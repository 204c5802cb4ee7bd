import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { MANAGER_A, MANAGER_B, insertEvents, valuesOf, voidOf } from "../test-support";

describe.each(testDialects())("visits on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, [
      // 1 March 03:00 UTC is still 28 February in New York.
      { type: "visit", at: "2026-03-01T03:00:00Z", customer: "c1", manager: MANAGER_A },
      { type: "visit", at: "2026-03-01T06:00:00Z", customer: "c2", manager: MANAGER_B },
      { type: "visit", at: "2026-03-02T12:00:00Z", customer: "c2", manager: MANAGER_A, department: "customer_service" },
      { type: "visit", id: "v-void", at: "2026-03-02T13:00:00Z", customer: "c1", manager: MANAGER_A },
      voidOf("v-void", "2026-03-02T14:00:00Z"),
      { type: "contact", at: "2026-03-02T12:00:00Z", customer: "c1" },
    ]);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("counts visits per day in the organisation's zone", async () => {
    expect(await valuesOf(t.db, "visits", "2026-02-28", "2026-03-04", { grain: "day" })).toEqual({
      "2026-02-28": 0,
      "2026-03-01": 2,
      "2026-03-02": 1,
      "2026-03-03": 0,
    });
    expect(await valuesOf(t.db, "visits", "2026-02-28", "2026-03-03", { grain: "day", timeZone: "America/New_York" })).toEqual({
      "2026-02-28": 1,
      "2026-03-01": 1,
      "2026-03-02": 1,
    });
  });

  it("filters by department, account manager and customer", async () => {
    const month = ["2026-03-01", "2026-04-01"] as const;
    expect(await valuesOf(t.db, "visits", ...month, { department: "sales" })).toEqual({ "2026-03": 2 });
    expect(await valuesOf(t.db, "visits", ...month, { accountManagerId: MANAGER_A })).toEqual({ "2026-03": 2 });
    expect(await valuesOf(t.db, "visits", ...month, { accountManagerId: MANAGER_A, department: "sales" })).toEqual({ "2026-03": 1 });
    expect(await valuesOf(t.db, "visits", ...month, { customerId: "c2" })).toEqual({ "2026-03": 2 });
    expect(await valuesOf(t.db, "visits", ...month, { customerId: "nobody" })).toEqual({ "2026-03": 0 });
  });
});
