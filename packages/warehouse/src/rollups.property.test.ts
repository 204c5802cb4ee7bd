import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import type { Grain } from "@retain/metrics";
import { ingestEvents } from "./ingest-events";
import { rebuildRollups, rollupTimeZone } from "./rollups";
import {
  MANAGERS,
  compareWithRaw,
  resetWarehouse,
  rollupSnapshot,
  seedReferenceData,
} from "./rollup-test-support";

/*
 * For random event streams — shuffled, cut into random batches, with duplicates, late events and
 * voids (in the same batch as their target or later, and repeated) — the rollups folded batch by
 * batch equal a rebuild from raw events row for row, and every metric read from them equals the
 * computation from raw events, for several grains and filters.
 */

// Instants around month ends and the DST changes of Berlin and New York, in 2026.
const ANCHORS = [
  "2026-01-31T23:30:00Z",
  "2026-02-28T23:30:00Z",
  "2026-03-08T06:30:00Z", // New York springs forward
  "2026-03-29T00:30:00Z", // Berlin springs forward
  "2026-03-31T22:30:00Z",
  "2026-10-25T00:30:00Z", // Berlin falls back
  "2026-10-31T23:30:00Z",
  "2026-11-01T05:30:00Z", // New York falls back
].map(Date.parse);

const ZONES = ["Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata"] as const;
const CUSTOMERS = ["c1", "c2", "c3", "c4"];

type Draft = Record<string, unknown> & { id: string; source: string; type: string };

const amount = fc
  .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 2 }))
  .map(([whole, cents, decimals]) =>
    decimals === 0
      ? String(whole)
      : decimals === 1
        ? `${whole}.${cents % 10}`
        : `${whole}.${String(cents).padStart(2, "0")}`,
  );

const instant = fc
  .tuple(fc.constantFrom(...ANCHORS), fc.integer({ min: -48 * 60, max: 48 * 60 }))
  .map(([anchor, minutes]) => anchor + minutes * 60_000);

const iso = (ms: number) => new Date(ms).toISOString();
/** The same instant written with an offset, as some sources send it. */
const withOffset = (ms: number) => `${new Date(ms + 2 * 3_600_000).toISOString().slice(0, 19)}+02:00`;

const eventBody = fc.oneof(
  amount.map((a) => ({ type: "order", amount: a })),
  fc
    .tuple(amount, fc.option(fc.integer({ min: -3000, max: 3000 }), { nil: undefined }))
    .map(([a, due]) => ({ type: "payment", amount: a, dueMinutes: due })),
  fc.constantFrom({ type: "opportunity_won" }, { type: "opportunity_lost" }, { type: "visit" }),
  fc.constantFrom(
    { type: "complaint" },
    { type: "praise" },
    { type: "feedback" },
    { type: "supplier_issue" },
  ),
  fc.constantFrom(
    { type: "defect" },
    { type: "contact", channel: "phone" },
    { type: "service_request", stage: "care" },
  ),
  fc.constantFrom("k1", "k2").map((campaignId) => ({ type: "campaign_touch", campaignId })),
  fc.integer({ min: 1, max: 5 }).map((score) => ({ type: "survey", scale: 5, score })),
  fc.integer({ min: 0, max: 10 }).map((score) => ({ type: "survey", scale: 10, score })),
  fc.integer({ min: -600, max: 600 }).map((promised) => ({ type: "delivery", promisedMinutes: promised })),
  fc.integer({ min: 1, max: 800 }).map((h) => ({ type: "training", hours: (h / 4).toFixed(2) })),
);

const rawEvent = fc.record({
  body: eventBody,
  at: instant,
  offset: fc.boolean(),
  customer: fc.constantFrom(...CUSTOMERS),
  source: fc.constantFrom("api", "erp"),
  department: fc.constantFrom(undefined, undefined, "sales", "marketing", "quality"),
  manager: fc.constantFrom(undefined, undefined, MANAGERS[0].email, MANAGERS[1].email),
});

type Stream = { batches: Draft[][]; timeZone: string; grain: Grain; filter: number };

const stream: fc.Arbitrary<Stream> = fc
  .record({
    events: fc.array(rawEvent, { minLength: 1, maxLength: 70 }),
    voids: fc.array(
      fc.record({ target: fc.nat(), times: fc.integer({ min: 1, max: 2 }), later: fc.nat({ max: 3 }) }),
      {
        maxLength: 14,
      },
    ),
    // Resolutions and follow-up visits of the stream's complaints and service requests.
    followUps: fc.array(
      fc.record({
        target: fc.nat(),
        visit: fc.boolean(),
        minutes: fc.integer({ min: -120, max: 12 * 24 * 60 }),
        later: fc.nat({ max: 1 }),
        department: fc.constantFrom(undefined, "sales", "quality"),
        manager: fc.constantFrom(undefined, MANAGERS[1].email),
      }),
      { maxLength: 16 },
    ),
    duplicates: fc.array(fc.nat(), { maxLength: 8 }),
    batchCount: fc.integer({ min: 1, max: 5 }),
    placement: fc.array(fc.nat({ max: 4 }), { minLength: 100, maxLength: 100 }),
    seed: fc.integer(),
    timeZone: fc.constantFrom(...ZONES),
    grain: fc.constantFrom<Grain>("day", "week", "month", "quarter"),
    filter: fc.nat({ max: 3 }),
  })
  .map(({ events, voids, followUps, duplicates, batchCount, placement, seed, timeZone, grain, filter }) => {
    const drafts: Draft[] = events.map((e, i) => {
      const { dueMinutes, promisedMinutes, ...body } = e.body as Record<string, unknown>;
      const draft: Draft = {
        ...body,
        id: `e${i}`,
        source: e.source,
        type: String(body.type),
        occurredAt: e.offset ? withOffset(e.at) : iso(e.at),
        ...(body.type === "training" ? {} : { customerId: e.customer }),
        ...(e.department ? { department: e.department } : {}),
        ...(e.manager ? { accountManager: e.manager } : {}),
      };
      if (typeof dueMinutes === "number") draft.dueAt = iso(e.at + dueMinutes * 60_000);
      if (typeof promisedMinutes === "number") draft.promisedAt = iso(e.at + promisedMinutes * 60_000);
      return draft;
    });
    const batchOf = drafts.map((_, i) => (placement[i % placement.length] ?? 0) % batchCount);
    const openings = drafts.length;
    followUps.forEach((f, n) => {
      const index = f.target % openings;
      const target = drafts[index];
      if (!target || (target.type !== "complaint" && target.type !== "service_request")) return;
      const type =
        target.type === "service_request" ? "service_resolved" : f.visit ? "visit" : "complaint_resolved";
      drafts.push({
        id: `f${n}`,
        source: target.source,
        type,
        refId: target.id,
        customerId: target.customerId,
        occurredAt: iso(Date.parse(String(target.occurredAt)) + f.minutes * 60_000),
        ...(f.department ? { department: f.department } : {}),
        ...(f.manager ? { accountManager: f.manager } : {}),
      });
      // The same batch as what it refers to, or a later one.
      batchOf.push(Math.min(batchCount - 1, (batchOf[index] ?? 0) + f.later));
    });
    const entries: { draft: Draft; batch: number }[] = drafts.map((draft, i) => ({
      draft,
      batch: batchOf[i] ?? 0,
    }));
    let voidNumber = 0;
    for (const v of voids) {
      const index = v.target % drafts.length;
      const target = drafts[index];
      if (!target) continue;
      // The same batch as the target or a later one; `times` = 2 voids the target twice.
      for (let k = 0; k < v.times; k++) {
        const batch = Math.min(batchCount - 1, (batchOf[index] ?? 0) + ((v.later + k) % 2));
        entries.push({
          draft: {
            id: `v${voidNumber++}`,
            source: target.source,
            type: "void",
            refId: target.id,
            // A void names its target's customer (a training event has none).
            ...(target.customerId === undefined ? {} : { customerId: target.customerId }),
            occurredAt: iso(Date.parse(String(target.occurredAt)) + 3_600_000),
          },
          batch,
        });
      }
    }
    for (const d of duplicates) {
      const entry = entries[d % entries.length];
      if (entry) entries.push({ draft: entry.draft, batch: Math.min(batchCount - 1, entry.batch + (d % 2)) });
    }
    // Shuffle inside batches with a seeded generator (order inside a batch must not matter).
    let state = seed >>> 0;
    const random = () => (state = (state * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32;
    const batches: Draft[][] = Array.from({ length: batchCount }, () => []);
    for (const { draft, batch } of entries) batches[batch]?.push(draft);
    for (const batch of batches) {
      for (let i = batch.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [batch[i], batch[j]] = [batch[j] as Draft, batch[i] as Draft];
      }
    }
    return { batches, timeZone, grain, filter };
  });

const filters = [
  {},
  { department: "sales" },
  { accountManagerId: MANAGERS[0].id },
  { department: "marketing" },
];
const rangeOf: Record<Grain, [string, string]> = {
  day: ["2026-01-28", "2026-04-03"],
  week: ["2026-01-01", "2026-12-01"],
  month: ["2026-01-01", "2026-12-01"],
  quarter: ["2026-01-01", "2027-01-01"],
  year: ["2026-01-01", "2027-01-01"],
};

describe.each(testDialects())("incremental rollups on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
    await seedReferenceData(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  it("equal a rebuild from raw events, and metric reads equal raw computations", async () => {
    let voidsSubtracted = 0;
    await fc.assert(
      fc.asyncProperty(stream, async ({ batches, timeZone, grain, filter }) => {
        await resetWarehouse(t.db, timeZone);
        let accepted = 0;
        for (const batch of batches) {
          const result = await ingestEvents(t.db, batch, { now: new Date("2027-01-01T00:00:00Z") });
          expect(result.rejected).toEqual([]);
          accepted += result.accepted;
        }
        const stored = await t.db
          .selectFrom("events")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow();
        expect(Number(stored.n)).toBe(accepted);
        expect(await rollupTimeZone(t.db)).toBe(timeZone);

        const [from, to] = rangeOf[grain];
        const differences = [
          ...(await compareWithRaw(t.db, { from, to, grain, scope: filters[filter] ?? {}, timeZone })),
          ...(grain === "month" && filter === 0
            ? []
            : await compareWithRaw(t.db, {
                from: "2026-01-01",
                to: "2026-12-01",
                grain: "month",
                scope: {},
                timeZone,
              })),
        ];
        expect(differences).toEqual([]);

        const incremental = await rollupSnapshot(t.db);
        await rebuildRollups(t.db, { timeZone });
        expect(incremental).toEqual(await rollupSnapshot(t.db));
        voidsSubtracted += batches.flat().filter((d) => d.type === "void").length;
      }),
      { numRuns: 20, seed: Number(process.env.FC_SEED ?? Date.now() % 100_000), endOnFailure: true },
    );
    expect(voidsSubtracted).toBeGreaterThan(0);
  });
});
