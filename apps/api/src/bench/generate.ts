import { createHash } from "node:crypto";
import { eventTypes, type EventType } from "@retain/warehouse";
import { copyText as rowsAsCopyText, type CopyValue } from "@retain/db";

/*
 * A seeded, deterministic generator of valid SPEC §4 input for the benchmark: customers, and events
 * in numbered batches over 24 months. Batch k is the same whoever asks for it and in whatever order,
 * so the physical reference and the REST ingest store the same events, and concurrent clients can
 * share the batches. Events that refer to another one (resolutions, follow-up visits, voids) refer
 * inside their own batch, so no batch depends on another.
 */

export const BENCH_SOURCE = "bench";
export const WINDOW_START = Date.UTC(2024, 0, 1);
export const WINDOW_MONTHS = 24;
const WINDOW_MS = Date.UTC(2026, 0, 1) - WINDOW_START;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type BenchEvent = { id: string; type: EventType; customerId?: string; occurredAt: string } & Record<
  string,
  unknown
>;

/** mulberry32: small, fast and good enough to spread synthetic data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const customerId = (n: number) => `bench-c-${String(n).padStart(5, "0")}`;
export const managerEmail = (n: number) => `bench-am-${n}@example.com`;

export function benchCustomers(count: number, managers: number): Record<string, unknown>[] {
  const next = random(7);
  return Array.from({ length: count }, (_, n) => {
    const r = next();
    return {
      id: customerId(n),
      name: `Bench customer ${n}`,
      industry: ["machinery", "chemicals", "retail", "logistics", "energy"][n % 5],
      region: ["north", "south", "east", "west"][n % 4],
      size: r < 0.1 ? "large" : r < 0.35 ? "medium" : "small",
      tier: r < 0.05 ? "vip" : r < 0.2 ? "key" : "regular",
      ...(managers > 0 ? { accountManager: managerEmail(n % managers) } : {}),
      createdAt: "2023-06-01",
    };
  });
}

// Share of each kind of event; pairs (complaint → resolution, request → resolution) count once.
const mix: [kind: string, weight: number][] = [
  ["order", 28],
  ["payment", 16],
  ["visit", 5],
  ["contact", 8],
  ["campaign_touch", 8],
  ["complaint", 4],
  ["praise", 3],
  ["survey", 6],
  ["service_request", 3],
  ["feedback", 2],
  ["delivery", 8],
  ["supplier_issue", 1],
  ["defect", 1],
  ["opportunity_won", 2],
  ["opportunity_lost", 2],
  ["training", 1],
  ["void", 0.3],
];
const mixTotal = mix.reduce((sum, [, w]) => sum + w, 0);

const iso = (ms: number) => new Date(ms).toISOString();
const money = (r: number, max: number) => (Math.floor(r * max * 100) / 100).toFixed(2);

/** When a batch's events occur: mostly in [from, to), a share of them late (anywhere before `from`). */
export type Span = { from: number; to: number; lateShare: number };
/** The whole 24-month window, evenly: the worst case for the rollups, every batch touches every day. */
export const WHOLE_WINDOW: Span = { from: WINDOW_START, to: WINDOW_START + WINDOW_MS, lateShare: 0 };
/** Share of late events in a timeline batch: delivered after newer ones, anywhere in the past. */
export const LATE_SHARE = 0.05;

/**
 * Batch k of `batches` as activity arrives in practice: batch after batch moves forward through the
 * window (batch k covers the k-th slice of it), and 5 % of each batch are late events from anywhere
 * earlier.
 */
export function timelineSpan(k: number, batches: number): Span {
  const slice = (WINDOW_MS - 20 * DAY) / batches;
  return { from: WINDOW_START + k * slice, to: WINDOW_START + (k + 1) * slice, lateShare: LATE_SHARE };
}

/**
 * New activity after a timeline load, the `i`-th ten days after it (about a week's worth at 1M
 * events), 5 % late. The timeline leaves the window's last 20 days empty; from the third sample on,
 * the days are after the window.
 */
export function nextDays(i: number): Span {
  const from = WINDOW_START + WINDOW_MS - 20 * DAY + i * 10 * DAY;
  return { from, to: from + 10 * DAY, lateShare: LATE_SHARE };
}

/** Batch `index` of `size` events with ids `<prefix><index>-<n>`, for `customers` customers. */
export function eventBatch(
  index: number,
  size: number,
  customers: number,
  prefix = "e",
  span: Span = WHOLE_WINDOW,
): BenchEvent[] {
  const next = random(0x9e3779b9 ^ Math.imul(index + 1, 2_654_435_761));
  const events: BenchEvent[] = [];
  const orders: BenchEvent[] = [];
  const pick = () => {
    let r = next() * mixTotal;
    for (const [kind, weight] of mix) if ((r -= weight) < 0) return kind;
    return "order";
  };
  while (events.length < size) {
    const n = events.length;
    const id = `${prefix}${index}-${n}`;
    // Skewed towards low numbers: some customers are much busier than others.
    const customer = customerId(Math.floor(next() ** 2 * customers));
    const late = span.lateShare > 0 && next() < span.lateShare;
    const [from, to] = late ? [WINDOW_START, span.from] : [span.from, Math.min(span.to, WINDOW_START + WINDOW_MS - 10 * 24 * HOUR)];
    const at = Math.floor(from + next() * Math.max(0, to - from));
    const base = { id, customerId: customer, occurredAt: iso(at) };
    /** An event referring to this one, up to `hours` later. */
    const followUp = (suffix: string, type: EventType, hours: number): BenchEvent => ({
      id: `${id}${suffix}`,
      type,
      customerId: customer,
      occurredAt: iso(at + Math.floor(next() * hours * HOUR)),
      refId: id,
    });
    const kind = pick();
    const room = size - n;
    switch (kind) {
      case "order": {
        const order: BenchEvent = { ...base, type: "order", amount: money(next(), 5_000) };
        if (next() < 0.2)
          order.payload = {
            sku: `P-${Math.floor(next() * 900) + 100}`,
            quantity: 1 + Math.floor(next() * 9),
          };
        events.push(order);
        orders.push(order);
        break;
      }
      case "payment":
        events.push({
          ...base,
          type: "payment",
          amount: money(next(), 5_000),
          dueAt: iso(at + Math.floor((next() - 0.3) * 30 * 24 * HOUR)),
        });
        break;
      case "contact":
        events.push({
          ...base,
          type: "contact",
          channel: ["phone", "sms", "email", "letter", "meeting"][Math.floor(next() * 5)],
        });
        break;
      case "campaign_touch":
        events.push({ ...base, type: "campaign_touch", campaignId: `camp-${Math.floor(next() * 40)}` });
        break;
      case "complaint": {
        events.push({
          ...base,
          type: "complaint",
          severity: ["low", "medium", "high"][Math.floor(next() * 3)],
        });
        if (room >= 3) {
          events.push(followUp("r", "complaint_resolved", 72));
          if (next() < 0.5) events.push(followUp("v", "visit", 240));
        }
        break;
      }
      case "service_request":
        events.push({
          ...base,
          type: "service_request",
          stage: ["presale", "scheduling", "delivery", "care", "settlement", "repair"][
            Math.floor(next() * 6)
          ],
        });
        if (room >= 2) {
          events.push(followUp("r", "service_resolved", 96));
        }
        break;
      case "survey": {
        const scale = next() < 0.5 ? 5 : 10;
        events.push({
          ...base,
          type: "survey",
          scale,
          score: scale === 5 ? 1 + Math.floor(next() * 5) : Math.floor(next() * 11),
        });
        break;
      }
      case "delivery":
        events.push({
          ...base,
          type: "delivery",
          promisedAt: iso(at + Math.floor((next() - 0.15) * 5 * 24 * HOUR)),
        });
        break;
      case "opportunity_won":
      case "opportunity_lost":
        events.push({ ...base, type: kind, amount: money(next(), 20_000) });
        break;
      case "training":
        events.push({
          id,
          type: "training",
          occurredAt: base.occurredAt,
          hours: String(1 + Math.floor(next() * 8)),
          employee: `staff-${Math.floor(next() * 50)}@example.com`,
        });
        break;
      case "void": {
        const target = orders[Math.floor(next() * orders.length)];
        if (target?.customerId)
          events.push({
            id,
            type: "void",
            customerId: target.customerId,
            occurredAt: target.occurredAt,
            refId: target.id,
          });
        break;
      }
      default:
        events.push({ ...base, type: kind as EventType });
    }
  }
  return events.slice(0, size);
}

/** The columns of `events` an event becomes, without validation or lookups: the physical reference. */
export type PhysicalRows = Record<
  | "customer_id"
  | "source"
  | "id"
  | "type"
  | "occurred_at"
  | "department"
  | "account_manager_id"
  | "amount"
  | "ref_id"
  | "due_at"
  | "promised_at"
  | "severity"
  | "scale"
  | "score"
  | "hours"
  | "channel"
  | "campaign_id"
  | "stage"
  | "employee"
  | "payload"
  | "content_hash",
  unknown[]
>;

export function physicalRows(
  events: readonly BenchEvent[],
  managerOf: (customerId: string) => string | null,
): PhysicalRows {
  const text = (v: unknown) => (v === undefined ? null : String(v));
  const column = <T>(f: (e: BenchEvent) => T) => events.map(f);
  return {
    customer_id: column((e) => e.customerId ?? ""),
    source: column(() => BENCH_SOURCE),
    id: column((e) => e.id),
    type: column((e) => e.type),
    occurred_at: column((e) => e.occurredAt),
    department: column((e) => eventTypes[e.type] ?? "sales"),
    account_manager_id: column((e) => (e.customerId ? managerOf(e.customerId) : null)),
    amount: column((e) => text(e.amount)),
    ref_id: column((e) => text(e.refId)),
    due_at: column((e) => text(e.dueAt)),
    promised_at: column((e) => text(e.promisedAt)),
    severity: column((e) => text(e.severity)),
    scale: column((e) => (typeof e.scale === "number" ? e.scale : null)),
    score: column((e) => (typeof e.score === "number" ? e.score : null)),
    hours: column((e) => text(e.hours)),
    channel: column((e) => text(e.channel)),
    campaign_id: column((e) => text(e.campaignId)),
    stage: column((e) => text(e.stage)),
    employee: column((e) => text(e.employee)),
    payload: column((e) => (e.payload === undefined ? null : JSON.stringify(e.payload))),
    content_hash: column((e) => createHash("sha256").update(JSON.stringify(e)).digest("base64url")),
  };
}

export function copyText(rows: PhysicalRows): { columns: string[]; text: string } {
  const columns = Object.keys(rows) as (keyof PhysicalRows)[];
  const table = Array.from({ length: rows.id.length }, (_, i) => columns.map((c) => rows[c][i] as CopyValue));
  return { columns, text: rowsAsCopyText(table) };
}
