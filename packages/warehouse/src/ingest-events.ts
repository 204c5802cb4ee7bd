import { sql, type Kysely, type RawBuilder } from "kysely";
import { bulkTransactionOf, type CopyIn, type CopyValue, type Database } from "@retain/db";
import { canonicalJson, contentHash } from "./canonical";
import { IngestError } from "./errors";
import { eventTypes, type EventType } from "./event-types";
import { fastEvent } from "./fast-event";
import type { z } from "zod";
import { eventCommonFields, eventInput, MAX_BATCH, type FieldError, type ValidEvent } from "./inputs";
import { idOf, zodIssuesToErrors } from "./issues";
import { departmentKeys, usersByEmail } from "./reference-data";
import { foldEvents, prepareStaging } from "./rollups";

export type Rejection = { index: number; id: string | null; errors: FieldError[] };
export type EventIngestResult = { accepted: number; duplicates: number; rejected: Rejection[] };
export type IngestOptions = {
  now?: Date;
  /** Reports how long each phase took (validate, lookup, insert, rollup, commit), e.g. for a benchmark. */
  onTiming?: (phase: string, ms: number) => void;
  /**
   * Bulk loads only (the demo on first start): leave the rollups alone because the caller runs
   * `rebuildRollups` once the load is done, which gives the same rows (a property test shows it).
   */
  deferRollups?: boolean;
};

/** Records field errors of the event at `index`, several checks' errors under one rejection. */
function addRejection(rejected: Map<number, Rejection>, index: number, id: string | null, errors: FieldError[]) {
  const existing = rejected.get(index);
  if (existing) existing.errors.push(...errors);
  else rejected.set(index, { index, id, errors });
}

const FUTURE_LIMIT_MS = 24 * 60 * 60 * 1000;
/** Types whose refId must point at a stored event of a given type (null: any type but void). */
const refTargets: Partial<Record<EventType, EventType | null>> = {
  complaint_resolved: "complaint",
  service_resolved: "service_request",
  visit: "complaint",
  void: null,
};

type Row = {
  index: number;
  source: string;
  id: string;
  type: EventType;
  customerId: string;
  occurredAt: string;
  department: string | null;
  accountManager: string | null;
  accountManagerId: string | null;
  amount: string | null;
  refId: string | null;
  dueAt: string | null;
  promisedAt: string | null;
  severity: string | null;
  scale: number | null;
  score: number | null;
  hours: string | null;
  channel: string | null;
  campaignId: string | null;
  stage: string | null;
  employee: string | null;
  payload: Record<string, unknown> | null;
  hash: string;
};

type StoredRef = { source: string; id: string; type: string; customer_id: string; department: string };

const key = (source: string, id: string) => `${source}\u0000${id}`;

/** What is wrong with an event zod refused; without a valid type, the common fields are checked too. */
function eventErrors(issues: readonly z.core.$ZodIssue[], raw: unknown): FieldError[] {
  const errors = zodIssuesToErrors(issues, raw);
  if (!issues.every((issue) => issue.path.length === 1 && issue.path[0] === "type")) return errors;
  const common = eventCommonFields.safeParse(raw);
  return common.success ? errors : [...errors, ...zodIssuesToErrors(common.error.issues, raw)];
}

/** Type-specific rules that are not a field's shape: survey score ranges, customer presence, time limits. */
function crossFieldErrors(event: ValidEvent, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (event.type === "training") {
    if (event.customerId !== undefined) {
      errors.push({ field: "customerId", code: "not_allowed", message: "customerId: training events have no customer" });
    }
  } else if (event.customerId === undefined && event.type !== "void") {
    // A void's customer is checked against its target's (voidCustomerError).
    errors.push({ field: "customerId", code: "required", message: "customerId: is required" });
  }
  if (event.type === "survey") {
    const [min, max] = event.scale === 5 ? [1, 5] : [0, 10];
    if (event.score < min || event.score > max) {
      errors.push({
        field: "score",
        code: "out_of_range",
        message: `score: must be an integer from ${min} to ${max} on a ${event.scale}-point scale`,
      });
    }
  }
  if (Date.parse(event.occurredAt) > now.getTime() + FUTURE_LIMIT_MS) {
    errors.push({
      field: "occurredAt",
      code: "too_far_in_future",
      message: "occurredAt: is more than 24 h in the future",
    });
  }
  return errors;
}

/**
 * The instant in canonical form (UTC, milliseconds). Most sources send exactly that, and a validated
 * timestamp is a real date (isRealDateTime), so such text is already canonical and is kept as it is.
 */
const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const instant = (value: string) => (CANONICAL_INSTANT.test(value) ? value : new Date(value).toISOString());
const iso = (value: unknown) => (typeof value === "string" ? instant(value) : null);
const text = (value: unknown) => (typeof value === "string" ? value : null);
const whole = (value: unknown) => (typeof value === "number" ? value : null);

function toRow(index: number, event: ValidEvent): Row {
  const e = event as Partial<Record<string, unknown>>;
  const source = event.source ?? "api";
  const customerId = event.customerId ?? "";
  const occurredAt = instant(event.occurredAt);
  const department = event.department ?? null;
  const accountManager = event.accountManager ?? null;
  const amount = text(e.amount);
  const refId = text(e.refId);
  const dueAt = iso(e.dueAt);
  const promisedAt = iso(e.promisedAt);
  const severity = event.type === "complaint" ? (text(e.severity) ?? "medium") : null;
  const scale = whole(e.scale);
  const score = whole(e.score);
  const hours = text(e.hours);
  const channel = text(e.channel);
  const campaignId = text(e.campaignId);
  const stage = text(e.stage);
  const employee = text(e.employee);
  const payload = event.payload ?? null;
  // Content identity: the event as normalised (same instant, same amount → same content), fields in a fixed order.
  const content = JSON.stringify([
    source, event.id, event.type, customerId, occurredAt, department, accountManager, amount, refId, dueAt, promisedAt,
    severity, scale, score, hours, channel, campaignId, stage, employee, payload === null ? null : canonicalJson(payload),
  ]);
  return {
    index, source, id: event.id, type: event.type, customerId, occurredAt, department, accountManager,
    accountManagerId: null, amount, refId, dueAt, promisedAt, severity, scale, score, hours, channel, campaignId, stage,
    employee, payload, hash: contentHash(content),
  };
}

/**
 * Validates every event on its own and stores the valid ones of the batch in one transaction.
 * Same source+id with the same content is a duplicate; with other content a conflict. Nothing is
 * changed, rounded or dropped silently: every refusal is listed with its field and rule.
 */
export async function ingestEvents(
  db: Kysely<Database>,
  events: readonly unknown[],
  options: IngestOptions = {},
): Promise<EventIngestResult> {
  if (events.length > MAX_BATCH) {
    throw new IngestError("PAYLOAD_TOO_LARGE", `at most ${MAX_BATCH} events per request (got ${events.length})`, "events");
  }
  const now = options.now ?? new Date();
  let clock = performance.now();
  const lap = (phase: string) => {
    const at = performance.now();
    options.onTiming?.(phase, at - clock);
    clock = at;
  };
  const rejected = new Map<number, Rejection>();
  const reject = (index: number, id: string | null, errors: FieldError[]) => addRejection(rejected, index, id, errors);

  const bulk = bulkTransactionOf(db);
  // Asked before the batch is validated, so that PostgreSQL looks the keys and assignments up while
  // Node validates; they need no transaction (a stored event stays stored, see storeBatch).
  const early = bulk?.parallel ? prefetch(db, events) : undefined;
  if (early) await new Promise((resolve) => setImmediate(resolve));

  const rows: Row[] = [];
  events.forEach((raw, index) => {
    let event = fastEvent(raw);
    if (event === undefined) {
      const parsed = eventInput.safeParse(raw);
      if (!parsed.success) return reject(index, idOf(raw), eventErrors(parsed.error.issues, raw));
      event = parsed.data;
    }
    const errors = crossFieldErrors(event, now);
    if (errors.length > 0) return reject(index, event.id, errors);
    rows.push(toRow(index, event));
  });

  lap("validate");
  // COPY where the connection allows it; when a concurrent batch stored one of the keys first, the
  // COPY fails on the unique key and the batch is stored again by `insert … on conflict do nothing`.
  const byInsert = () => db.transaction().execute((trx) => storeBatch(trx, rows, now, options, null, lap));
  let stored: Stored;
  if (bulk) {
    // Without what was asked early (it failed), the transaction looks it all up itself.
    const known = (await early?.catch(() => undefined)) ?? nothingKnown();
    try {
      // One writer at a time (PGlite): a key stored before fails the COPY, so looking every key up
      // first would cost each batch (28 ms per 5,000 on PGlite) what only a batch with a duplicate needs.
      const lookUp = bulk.parallel;
      stored = await bulk((trx, copyIn) => storeBatch(trx, rows, now, options, { copyIn, known, lookUp }, lap));
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      stored = await byInsert();
    }
  } else stored = await byInsert();
  lap("commit");

  for (const r of stored.rejected) reject(r.index, r.id, r.errors);
  return {
    accepted: stored.accepted,
    duplicates: stored.duplicates,
    rejected: [...rejected.values()].sort((a, b) => a.index - b.index),
  };
}

const isUniqueViolation = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error && error.code === "23505";

type Stored = { accepted: number; duplicates: number; rejected: Rejection[] };

/**
 * Checks the valid rows against reference data and stored events and stores the new ones, folding
 * them into the rollups, in the transaction `trx`. Its findings are returned, not recorded, so a
 * batch whose COPY lost a race can be stored again from scratch.
 */
async function storeBatch(
  trx: Kysely<Database>,
  rows: readonly Row[],
  now: Date,
  options: IngestOptions,
  copy: { copyIn: CopyIn; known: Known; lookUp: boolean } | null,
  lap: (phase: string) => void,
): Promise<Stored> {
  const rejected = new Map<number, Rejection>();
  const reject = (row: Row, errors: FieldError[]) => addRejection(rejected, row.index, row.id, errors);
  const done = (accepted: number): Stored => ({ accepted, duplicates, rejected: [...rejected.values()] });
  let duplicates = 0;
  // Batch statements look expensive to the planner (unnest, subqueries) and would be JIT-compiled
  // on every call, which costs more (~40 ms) than it saves on 10,000 rows.
  await sql`set local jit = off`.execute(trx);
  const departments = await departmentKeys(trx);
  const managers = await usersByEmail(
    trx,
    rows.flatMap((r) => (r.accountManager ? [r.accountManager] : [])),
  );

  // Duplicates and conflicts within the batch; those against stored events are found below.
  const inBatch = new Map<string, Row>();
  let candidates: Row[] = [];
  for (const row of rows) {
    const k = key(row.source, row.id);
    const first = inBatch.get(k);
    if (!first) {
      inBatch.set(k, row);
      candidates.push(row);
    } else if (first.hash === row.hash) duplicates++;
    else reject(row, [conflict(row)]);
  }

  // Field checks that need reference data.
  candidates = candidates.filter((row) => {
    const errors: FieldError[] = [];
    if (row.department !== null && !departments.has(row.department)) {
      errors.push({ field: "department", code: "unknown_department", message: `department: no department ${row.department}` });
    }
    if (row.accountManager !== null) {
      row.accountManagerId = managers.get(row.accountManager) ?? null;
      if (!row.accountManagerId) {
        errors.push({
          field: "accountManager",
          code: "unknown_user",
          message: `accountManager: no active user ${row.accountManager}`,
        });
      }
    }
    if (errors.length > 0) reject(row, errors);
    return errors.length === 0;
  });

  candidates = await checkReferences(trx, candidates, (row, error) => reject(row, [error]));

  if (candidates.length === 0) return done(0);
  lap("lookup");
  const fold = !options.deferRollups;
  if (fold) await prepareStaging(trx);
  // Keys already stored (before, or by a concurrent batch): the same content is a duplicate.
  const classify = (existing: Row[], current: Map<string, { content_hash: string }>) => {
    for (const row of existing) {
      if (current.get(key(row.source, row.id))?.content_hash === row.hash) duplicates++;
      else reject(row, [conflict(row)]);
    }
  };
  let inserted: Row[];
  if (copy) {
    const { known } = copy;
    // Stored events stay stored, so what was found early holds; a key stored since then (or, without
    // `lookUp`, any stored key) makes the COPY fail on the unique key, and the caller stores the
    // batch again by insert, which tells duplicates from conflicts.
    const unknown = copy.lookUp ? candidates.filter((r) => !known.looked.has(key(r.source, r.id))) : [];
    const before = new Map([...known.stored, ...(await storedEvents(trx, unknown.map((r) => [r.source, r.id])))]);
    inserted = candidates.filter((r) => !before.has(key(r.source, r.id)));
    classify(candidates.filter((r) => before.has(key(r.source, r.id))), before);
    await copyRows(trx, copy.copyIn, inserted, now, known);
  } else {
    const keys = await insertRows(trx, candidates, now);
    inserted = candidates.filter((r) => keys.has(key(r.source, r.id)));
    const existing = candidates.filter((r) => !keys.has(key(r.source, r.id)));
    if (existing.length > 0) classify(existing, await storedEvents(trx, existing.map((r) => [r.source, r.id])));
  }
  lap("insert");
  // Exactly the rows this transaction stored go into the rollups, in the same transaction.
  if (fold) {
    await foldEvents(
      trx,
      inserted.map((r) => ({ source: r.source, id: r.id, type: r.type, refId: r.refId })),
      { onTiming: options.onTiming },
    );
  }
  lap("rollup");
  return done(inserted.length);
}

function conflict(row: Row): FieldError {
  return {
    field: "id",
    code: "conflict",
    message: `id: an event ${row.id} from source ${row.source} is already stored with different content`,
  };
}

/**
 * Looks events up by (source, id): one index probe per key (not `source = … and id = any(…)`,
 * which the planner may turn into a scan of the whole source, nor a plain join, which it made a
 * hash join over the whole table: 200 ms for 5,000 keys at 200,000 events).
 */
async function lookupEvents<T>(
  db: Kysely<Database>,
  keys: [string, string][],
  columns: RawBuilder<unknown>,
): Promise<Map<string, T>> {
  const map = new Map<string, T>();
  if (keys.length === 0) return map;
  // `limit 1` keeps the subquery from being flattened into a join, which the planner would make a
  // hash join over all of events once its statistics lag behind a growing table.
  const result = await sql<T & { source: string; id: string }>`
    select e.*
    from unnest(${keys.map(([source]) => source)}::text[], ${keys.map(([, id]) => id)}::text[]) as k(source, id)
    cross join lateral (
      select e.source, e.id, ${columns} from events e where e.source = k.source and e.id = k.id limit 1
    ) e`.execute(db);
  for (const r of result.rows) map.set(key(r.source, r.id), r);
  return map;
}

const storedEvents = (db: Kysely<Database>, keys: [string, string][]) =>
  lookupEvents<{ content_hash: string }>(db, keys, sql`e.content_hash`);

const storedRefs = (db: Kysely<Database>, keys: [string, string][]) =>
  lookupEvents<StoredRef>(db, keys, sql`e.type, e.customer_id, e.department`);

/**
 * refIds point at an event of the same source: stored before, or accepted in this very batch
 * (order inside a batch does not matter, so late and out-of-order deliveries work).
 */
async function checkReferences(
  db: Kysely<Database>,
  rows: Row[],
  reject: (row: Row, error: FieldError) => void,
): Promise<Row[]> {
  const needing = rows.filter((r) => r.refId !== null);
  if (needing.length === 0) return rows;
  const stored = await storedRefs(db, needing.map((r) => [r.source, r.refId as string]));
  let alive = new Map(rows.map((r) => [key(r.source, r.id), r]));
  // A rejection can invalidate what refers to it; chains are short (void → resolution → complaint).
  for (let pass = 0; pass < 4; pass++) {
    let changed = false;
    for (const row of [...alive.values()]) {
      if (row.refId === null) continue;
      const local = alive.get(key(row.source, row.refId));
      const target: StoredRef | undefined =
        stored.get(key(row.source, row.refId)) ??
        (local && { source: local.source, id: local.id, type: local.type, customer_id: local.customerId, department: local.department ?? eventTypes[local.type] ?? "" });
      const error = referenceError(row, target) ?? voidCustomerError(row, target);
      if (error) {
        reject(row, error);
        alive.delete(key(row.source, row.id));
        changed = true;
      } else if (row.type === "void" && target) {
        row.department ??= target.department;
      }
    }
    if (!changed) break;
    alive = new Map(alive);
  }
  return rows.filter((r) => alive.has(key(r.source, r.id)));
}

function referenceError(row: Row, target: StoredRef | undefined): FieldError | null {
  const wanted = refTargets[row.type];
  const refId = row.refId ?? "";
  if (!target) {
    return { field: "refId", code: "unknown_reference", message: `refId: no event ${refId} from source ${row.source}` };
  }
  if (wanted === null ? target.type === "void" : wanted !== undefined && target.type !== wanted) {
    return {
      field: "refId",
      code: "wrong_reference_type",
      message: `refId: ${refId} is a ${target.type}, expected ${wanted ?? "an event that is not a void"}`,
    };
  }
  if (row.customerId !== "" && target.customer_id !== row.customerId) {
    return { field: "refId", code: "other_customer", message: `refId: ${refId} belongs to another customer` };
  }
  return null;
}

/**
 * SPEC §4: `customerId` is required except for `training`. A void names its target's customer, so
 * only the void of a training event (which has none) comes without one; a void naming another
 * customer than its target's is refused by referenceError.
 */
function voidCustomerError(row: Row, target: StoredRef | undefined): FieldError | null {
  if (row.type !== "void" || row.customerId !== "" || !target || target.customer_id === "") return null;
  return { field: "customerId", code: "required", message: "customerId: is required (only the void of a training event has none)" };
}

const departmentOf = (r: Row) => r.department ?? eventTypes[r.type] ?? "";


/**
 * Stores the rows in one statement and returns the keys it stored (the fold's staging table, once
 * prepared, receives them through the trigger `events_stage`).
 * Rows go in key order (concurrent batches then wait on shared keys in the same order); a key
 * already stored is skipped (`on conflict do nothing`) and classified by the caller. An event
 * without an explicit account manager is attributed to the customer's manager at the moment it
 * occurred. Customers not known yet become stubs flagged incomplete, so no event is lost; an
 * upsert of the customer completes them.
 */
async function insertRows(db: Kysely<Database>, unordered: Row[], now: Date): Promise<Set<string>> {
  const rows = [...unordered].sort(byKey);
  const col = <T>(f: (r: Row) => T) => rows.map(f);
  const { rows: stored } = await sql<{ customer_id: string; source: string; id: string }>`
    with input as (
      select * from unnest(
        ${col((r) => r.customerId)}::text[], ${col((r) => r.source)}::text[], ${col((r) => r.id)}::text[],
        ${col((r) => r.type)}::text[], ${col((r) => r.occurredAt)}::timestamptz[],
        ${col(departmentOf)}::text[], ${col((r) => r.accountManagerId)}::uuid[],
        ${col((r) => r.amount)}::numeric[], ${col((r) => r.refId)}::text[], ${col((r) => r.dueAt)}::timestamptz[],
        ${col((r) => r.promisedAt)}::timestamptz[], ${col((r) => r.severity)}::text[], ${col((r) => r.scale)}::smallint[],
        ${col((r) => r.score)}::smallint[], ${col((r) => r.hours)}::numeric[], ${col((r) => r.channel)}::text[],
        ${col((r) => r.campaignId)}::text[], ${col((r) => r.stage)}::text[], ${col((r) => r.employee)}::text[],
        ${col((r) => (r.payload === null ? null : JSON.stringify(r.payload)))}::jsonb[], ${col((r) => r.hash)}::text[]
      ) with ordinality as t(customer_id, source, id, type, occurred_at, department, account_manager_id, amount, ref_id,
        due_at, promised_at, severity, scale, score, hours, channel, campaign_id, stage, employee, payload, content_hash, n)
    ),
    stored as (
      insert into events (customer_id, source, id, type, occurred_at, department, account_manager_id, amount, ref_id,
        due_at, promised_at, severity, scale, score, hours, channel, campaign_id, stage, employee, payload, content_hash)
      select i.customer_id, i.source, i.id, i.type, i.occurred_at, i.department,
        coalesce(i.account_manager_id, i.user_id),
        i.amount, i.ref_id, i.due_at, i.promised_at, i.severity, i.scale, i.score, i.hours, i.channel, i.campaign_id,
        i.stage, i.employee, i.payload, i.content_hash
      from (
        -- The latest assignment that covers the instant (a backdated reassignment overlaps older ones).
        select distinct on (i.n) i.*, a.user_id
        from input i
        left join customer_assignments a
          on i.account_manager_id is null and a.customer_id = i.customer_id
          and a.valid_from <= i.occurred_at and (a.valid_to is null or a.valid_to > i.occurred_at)
        order by i.n, a.valid_from desc
      ) i
      order by i.n
      on conflict (source, id) do nothing
      returning customer_id, source, id
    )
    select customer_id, source, id from stored`.execute(db);
  await insertStubCustomers(db, stored.map((r) => r.customer_id), now);
  return new Set(stored.map((r) => key(r.source, r.id)));
}

/**
 * Customers not known yet become stubs flagged incomplete. A statement of its own, after the events:
 * every writer takes its locks events first, then customers, each in key order, so concurrent
 * batches cannot deadlock.
 */
async function insertStubCustomers(db: Kysely<Database>, customerIds: readonly string[], now: Date): Promise<void> {
  const customers = [...new Set(customerIds.filter((id) => id !== ""))].sort(compare);
  if (customers.length === 0) return;
  await sql`
    insert into customers (id, name, incomplete, created_at)
    select t.id, t.id, true, ${now.toISOString()}::timestamptz from unnest(${customers}::text[]) as t(id)
    where not exists (select 1 from customers c where c.id = t.id)
    on conflict (id) do nothing`.execute(db);
}

const byKey = (a: Row, b: Row) => compare(a.customerId, b.customerId) || compare(a.source, b.source) || compare(a.id, b.id);

type Bounds = { userId: string; from: bigint | null; to: bigint | null };

/**
 * The account-manager assignments of `customers`, by customer (customers without any are absent);
 * bounds in whole microseconds since the epoch, exact (null: unbounded). They come back as one
 * text value, `n user from to` per assignment (n: the customer's position in `customers`), because
 * PGlite parses every result row in JavaScript: 5,000 rows took 25–30 ms, the one value 9–12.
 */
async function assignmentsOf(db: Kysely<Database>, customers: readonly string[]): Promise<Map<string, Bounds[]>> {
  const byCustomer = new Map<string, Bounds[]>();
  if (customers.length === 0) return byCustomer;
  const micros = (bound: string) =>
    sql`coalesce(case when isfinite(${sql.ref(bound)}) then (extract(epoch from ${sql.ref(bound)}) * 1000000)::int8::text end, '')`;
  const { rows } = await sql<{ assignments: string | null }>`
    select string_agg(c.n || ' ' || a.user_id::text || ' ' || ${micros("a.valid_from")} || ' ' || ${micros("a.valid_to")}, ',')
      as assignments
    from unnest(${customers}::text[]) with ordinality as c(id, n)
    join customer_assignments a on a.customer_id = c.id
    where a.valid_from < 'infinity' and (a.valid_to is null or a.valid_to > '-infinity')`.execute(db);
  for (const assignment of rows[0]?.assignments?.split(",") ?? []) {
    const [n, userId, from, to] = assignment.split(" ") as [string, string, string, string];
    const customerId = customers[Number(n) - 1] as string;
    const bounds: Bounds = { userId, from: from === "" ? null : BigInt(from), to: to === "" ? null : BigInt(to) };
    const list = byCustomer.get(customerId);
    if (list) list.push(bounds);
    else byCustomer.set(customerId, [bounds]);
  }
  return byCustomer;
}

/**
 * What the COPY path needs to know of a batch before storing it, asked before the batch is
 * validated: which of its keys are stored (with their content hash) and its customers' assignments.
 * The keys and customer ids are taken from the raw events as sent (validation does not change them);
 * whatever this does not cover is looked up in the transaction.
 */
type Known = {
  looked: Set<string>;
  stored: Map<string, { content_hash: string }>;
  customers: Set<string>;
  assignments: Map<string, Bounds[]>;
};

const nothingKnown = (): Known => ({ looked: new Set(), stored: new Map(), customers: new Set(), assignments: new Map() });

const rawText = (event: unknown, field: string): string | undefined => {
  const value = typeof event === "object" && event !== null ? (event as Record<string, unknown>)[field] : undefined;
  return typeof value === "string" ? value : undefined;
};

async function prefetch(db: Kysely<Database>, events: readonly unknown[]): Promise<Known> {
  const keys = new Map<string, [string, string]>();
  const customers = new Set<string>();
  for (const event of events) {
    const id = rawText(event, "id");
    if (id !== undefined) {
      const source = rawText(event, "source") ?? "api";
      keys.set(key(source, id), [source, id]);
    }
    const customerId = rawText(event, "customerId");
    if (customerId !== undefined) customers.add(customerId);
  }
  // Two connections, so that both statements are on their way before validation takes the thread.
  const [stored, assignments] = await Promise.all([
    storedEvents(db, [...keys.values()]),
    assignmentsOf(db, [...customers]),
  ]);
  return { looked: new Set(keys.keys()), stored, customers, assignments };
}

/**
 * The account manager of each row without an explicit one: the customer's latest assignment that
 * covers the instant it occurred (a backdated reassignment overlaps older ones), compared in whole
 * microseconds as PostgreSQL stores them, like insertRows does in SQL.
 */
async function attributedManagers(db: Kysely<Database>, rows: readonly Row[], known: Known): Promise<Map<Row, string>> {
  const attributed = new Map<Row, string>();
  const unattributed = rows.filter((r) => r.accountManagerId === null && r.customerId !== "");
  if (unattributed.length === 0) return attributed;
  // Voids take their customer from their target, which the raw batch may not name.
  const unknown = [...new Set(unattributed.map((r) => r.customerId))].filter((c) => !known.customers.has(c));
  const fetched = await assignmentsOf(db, unknown);
  for (const row of unattributed) {
    const list = known.assignments.get(row.customerId) ?? fetched.get(row.customerId);
    if (!list) continue;
    const at = BigInt(Date.parse(row.occurredAt)) * 1000n;
    let best: Bounds | undefined;
    for (const a of list) {
      const covers = (a.from === null || a.from <= at) && (a.to === null || a.to > at);
      // Later start (null is -infinity, the earliest); the first wins a tie.
      const later = !best || (a.from !== null && (best.from === null || a.from > best.from));
      if (covers && later) best = a;
    }
    if (best) attributed.set(row, best.userId);
  }
  return attributed;
}

const EVENT_COLUMNS = [
  "customer_id", "source", "id", "type", "occurred_at", "department", "account_manager_id", "amount", "ref_id",
  "due_at", "promised_at", "severity", "scale", "score", "hours", "channel", "campaign_id", "stage", "employee",
  "payload", "content_hash",
] as const;
type EventColumn = (typeof EVENT_COLUMNS)[number];

const columnValue: Record<EventColumn, (r: Row, manager: string | null) => CopyValue> = {
  customer_id: (r) => r.customerId,
  source: (r) => r.source,
  id: (r) => r.id,
  type: (r) => r.type,
  occurred_at: (r) => r.occurredAt,
  department: departmentOf,
  account_manager_id: (_, manager) => manager,
  amount: (r) => r.amount,
  ref_id: (r) => r.refId,
  due_at: (r) => r.dueAt,
  promised_at: (r) => r.promisedAt,
  severity: (r) => r.severity,
  scale: (r) => r.scale,
  score: (r) => r.score,
  hours: (r) => r.hours,
  channel: (r) => r.channel,
  campaign_id: (r) => r.campaignId,
  stage: (r) => r.stage,
  employee: (r) => r.employee,
  payload: (r) => (r.payload === null ? null : JSON.stringify(r.payload)),
  content_hash: (r) => r.hash,
};

/**
 * Stores rows whose keys were not stored when the transaction looked (the caller checked) with
 * COPY, in key order like insertRows (the trigger `events_stage` stages them for the fold). A key a
 * concurrent batch stored since makes the COPY fail on the unique key (the caller then retries).
 */
async function copyRows(db: Kysely<Database>, copyIn: CopyIn, unordered: Row[], now: Date, known: Known) {
  if (unordered.length === 0) return;
  const rows = [...unordered].sort(byKey);
  const managers = await attributedManagers(db, rows, known);
  const values = rows.map((r) => {
    const manager = r.accountManagerId ?? managers.get(r) ?? null;
    return EVENT_COLUMNS.map((c) => columnValue[c](r, manager));
  });
  await copyIn("events", EVENT_COLUMNS, values);
  await insertStubCustomers(db, rows.map((r) => r.customerId), now);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
