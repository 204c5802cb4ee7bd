import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { MANAGER_A, insertEvents, valuesOf, voidOf } from "../test-support";

describe.each(testDialects())("win_rate on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, [
      { type: "opportunity_won", at: "2026-01-05T10:00:00Z", amount: "100.00", manager: MANAGER_A },
      { type: "opportunity_won", at: "2026-01-06T10:00:00Z", department: "marketing" },
      { type: "opportunity_lost", at: "2026-01-07T10:00:00Z", manager: MANAGER_A },
      { type: "opportunity_won", id: "w-void", at: "2026-01-08T10:00:00Z" },
      voidOf("w-void", "2026-01-09T10:00:00Z"),
      { type: "opportunity_lost", at: "2026-02-07T10:00:00Z" },
      { type: "order", at: "2026-03-07T10:00:00Z", amount: "1.00" },
    ]);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("is won ÷ (won + lost); null without opportunities", async () => {
    expect(await valuesOf(t.db, "win_rate", "2026-01-01", "2026-04-01")).toEqual({
      "2026-01": 200 / 3,
      "2026-02": 0,
      "2026-03": null,
    });
    expect(await valuesOf(t.db, "win_rate", "2026-01-01", "2026-04-01", { grain: "quarter" })).toEqual({
      "2026-Q1": 50,
    });
  });

  it("filters", async () => {
    expect(await valuesOf(t.db, "win_rate", "2026-01-01", "2026-02-01", { department: "sales" })).toEqual({
      "2026-01": 50,
    });
    expect(await valuesOf(t.db, "win_rate", "2026-01-01", "2026-02-01", { department: "marketing" })).toEqual({
      "2026-01": 100,
    });
    expect(await valuesOf(t.db, "win_rate", "2026-01-01", "2026-02-01", { accountManagerId: MANAGER_A })).toEqual({
      "2026-01": 50,
    });
  });
});
