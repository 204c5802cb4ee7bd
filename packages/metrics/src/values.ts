/** numeric comes back from both drivers as an exact decimal string; int8 as a number. */
export type SqlNumber = string | number;

/** Converts an exact SQL value to a JS number, at the very end of a computation. */
export function toNumber(value: SqlNumber | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === "number" ? value : Number(value);
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${String(value)}`);
  return n;
}

/** `scale × numerator ÷ denominator`, or null when there is nothing to divide by. */
export function ratio(numerator: SqlNumber, denominator: SqlNumber, scale = 1): number | null {
  const d = toNumber(denominator);
  return d === 0 ? null : (scale * toNumber(numerator)) / d;
}
