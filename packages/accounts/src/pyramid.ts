import { inWindow, type Windows } from "./dates";
import { fromCents, type AccountEvent } from "./events";

export const segments = ["top", "big", "medium", "small", "inactive", "prospect"] as const;
export type Segment = (typeof segments)[number];

/** Order of value, lowest first: a move to a later segment is "up". */
export const segmentRank: Record<Segment, number> = { prospect: 0, inactive: 1, small: 2, medium: 3, big: 4, top: 5 };

/** The cut-offs of the pyramid in percent of the customers with revenue (settings; default 1 / 5 / 20). */
export type PyramidPercents = { top: number; big: number; medium: number };
export const defaultPyramidPercents: PyramidPercents = { top: 1, big: 5, medium: 20 };

/** What a customer's segment at D depends on. */
export type CustomerValue = {
  customerId: string;
  /** Σ live order amounts in the 365 days up to D, in cents. */
  revenueCents: number;
  /** A live order before those 365 days. */
  orderedBefore: boolean;
};

/** Code-point order, as `collate "C"` in SQL: ids compare the same everywhere. */
export const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The last position of each ranked segment among n customers with revenue: ceil(percent × n / 100). */
export function segmentCutoffs(n: number, percents: PyramidPercents): { top: number; big: number; medium: number } {
  const cut = (percent: number) => Math.ceil((percent * n) / 100);
  return { top: cut(percents.top), big: cut(percents.big), medium: cut(percents.medium) };
}

/**
 * SPEC §8 value pyramid: customers with revenue ranked by revenue descending, then id; position p
 * (1-based) is top when p ≤ ceil(top% n), big when p ≤ ceil(big% n), medium when p ≤ ceil(medium% n),
 * else small. No revenue: inactive when they ordered before the window, else prospect.
 */
export function segmentsOf(values: readonly CustomerValue[], percents: PyramidPercents = defaultPyramidPercents): Map<string, Segment> {
  const result = new Map<string, Segment>();
  const ranked = values
    .filter((v) => v.revenueCents > 0)
    .sort((a, b) => b.revenueCents - a.revenueCents || byCodePoint(a.customerId, b.customerId));
  const cut = segmentCutoffs(ranked.length, percents);
  ranked.forEach((v, index) => {
    const p = index + 1;
    result.set(v.customerId, p <= cut.top ? "top" : p <= cut.big ? "big" : p <= cut.medium ? "medium" : "small");
  });
  for (const v of values) {
    if (v.revenueCents <= 0) result.set(v.customerId, v.orderedBefore ? "inactive" : "prospect");
  }
  return result;
}

/** Each customer's value at D from their events (every customer named in `customerIds`). */
export function customerValuesOf(customerIds: Iterable<string>, live: readonly AccountEvent[], windows: Windows): CustomerValue[] {
  const values = new Map<string, CustomerValue>();
  for (const id of customerIds) values.set(id, { customerId: id, revenueCents: 0, orderedBefore: false });
  for (const e of live) {
    if (e.type !== "order") continue;
    const v = values.get(e.customerId);
    if (!v) continue;
    if (inWindow(e.occurredAt, windows.year)) v.revenueCents += e.amountCents ?? 0;
    else if (e.occurredAt.getTime() < windows.year.start.getTime()) v.orderedBefore = true;
  }
  return [...values.values()];
}

export type PyramidSegment = { segment: Segment; customers: number; revenue: number; share: number | null };

/**
 * The six segments, top first, with their customers, revenue (365 days up to D) and share of that
 * revenue in percentage points (2 decimals; null when there is no revenue at all).
 */
export function pyramidOf(values: readonly CustomerValue[], segmentOf: ReadonlyMap<string, Segment>): PyramidSegment[] {
  const totals = new Map<Segment, { customers: number; cents: number }>(segments.map((s) => [s, { customers: 0, cents: 0 }]));
  let all = 0;
  for (const v of values) {
    const segment = segmentOf.get(v.customerId);
    if (!segment) continue;
    const t = totals.get(segment)!;
    t.customers++;
    t.cents += Math.max(v.revenueCents, 0);
    all += Math.max(v.revenueCents, 0);
  }
  return segments.map((segment) => {
    const t = totals.get(segment)!;
    return { segment, customers: t.customers, revenue: fromCents(t.cents), share: shareOf(t.cents, all) };
  });
}

/** 100 × part ÷ whole, rounded to 2 decimals; null when whole is 0. */
export function shareOf(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((10_000 * part) / whole) / 100;
}

export type ValueChange = { customerId: string; from: Segment; to: Segment; direction: "up" | "down" };

/** Customers whose segment at D differs from D − 90, by customer id. */
export function valueChangesOf(before: ReadonlyMap<string, Segment>, after: ReadonlyMap<string, Segment>): ValueChange[] {
  const changes: ValueChange[] = [];
  for (const [customerId, to] of after) {
    const from = before.get(customerId) ?? "prospect";
    if (from === to) continue;
    changes.push({ customerId, from, to, direction: segmentRank[to] > segmentRank[from] ? "up" : "down" });
  }
  return changes.sort((a, b) => byCodePoint(a.customerId, b.customerId));
}
