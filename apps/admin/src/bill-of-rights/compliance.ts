// Compliance with the promises made to customers: kept (met, or on track while the period runs)
// out of those that can be judged (started, with data).
export type PromiseRow = { department: string; metric: string; promise: string; status: string };

const JUDGED = new Set(["met", "missed", "on_track", "at_risk", "off_track"]);
const KEPT = new Set(["met", "on_track"]);

export type Compliance = { kept: number; judged: number; share: number | null };

export function compliance(promises: readonly Pick<PromiseRow, "status">[]): Compliance {
  const judged = promises.filter((p) => JUDGED.has(p.status)).length;
  const kept = promises.filter((p) => KEPT.has(p.status)).length;
  return { kept, judged, share: judged === 0 ? null : kept / judged };
}

/** One promise across periods: the same department, metric and sentence (each period has its own goal). */
export function promiseKey(p: Pick<PromiseRow, "department" | "metric" | "promise">): string {
  return JSON.stringify([p.department, p.metric, p.promise]);
}
