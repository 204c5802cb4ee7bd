import fc from "fast-check";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CustomerSize, NewEvent } from "@retain/db";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { rebuildRollups } from "@retain/warehouse";
import { creditAssessmentOf } from "./credit";
import { addDays, windowsAt } from "./dates";
import { liveEvents, type AccountEvent } from "./events";
import { problemFactsOf, reasonsOf } from "./problems";
import { customerValuesOf, pyramidOf, segmentsOf, valueChangesOf } from "./pyramid";
import { pyramid as pyramidAnswer } from "./reads";
import {
  lockedFactSource,
  problemRows,
  pyramidRows,
  segmentRows,
  valueChangeRows,
  type AccountSettings,
} from "./sql";

/*
 * The set-based SQL of the pyramid, value changes and problems against the pure rules, on random
 * customers and events around D: same segments, same reasons, same credit policies. Each scenario
 * is checked twice: from the per-customer rollup (built in the organisation's zone) and from raw
 * events (the rollups cut in another zone cannot serve).
 */

const IDS = ["a", "B", "b", "c1", "C1", "d", "e.2", "f:3"];
const SIZES: CustomerSize[] = ["large", "medium", "small"];
const HOUR = 3_600_000;

type Scenario = {
  asOf: string;
  timeZone: string;
  percents: { top: number; big: number; medium: number };
  threshold: number;
  sla: number;
  customers: { id: string; size: CustomerSize }[];
  events: AccountEvent[];
};

const scenarioArb: fc.Arbitrary<Scenario> = fc
  .record({
    asOf: fc.constantFrom("2026-03-31", "2026-10-25", "2026-12-31"),
    timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York"),
    percents: fc.constantFrom(
      { top: 1, big: 5, medium: 20 },
      { top: 10, big: 30, medium: 50 },
      { top: 12.5, big: 25, medium: 60 },
    ),
    threshold: fc.constantFrom(90, 50, 66.67),
    sla: fc.constantFrom(24, 1, 48),
    sizes: fc.array(fc.constantFrom(...SIZES), { minLength: IDS.length, maxLength: IDS.length }),
    raw: fc.array(
      fc.record({
        type: fc.constantFrom("order", "order", "complaint", "complaint_resolved", "payment", "void"),
        customer: fc.constantFrom(...IDS),
        source: fc.constantFrom("s1", "s2"),
        // hours relative to the end of D: from ~560 days before to 2 days after, half of them within
        // a day and a bit of a window's edge (D + 1, D − 89, D − 179, D − 364, D − 454)
        hours: fc.oneof(
          fc.integer({ min: -560 * 24, max: 48 }),
          fc
            .constantFrom(0, -90, -180, -365, -455)
            .chain((days) => fc.integer({ min: days * 24 - 30, max: days * 24 + 30 })),
        ),
        amount: fc.constantFrom(0, 100, 100, 250, 5000, 9999),
        dueOffsetHours: fc.option(fc.integer({ min: -72, max: 72 }), { nil: null }),
        ref: fc.nat({ max: 40 }),
      }),
      { maxLength: 60 },
    ),
  })
  .map(({ asOf, timeZone, percents, threshold, sla, sizes, raw }) => {
    const end = windowsAt(asOf, timeZone).year.end.getTime();
    const events: AccountEvent[] = raw.map((r, i) => {
      const occurredAt = new Date(end + r.hours * HOUR + (i % 3) * 1000);
      const base = { source: r.source, id: `e${i}`, customerId: r.customer, type: r.type, occurredAt };
      switch (r.type) {
        case "order":
          return { ...base, amountCents: r.amount };
        case "payment":
          return {
            ...base,
            amountCents: r.amount,
            dueAt:
              r.dueOffsetHours === null ? null : new Date(occurredAt.getTime() + r.dueOffsetHours * HOUR),
          };
        case "complaint_resolved":
        case "void":
          return { ...base, refId: `e${r.ref}` };
        default:
          return base;
      }
    });
    return {
      asOf,
      timeZone,
      percents,
      threshold,
      sla,
      customers: IDS.map((id, i) => ({ id, size: sizes[i] ?? "small" })),
      events,
    };
  });

function toRow(e: AccountEvent): NewEvent {
  return {
    customer_id: e.customerId,
    source: e.source,
    id: e.id,
    type: e.type,
    occurred_at: e.occurredAt,
    department: "sales",
    account_manager_id: null,
    amount: e.amountCents === undefined || e.amountCents === null ? null : (e.amountCents / 100).toFixed(2),
    ref_id: e.refId ?? null,
    due_at: e.dueAt ?? null,
    payload: null,
    content_hash: `h-${e.id}`,
  };
}

/** Events in the first and last hour of each window of D = 2026-03-31 (UTC): every edge the SQL cuts at. */
const edges: Scenario = {
  asOf: "2026-03-31",
  timeZone: "UTC",
  percents: { top: 10, big: 30, medium: 50 },
  threshold: 90,
  sla: 24,
  customers: IDS.map((id) => ({ id, size: "small" as const })),
  events: [
    // a: two complaints in the 90 days up to D, the first in their first hour (rising).
    {
      source: "s1",
      id: "k1",
      customerId: "a",
      type: "complaint",
      occurredAt: new Date("2026-01-01T00:30:00Z"),
    },
    {
      source: "s1",
      id: "k2",
      customerId: "a",
      type: "complaint",
      occurredAt: new Date("2026-02-15T10:00:00Z"),
    },
    // B: a complaint in the last hour of the 90 days before those, one in their first hour.
    {
      source: "s1",
      id: "k3",
      customerId: "B",
      type: "complaint",
      occurredAt: new Date("2025-12-31T23:30:00Z"),
    },
    {
      source: "s1",
      id: "k4",
      customerId: "B",
      type: "complaint",
      occurredAt: new Date("2026-01-01T00:10:00Z"),
    },
    // b: orders in the first hour of the year up to D and of the year up to D − 90.
    {
      source: "s1",
      id: "o1",
      customerId: "b",
      type: "order",
      occurredAt: new Date("2025-04-01T00:30:00Z"),
      amountCents: 5000,
    },
    {
      source: "s1",
      id: "o2",
      customerId: "c1",
      type: "order",
      occurredAt: new Date("2025-01-01T00:20:00Z"),
      amountCents: 100,
    },
    // C1: an order in the last hour before the year up to D, one in the first hour of the prior 90 days.
    {
      source: "s1",
      id: "o3",
      customerId: "C1",
      type: "order",
      occurredAt: new Date("2025-03-31T23:40:00Z"),
      amountCents: 250,
    },
    {
      source: "s1",
      id: "o4",
      customerId: "C1",
      type: "order",
      occurredAt: new Date("2025-10-03T00:05:00Z"),
      amountCents: 9999,
    },
    // d: an order in the last hour of D and one just after it.
    {
      source: "s1",
      id: "o5",
      customerId: "d",
      type: "order",
      occurredAt: new Date("2026-03-31T23:50:00Z"),
      amountCents: 100,
    },
    {
      source: "s1",
      id: "o6",
      customerId: "d",
      type: "order",
      occurredAt: new Date("2026-04-01T00:00:00Z"),
      amountCents: 100,
    },
    // e.2: payments due in the first hour of the year up to D and in the last hour of D.
    {
      source: "s1",
      id: "p1",
      customerId: "e.2",
      type: "payment",
      occurredAt: new Date("2025-04-02T00:00:00Z"),
      amountCents: 100,
      dueAt: new Date("2025-04-01T00:30:00Z"),
    },
    {
      source: "s1",
      id: "p2",
      customerId: "e.2",
      type: "payment",
      occurredAt: new Date("2026-03-31T10:00:00Z"),
      amountCents: 100,
      dueAt: new Date("2026-03-31T23:30:00Z"),
    },
  ],
};

const factSourceOf = (db: TestDatabase["db"], timeZone: string) =>
  db.transaction().execute((trx) => lockedFactSource(trx, timeZone));

describe.each(testDialects())("§8 SQL against the pure rules on $kind", (dialect) => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await dialect.create();
  });
  afterAll(async () => handle?.drop());

  it("pyramid, value changes, problems and credit policy agree on random data", async () => {
    const db = handle.db;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (s) => {
        await sql`delete from events`.execute(db);
        await sql`delete from customers`.execute(db);
        await sql`delete from customer_standings_state`.execute(db);
        await db
          .insertInto("customers")
          .values(s.customers.map((c) => ({ id: c.id, name: c.id, size: c.size })))
          .execute();
        if (s.events.length > 0) await db.insertInto("events").values(s.events.map(toRow)).execute();
        const settings: AccountSettings = {
          timeZone: s.timeZone,
          complaintSlaHours: s.sla,
          pyramid: s.percents,
          onTimeThreshold: s.threshold,
        };
        const live = liveEvents(s.events);
        const ids = s.customers.map((c) => c.id);
        const w = windowsAt(s.asOf, s.timeZone);
        const values = customerValuesOf(ids, live, w);
        const segments = segmentsOf(values, s.percents);
        const before = segmentsOf(
          customerValuesOf(ids, live, windowsAt(addDays(s.asOf, -90), s.timeZone)),
          s.percents,
        );
        const facts = problemFactsOf(ids, live, w, s.sla);
        const expected = [...ids].sort().map((id) => {
          const f = facts.get(id)!;
          const size = s.customers.find((c) => c.id === id)!.size;
          const credit = creditAssessmentOf(size, f.paymentsWithDue, f.paymentsOnTime, s.threshold);
          return {
            customerId: id,
            size,
            reasons: reasonsOf(f, s.threshold),
            record: credit.record,
            policy: credit.policy,
            paymentsWithDue: f.paymentsWithDue,
            paymentsOnTime: f.paymentsOnTime,
          };
        });

        const agree = async () => {
          const sqlSegments = await segmentRows(db, s.asOf, settings);
          expect(Object.fromEntries([...sqlSegments].map(([id, v]) => [id, v.segment]))).toEqual(
            Object.fromEntries(segments),
          );

          const pyramid = pyramidOf(values, segments);
          const rows = await pyramidRows(db, s.asOf, settings);
          for (const p of pyramid) {
            const row = rows.find((r) => r.segment === p.segment);
            expect({
              segment: p.segment,
              customers: row?.customers ?? 0,
              revenue: (row?.revenueCents ?? 0) / 100,
            }).toEqual({
              segment: p.segment,
              customers: p.customers,
              revenue: p.revenue,
            });
          }

          // Today's answer comes from the standings: the same as the statement for a date.
          await sql`delete from customer_standings_state`.execute(db);
          expect(await pyramidAnswer(db, s.asOf, settings, {}, { today: s.asOf })).toEqual(
            await pyramidAnswer(db, s.asOf, settings),
          );

          expect(await valueChangeRows(db, s.asOf, settings)).toEqual(valueChangesOf(before, segments));
          expect(await problemRows(db, s.asOf, settings)).toEqual(expected);
          expect(await problemRows(db, s.asOf, settings, {}, { onlyProblems: true })).toEqual(
            expected.filter((e) => e.reasons.length > 0),
          );
          const one = ids[s.events.length % ids.length]!;
          expect(await problemRows(db, s.asOf, settings, { customerIds: [one] })).toEqual(
            expected.filter((e) => e.customerId === one),
          );
        };

        // From rollup_customer_daily, cut in the organisation's zone.
        await rebuildRollups(db, { timeZone: s.timeZone });
        expect(await factSourceOf(db, s.timeZone)).toBe("rollup");
        await agree();
        // From raw events: rollups cut in another zone do not serve.
        await rebuildRollups(db, { timeZone: s.timeZone === "UTC" ? "Asia/Kolkata" : "UTC" });
        expect(await factSourceOf(db, s.timeZone)).toBe("raw");
        await agree();
      }),
      { numRuns: dialect.kind === "pglite" ? 40 : 60, examples: [[edges]] },
    );
  });
});
