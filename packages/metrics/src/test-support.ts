import { sql, type Kysely } from "kysely";
import { expect } from "vitest";
import type { Database, NewEvent } from "@retain/db";
import { eventTypes, rebuildRollups } from "@retain/warehouse";
import type { MetricScope, MetricSettings } from "./definition";
import type { Grain } from "./periods";
import { metricSeries } from "./series";

/*
 * Fixtures for the metric tests: events written straight into `events`, and a short way
 * to read a series back as { label: value } — from the rollups, rebuilt in the query's zone
 * whenever the events changed, and checked against the same series computed from raw events. Each definition has its cases beside it
 * (`definitions/<key>.cases.ts`); definitions.test.ts runs them all on one database per dialect.
 */

/** The department an event type is attributed to by default (SPEC §4); voids default to sales here. */
export const defaultDepartment = (type: string): string =>
  (eventTypes as Record<string, string | null>)[type] ?? "sales";

export const MANAGER_A = "00000000-0000-4000-8000-00000000000a";
export const MANAGER_B = "00000000-0000-4000-8000-00000000000b";

export type EventFixture = {
  type: string;
  /** occurred_at, ISO-8601 */
  at: string;
  id?: string;
  /** default `c1`; training defaults to '' (no customer) */
  customer?: string;
  source?: string;
  department?: string;
  manager?: string;
  amount?: string;
  ref?: string;
  dueAt?: string;
  promisedAt?: string;
  scale?: number;
  score?: number;
  hours?: string;
  campaign?: string;
};

let sequence = 0;

export function toNewEvent(f: EventFixture): NewEvent {
  const id = f.id ?? `${f.type}-${++sequence}`;
  return {
    customer_id: f.customer ?? (f.type === "training" ? "" : "c1"),
    source: f.source ?? "test",
    id,
    type: f.type,
    occurred_at: f.at,
    department: f.department ?? defaultDepartment(f.type),
    account_manager_id: f.manager ?? null,
    amount: f.amount ?? null,
    ref_id: f.ref ?? null,
    due_at: f.dueAt ?? null,
    promised_at: f.promisedAt ?? null,
    scale: f.scale ?? null,
    score: f.score ?? null,
    hours: f.hours ?? null,
    campaign_id: f.campaign ?? null,
    payload: null,
    content_hash: `hash-${id}`,
  };
}

export async function insertEvents(db: Kysely<Database>, fixtures: EventFixture[]): Promise<void> {
  if (fixtures.length > 0) await db.insertInto("events").values(fixtures.map(toNewEvent)).execute();
}

/** A `void` of the event `id` (same source). */
export function voidOf(id: string, at: string, extra: Partial<EventFixture> = {}): EventFixture {
  return { type: "void", at, ref: id, ...extra };
}

/** A survey answer: `score` on a `scale`-point scale (5: CSAT, 10: NPS). */
export function survey(at: string, scale: number, score: number, extra: Partial<EventFixture> = {}): EventFixture {
  return { type: "survey", at, scale, score, ...extra };
}

export const defaultSettings: MetricSettings = {
  timeZone: "UTC",
  churnDays: 180,
  complaintSlaHours: 24,
  now: new Date("2027-06-01T00:00:00Z"),
};

export type SeriesOptions = MetricScope & Partial<MetricSettings> & { grain?: Grain };

const builtFor = new WeakMap<Kysely<Database>, string>();

/** Rebuilds the rollups in `timeZone` unless they already hold exactly the current events in it. */
export async function ensureRollups(db: Kysely<Database>, timeZone: string): Promise<void> {
  const { rows } = await sql<{ n: number; last: number }>`
    select count(*) as n, coalesce(max(seq), 0) as last from events`.execute(db);
  const state = `${timeZone} ${rows[0]?.n} ${rows[0]?.last}`;
  if (builtFor.get(db) === state) return;
  await rebuildRollups(db, { timeZone });
  builtFor.set(db, state);
}

/**
 * The series of `metric` over local dates [from, to) as `{ label: value }`, in period order, read
 * from up-to-date rollups; fails unless the raw-event computation gives exactly the same points.
 */
export async function valuesOf(
  db: Kysely<Database>,
  metric: string,
  from: string,
  to: string,
  options: SeriesOptions = {},
): Promise<Record<string, number | null>> {
  const { grain = "month", department, accountManagerId, customerId, ...settings } = options;
  const query = { metric, from, to, grain, department, accountManagerId, customerId };
  const effective = { ...defaultSettings, ...settings };
  await ensureRollups(db, effective.timeZone);
  const series = await metricSeries(db, query, effective);
  const raw = await metricSeries(db, query, effective, { rollups: false });
  expect(series.points, `${metric} from rollups vs raw events`).toEqual(raw.points);
  return Object.fromEntries(series.points.map((p) => [p.period, p.value]));
}

/**
 * Tier history for the tier metrics. c1 is served by MANAGER_A until 1 February 2026, then by
 * MANAGER_B; c2 by MANAGER_B; c3 by nobody.
 */
export async function seedTierHistory(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto("users")
    .values([
      { id: MANAGER_A, email: "a@example.com", name: "Manager A", role: "account_manager" },
      { id: MANAGER_B, email: "b@example.com", name: "Manager B", role: "account_manager" },
    ])
    .execute();
  await db
    .insertInto("customer_assignments")
    .values([
      {
        customer_id: "c1",
        user_id: MANAGER_A,
        valid_from: "2025-01-01T00:00:00Z",
        valid_to: "2026-02-01T00:00:00Z",
      },
      { customer_id: "c1", user_id: MANAGER_B, valid_from: "2026-02-01T00:00:00Z", valid_to: null },
      { customer_id: "c2", user_id: MANAGER_B, valid_from: "2025-01-01T00:00:00Z", valid_to: null },
    ])
    .execute();
  await db
    .insertInto("customer_tier_changes")
    .values([
      { customer_id: "c1", changed_at: "2026-01-02T00:00:00Z", from_tier: null, to_tier: "regular" }, // first tier
      { customer_id: "c1", changed_at: "2026-01-10T00:00:00Z", from_tier: "regular", to_tier: "key" }, // up, A
      { customer_id: "c1", changed_at: "2026-02-01T00:00:00Z", from_tier: "key", to_tier: "vip" }, // up, B
      { customer_id: "c2", changed_at: "2026-01-15T00:00:00Z", from_tier: "vip", to_tier: "regular" }, // down, B
      { customer_id: "c2", changed_at: "2026-01-31T23:30:00Z", from_tier: "regular", to_tier: "key" }, // up, B; February in Berlin
      { customer_id: "c3", changed_at: "2026-03-05T00:00:00Z", from_tier: "key", to_tier: "regular" }, // down
      { customer_id: "c3", changed_at: "2026-03-06T00:00:00Z", from_tier: "regular", to_tier: "regular" }, // no change
    ])
    .execute();
}

/** Reads the series of the metric under test over local dates [from, to). */
export type MetricQuery = (
  from: string,
  to: string,
  options?: SeriesOptions,
) => Promise<Record<string, number | null>>;

export type MetricCases = {
  /** Written before the metric's tests run, on a database holding nothing else. */
  events: EventFixture[];
  /** More setup, e.g. tier history. */
  seed?: (db: Kysely<Database>) => Promise<void>;
  tests: Record<string, (query: MetricQuery, db: Kysely<Database>) => Promise<void>>;
};

export function metricCases(cases: MetricCases): MetricCases {
  return cases;
}

/** Empties the tables metrics read, between two metrics' cases. */
export async function resetData(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom("events").execute();
  await db.deleteFrom("customer_tier_changes").execute();
  await db.deleteFrom("customer_assignments").execute();
  await db.deleteFrom("customers").execute();
  await db.deleteFrom("users").execute();
}
