import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventTypeKeys } from "./event-types";
import { fastEvent } from "./fast-event";
import { eventInput } from "./inputs";

/*
 * The fast path must never disagree with zod: whatever it accepts, zod accepts with the very same
 * output; whatever it is unsure of (every invalid event among them) goes to zod. And it must take
 * the ordinary well-formed events, or it would not save anything.
 */

const at = "2026-03-01T09:30:00+01:00";
const wellFormed: Record<string, unknown>[] = [
  { type: "order", id: "o1", customerId: "c-1", occurredAt: at, amount: "1250.50" },
  { type: "order", id: "o2", source: "erp", customerId: "c.1:x", occurredAt: "2026-03-01T08:30:00Z", amount: 10.5 },
  { type: "order", id: "o3", customerId: "c1", occurredAt: at, amount: "007.5", department: "sales", payload: { a: [1] } },
  { type: "order", id: "o4", customerId: "c1", occurredAt: at, amount: 0, accountManager: "am.one+x@example.co.uk" },
  { type: "payment", id: "p1", customerId: "c1", occurredAt: at, amount: "99", dueAt: "2026-03-05T00:00:00.123Z" },
  { type: "opportunity_won", id: "w1", customerId: "c1", occurredAt: at },
  { type: "opportunity_lost", id: "l1", customerId: "c1", occurredAt: at, amount: "5.1" },
  { type: "visit", id: "v1", customerId: "c1", occurredAt: at, refId: "k1" },
  { type: "contact", id: "ct1", customerId: "c1", occurredAt: at, channel: "sms" },
  { type: "campaign_touch", id: "ca1", customerId: "c1", occurredAt: at, campaignId: "spring" },
  { type: "complaint", id: "k1", customerId: "c1", occurredAt: at, severity: "high", payload: null },
  { type: "complaint_resolved", id: "kr1", customerId: "c1", occurredAt: at, refId: "k1" },
  { type: "praise", id: "pr1", customerId: "c1", occurredAt: at },
  { type: "survey", id: "s1", customerId: "c1", occurredAt: at, scale: 10, score: 9 },
  { type: "survey", id: "s2", customerId: "c1", occurredAt: at, scale: 5, score: 4 },
  { type: "service_request", id: "sr1", customerId: "c1", occurredAt: at, stage: "repair" },
  { type: "service_resolved", id: "ss1", customerId: "c1", occurredAt: at, refId: "sr1" },
  { type: "feedback", id: "f1", customerId: "c1", occurredAt: at },
  { type: "delivery", id: "d1", customerId: "c1", occurredAt: at, promisedAt: "2026-03-02T00:00:00-05:00" },
  { type: "supplier_issue", id: "si1", customerId: "c1", occurredAt: at },
  { type: "defect", id: "df1", customerId: "c1", occurredAt: at },
  { type: "training", id: "t1", occurredAt: at, hours: "1.5", employee: "staff-1@example.com" },
  { type: "void", id: "x1", occurredAt: at, refId: "o1" },
];

// Values that are valid for some field and invalid for others, so random combinations probe both.
const values = fc.constantFrom<unknown>(
  "x",
  "",
  " padded ",
  "c-1",
  "a".repeat(129),
  "2026-03-01T09:30:00Z",
  "2026-03-01T09:30:00",
  "2026-02-30T09:30:00Z",
  "2026-13-01T09:30:00+01:00",
  "12.345",
  "-1",
  "1e3",
  "0.00",
  "123456789012345",
  "1234567890.5",
  1.005,
  -3,
  0,
  5,
  10,
  7.5,
  Number.NaN,
  Infinity,
  2 ** 60,
  null,
  true,
  [],
  {},
  { nested: { ok: 1 } },
  "sales",
  "Sales",
  "phone",
  "fax",
  "low",
  "repair",
  "AM@Example.com",
  "Am@example.com",
  "am@example.com",
  " am@example.com",
  "not-an-email",
  "a..b@example.com",
  ".a@example.com",
  "a.@example.com",
  "a@b.c",
);
const fieldNames = fc.constantFrom(
  "id",
  "source",
  "customerId",
  "occurredAt",
  "department",
  "accountManager",
  "payload",
  "amount",
  "dueAt",
  "refId",
  "channel",
  "campaignId",
  "severity",
  "scale",
  "score",
  "stage",
  "promisedAt",
  "hours",
  "employee",
  "unknownField",
  "__proto__",
  "toString",
);

/** A well-formed event with some fields replaced, removed or added. */
const mutated = fc
  .tuple(
    fc.constantFrom(...wellFormed),
    fc.array(fc.tuple(fieldNames, fc.option(values, { nil: undefined })), { maxLength: 3 }),
    fc.option(fc.constantFrom<unknown>(...eventTypeKeys, "unknown", 3), { nil: undefined }),
  )
  .map(([event, edits, type]) => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(event));
    for (const [name, value] of edits) {
      if (value === undefined) delete copy[name];
      else Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
    }
    if (type !== undefined) copy.type = type;
    return copy;
  });

describe("fastEvent", () => {
  it("takes every well-formed event of every type and returns what zod returns", () => {
    expect(new Set(wellFormed.map((e) => e.type))).toEqual(new Set(eventTypeKeys));
    for (const event of wellFormed) {
      const fast = fastEvent(event);
      expect(fast, JSON.stringify(event)).toBeDefined();
      expect(fast).toStrictEqual(eventInput.parse(event));
    }
  });

  it("never accepts what zod refuses, nor answers differently", () => {
    fc.assert(
      fc.property(mutated, (event) => {
        const fast = fastEvent(event);
        if (fast === undefined) return;
        const reference = eventInput.safeParse(event);
        expect(reference.success, JSON.stringify(event)).toBe(true);
        expect(fast).toStrictEqual(reference.data);
      }),
      { numRuns: 20_000 },
    );
  });

  it("leaves invalid events to zod, which names the field", () => {
    const invalid = [
      { ...wellFormed[0], amount: "12.345" },
      { ...wellFormed[0], extra: 1 },
      { ...wellFormed[0], occurredAt: "2026-03-01T09:30:00" },
      { ...wellFormed[13], score: 7.5 },
      { ...wellFormed[0], accountManager: "Am@example.com" },
    ];
    for (const event of invalid) expect(fastEvent(event)).toBeUndefined();
    // The last one is valid after zod trims and lower-cases it: the fast path only defers.
    expect(eventInput.safeParse(invalid[4]).success).toBe(true);
  });
});

describe("timestamps", () => {
  it("refuses dates and times that do not exist instead of rolling them over", () => {
    for (const occurredAt of [
      "2026-02-30T10:00:00Z",
      "2025-02-29T10:00:00Z",
      "2026-04-31T10:00:00+02:00",
      "2026-03-01T24:00:00Z",
      "2026-03-01T10:60:00Z",
    ]) {
      const event = { ...wellFormed[0], occurredAt };
      expect(fastEvent(event), occurredAt).toBeUndefined();
      const parsed = eventInput.safeParse(event);
      expect(parsed.success, occurredAt).toBe(false);
      expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["occurredAt"]);
    }
    expect(eventInput.safeParse({ ...wellFormed[0], occurredAt: "2024-02-29T23:59:59.999-05:00" }).success).toBe(true);
  });
});
