import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { ingestCustomers } from "./ingest-customers";
import { ingestEvents } from "./ingest-events";
import { seedReferenceData } from "./rollup-test-support";

/*
 * A rejection names the field and the rule it breaks: a value of the wrong type is not reported
 * as missing, and an event without a valid type is told about its other fields as well.
 */
const AT = "2025-03-10T12:00:00Z";
const errorsOf = (result: { rejected: { index: number; errors: { field: string; code: string; message: string }[] }[] }) =>
  Object.fromEntries(result.rejected.map((r) => [r.index, r.errors.map((e) => `${e.code} ${e.message}`)]));

describe("field-level reasons", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDialects()[0]!.create();
    await seedReferenceData(database.db);
  });
  afterAll(() => database?.drop());

  it("tell a customer field of the wrong type from a missing one, and keep the valid customers", async () => {
    const result = await ingestCustomers(database.db, [
      { id: 123, name: "Number id" },
      { id: "c-ok", name: "Fine", industry: 5 },
      { id: "c-no-name" },
      { id: "c-kept", name: "Kept" },
    ]);
    expect(result.created).toBe(1);
    expect(errorsOf(result)).toEqual({
      0: ["invalid_type id: must be a string"],
      1: ["invalid_type industry: must be a string"],
      2: ["required name: is required"],
    });
  });

  it("tell an event field of the wrong type from a missing one, with the schema's own rule where it has one", async () => {
    const result = await ingestEvents(database.db, [
      { id: "s1", type: "survey", customerId: "c", occurredAt: AT, scale: 5, score: 3.5 },
      { id: "p1", type: "praise", customerId: "c", occurredAt: AT, payload: "text" },
      { id: "o1", type: "order", customerId: "c", occurredAt: AT },
      { id: "o2", type: "order", customerId: "c", occurredAt: AT, amount: true },
      { id: "kept", type: "praise", customerId: "c", occurredAt: AT },
    ]);
    expect(result.accepted).toBe(1);
    expect(errorsOf(result)).toEqual({
      0: ["invalid_type score: must be a whole number"],
      1: ["invalid_type payload: must be an object"],
      2: ["required amount: is required and must be a number or a decimal string"],
      3: ["invalid_union amount: must be a number or a decimal string"],
    });
  });

  it("check the common fields of an event whose type is missing or unknown", async () => {
    const result = await ingestEvents(database.db, [{ id: "t1" }, { id: "t2", type: "nope", customerId: 5, occurredAt: "2025-01-01" }]);
    const errors = Object.fromEntries(result.rejected.map((r) => [r.index, r.errors.map((e) => `${e.field} ${e.code}`)]));
    expect(errors).toEqual({
      0: ["type required", "occurredAt required"],
      1: ["type invalid_union", "customerId invalid_type", "occurredAt invalid_format"],
    });
    expect(result.rejected[0]?.errors[0]?.message).toMatch(/^type: is required and must be one of order, payment/);
  });
});
