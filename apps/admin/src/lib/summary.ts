// One number for a period from a series of points: sums for additive
// metrics, the mean per period otherwise (distinct counts and ratios cannot
// be added up across periods).
export type Point = { period: string; value: number | null };
export type Summary = { value: number | null; method: "single" | "sum" | "mean" };

export function summarize(points: readonly Point[], additive: boolean): Summary {
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  if (points.length === 1) return { value: points[0]?.value ?? null, method: "single" };
  if (values.length === 0) return { value: null, method: additive ? "sum" : "mean" };
  const total = values.reduce((sum, v) => sum + v, 0);
  return additive ? { value: total, method: "sum" } : { value: total / values.length, method: "mean" };
}

export function hasData(points: readonly Point[]): boolean {
  return points.some((p) => p.value !== null && p.value !== 0);
}
