// A metric's points as the API returns them. A card never sums or averages them across buckets
// (a distinct count or a ratio cannot be added up): it reads its figure over the whole period
// (metrics.value, see overview/use-kpi.ts).
export type Point = { period: string; value: number | null };

export function hasData(points: readonly Point[]): boolean {
  return points.some((p) => p.value !== null && p.value !== 0);
}
