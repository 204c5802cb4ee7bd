// The overview's view state as URL search params, so a link reproduces the
// exact screen: `?period=custom&from=2026-01-01&to=2026-04-01&compare=year&grain=week`.
import { isIsoDate, type IsoDate } from "./dates";
import {
  COMPARE_MODES,
  comparisonRange,
  GRAINS,
  PRESETS,
  resolveCustom,
  resolvePreset,
  type CompareMode,
  type DateRange,
  type Grain,
  type Period,
  type PresetKey,
} from "./period";

export type ViewState = {
  preset: PresetKey;
  /** Only for the custom preset. */
  range: DateRange | null;
  compare: CompareMode;
  /** null: the preset's own grain. */
  grain: Grain | null;
};

export type ResolvedView = {
  period: Period;
  comparison: DateRange;
  grain: Grain;
  compare: CompareMode;
};

export const DEFAULT_PRESET: PresetKey = "last_12_months";
export const DEFAULT_COMPARE: CompareMode = "previous";

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((item) => item === value) ?? null;
}

export function parseViewState(params: URLSearchParams): ViewState {
  const preset = oneOf(params.get("period"), PRESETS.map((p) => p.key)) ?? DEFAULT_PRESET;
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const validRange = isIsoDate(from) && isIsoDate(to) && from < to;
  const compare = oneOf(params.get("compare"), COMPARE_MODES.map((m) => m.key)) ?? DEFAULT_COMPARE;
  const grain = oneOf(params.get("grain"), GRAINS);
  if (preset === "custom" && !validRange) {
    return { preset: DEFAULT_PRESET, range: null, compare, grain: null };
  }
  return { preset, range: preset === "custom" ? { from, to } : null, compare, grain };
}

/** Writes the state into a copy of `params`, leaving unrelated params alone and defaults out. */
export function writeViewState(params: URLSearchParams, state: ViewState): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | null) => (value === null ? next.delete(key) : next.set(key, value));
  set("period", state.preset === DEFAULT_PRESET ? null : state.preset);
  set("from", state.range?.from ?? null);
  set("to", state.range?.to ?? null);
  set("compare", state.compare === DEFAULT_COMPARE ? null : state.compare);
  set("grain", state.grain);
  return next;
}

export function resolveView(state: ViewState, today: IsoDate): ResolvedView {
  const period =
    state.preset === "custom" && state.range ? resolveCustom(state.range) : resolvePreset(presetOrDefault(state.preset), today);
  return {
    period,
    comparison: comparisonRange(period, state.compare),
    grain: state.grain ?? period.grain,
    compare: state.compare,
  };
}

function presetOrDefault(preset: PresetKey): Exclude<PresetKey, "custom"> {
  return preset === "custom" ? "last_12_months" : preset;
}
