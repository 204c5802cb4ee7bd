/** The event fields §8 reads, as plain data (money in exact integer cents). */
export type AccountEvent = {
  source: string;
  id: string;
  customerId: string;
  type: string;
  occurredAt: Date;
  amountCents?: number | null;
  dueAt?: Date | null;
  refId?: string | null;
};

/** Exact cents of a decimal string or number with at most 2 decimals (as the API accepts money). */
export function toCents(amount: string | number): number {
  const text = typeof amount === "number" ? amount.toFixed(2) : amount;
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not an amount with at most 2 decimals: ${text}`);
  const [, sign, whole, fraction = ""] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

/** Money as the API returns it: a number of currency units. */
export const fromCents = (cents: number): number => cents / 100;

/** Events minus `void` events and the events they void (a void refers to an id of the same source). */
export function liveEvents<E extends AccountEvent>(events: readonly E[]): E[] {
  const voided = new Set(events.filter((e) => e.type === "void" && e.refId).map((e) => `${e.source}\u0000${e.refId}`));
  return events.filter((e) => e.type !== "void" && !voided.has(`${e.source}\u0000${e.id}`));
}
