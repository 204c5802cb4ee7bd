import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { assignManager, ingestCustomers } from "./ingest-customers";
import { ingestEvents } from "./ingest-events";
import { MANAGERS, resetWarehouse, seedReferenceData } from "./rollup-test-support";

/*
 * An event counts for the account manager who served its customer when it occurred — also after
 * reassignments, and after a backdated one that overlaps the history (the latest decision wins) —
 * unless the event names its manager itself.
 */
const THIRD = { id: "00000000-0000-4000-8000-0000000000a3", email: "m3@example.com" };
const T0 = new Date("2026-03-01T00:00:00Z");
const T1 = new Date("2026-04-01T00:00:00Z");

describe.each(testDialects())("attribution to account managers on $kind", (dialect) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await dialect.create();
    await seedReferenceData(db.db);
    await resetWarehouse(db.db, "UTC");
    await db.db
      .insertInto("users")
      .values({ id: THIRD.id, email: THIRD.email, name: THIRD.email, role: "account_manager" })
      .execute();
    const [m1, m2] = MANAGERS;
    await ingestCustomers(db.db, [{ id: "c1", name: "Acme", accountManager: m1.email }]);
    // m1 from the start; m2 from T1; then a reassignment to m3 backdated to T0, before T1.
    await assignManager(db.db, "c1", m2.id, T1);
    await assignManager(db.db, "c1", THIRD.id, T0);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it("follows the assignment history, the latest decision winning where periods overlap", async () => {
    const at = (id: string, occurredAt: string, extra: Record<string, unknown> = {}) => ({
      id,
      type: "praise",
      customerId: "c1",
      occurredAt,
      ...extra,
    });
    const result = await ingestEvents(db.db, [
      at("before", "2026-02-15T12:00:00Z"),
      at("overlap", "2026-03-15T12:00:00Z"),
      at("after", "2026-04-15T12:00:00Z"),
      at("named", "2026-04-15T12:00:00Z", { accountManager: MANAGERS[1].email }),
      { id: "stub", type: "praise", customerId: "new-customer", occurredAt: "2026-04-15T12:00:00Z" },
    ]);
    expect(result).toEqual({ accepted: 5, duplicates: 0, rejected: [] });
    const rows = await db.db.selectFrom("events").select(["id", "account_manager_id"]).execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.account_manager_id]))).toEqual({
      before: MANAGERS[0].id,
      overlap: THIRD.id,
      after: THIRD.id,
      named: MANAGERS[1].id,
      stub: null,
    });
    const stub = await db.db.selectFrom("customers").selectAll().where("id", "=", "new-customer").executeTakeFirst();
    expect(stub).toMatchObject({ incomplete: true, name: "new-customer" });
  });

  it("creates no stub customer for a rejected event", async () => {
    const result = await ingestEvents(db.db, [
      { id: "before", type: "praise", customerId: "someone-else", occurredAt: "2026-02-15T12:00:00Z" },
    ]);
    expect(result.rejected[0]?.errors[0]?.code).toBe("conflict");
    const stub = await db.db.selectFrom("customers").select("id").where("id", "=", "someone-else").execute();
    expect(stub).toEqual([]);
  });
});
