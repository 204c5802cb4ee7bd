// Change of a KPI against its comparison period and whether that is good
// news: judged by the metric's direction, never by the sign alone.
import type { LocaleSettings, Unit } from "./format";

export type Direction = "higher" | "lower";
export type Tone = "better" | "worse" | "neutral";
export type Change =
  | { kind: "relative"; ratio: number }
  | { kind: "points"; points: number }
  | { kind: "none" };

const EPSILON = 1e-9;

export function computeChange(current: number | null, previous: number | null, unit: Unit): Change {
  if (current === null || previous === null) return { kind: "none" };
  // Rates and scores already sit on a fixed scale: compare them in points.
  if (unit === "percent" || unit === "score") return { kind: "points", points: current - previous };
  if (Math.abs(previous) < EPSILON) return { kind: "none" };
  return { kind: "relative", ratio: (current - previous) / Math.abs(previous) };
}

export function changeTone(change: Change, direction: Direction): Tone {
  const delta = change.kind === "relative" ? change.ratio : change.kind === "points" ? change.points : 0;
  if (Math.abs(delta) < 0.0005) return "neutral";
  return (delta > 0) === (direction === "higher") ? "better" : "worse";
}

export function formatChange(change: Change, settings: LocaleSettings): string {
  switch (change.kind) {
    case "none":
      return "—";
    case "relative":
      return new Intl.NumberFormat(settings.locale, {
        style: "percent",
        maximumFractionDigits: 1,
        signDisplay: "exceptZero",
      }).format(change.ratio);
    case "points":
      return `${new Intl.NumberFormat(settings.locale, { maximumFractionDigits: 1, signDisplay: "exceptZero" }).format(change.points)} pts`;
  }
}
