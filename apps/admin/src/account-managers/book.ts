// An account manager's book on their home page: problem customers first, then the rest, each with
// the suggested action of SPEC §8 (the first that applies).
export type Segment = "top" | "big" | "medium" | "small" | "inactive" | "prospect";
export type SuggestedAction = "care" | "win_back" | "repeat" | "up_sell" | "cross_sell" | "first_order";

export type BookCustomer = {
  id: string;
  name: string;
  tier: string;
  segment: Segment;
  creditPolicy: string;
  /** Revenue of the 365 days up to today. */
  revenue: number;
};
export type Problem = { customerId: string; reasons: readonly string[] };
export type BookRow = BookCustomer & { reasons: readonly string[]; action: SuggestedAction };

const BY_SEGMENT: Record<Segment, SuggestedAction> = {
  inactive: "win_back",
  top: "repeat",
  big: "repeat",
  medium: "up_sell",
  small: "cross_sell",
  prospect: "first_order",
};

/** SPEC §8: any problem → care; otherwise by segment. */
export function suggestedAction(segment: Segment, reasons: readonly string[]): SuggestedAction {
  return reasons.length > 0 ? "care" : BY_SEGMENT[segment];
}

const byValue = (a: BookRow, b: BookRow) =>
  b.revenue - a.revenue || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The book split in two: problem customers (most reasons first, then the most revenue at stake)
 * and the rest (most revenue first). A problem customer missing from `customers` (not loaded, or
 * no longer the manager's) is left out rather than shown half-known.
 */
export function splitBook(
  customers: readonly BookCustomer[],
  problems: readonly Problem[],
): { problems: BookRow[]; rest: BookRow[] } {
  const reasonsOf = new Map(problems.map((p) => [p.customerId, p.reasons]));
  const rows = customers.map((c) => {
    const reasons = reasonsOf.get(c.id) ?? [];
    return { ...c, reasons, action: suggestedAction(c.segment, reasons) };
  });
  return {
    problems: rows
      .filter((r) => r.reasons.length > 0)
      .sort((a, b) => b.reasons.length - a.reasons.length || byValue(a, b)),
    rest: rows.filter((r) => r.reasons.length === 0).sort(byValue),
  };
}
