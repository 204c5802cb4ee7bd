import type { BenchResult } from "./run-bench";

type Row = { figure: string; value: string; baseline: string; ratio: string; target: string; result: string };

const n = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** One verdict per target of the row, in the order of the target column. */
const verdict = (...checks: (boolean | null)[]) =>
  checks.map((ok) => (ok === null ? "n/a" : ok ? "pass" : "FAIL")).join(" / ");

/** The warehouse's performance targets (PostgreSQL, 2 cores, 1M events; PGlite: ingest ≥ 15,000 events/s). */
export function reportRows(r: BenchResult): Row[] {
  const ingestTarget = r.database === "postgres" ? 50_000 : 15_000;
  const copyShare = r.ingest_events_per_s / r.copy_rows_per_s;
  const rebuildRatio = r.full_rollup_s / r.raw_groupby_s;
  const speedup = r.raw_read_p95_ms / r.read_p95_ms;
  const rest = (label: string, rate: number): Row => ({
    figure: label,
    value: `${n(rate)} ev/s`,
    baseline: `${n(r.copy_rows_per_s)} rows/s`,
    ratio: `${n(rate / r.copy_rows_per_s, 2)}×`,
    target: "",
    result: "",
  });
  return [
    {
      figure: "(a) raw COPY into a copy of events",
      value: `${n(r.copy_rows_per_s)} rows/s`,
      baseline: "",
      ratio: "",
      target: "",
      result: "",
    },
    rest("(b) REST ingest, 1 client", r.ingest_sequential_events_per_s),
    rest("(b) REST ingest, 2 clients", r.ingest_concurrent_events_per_s),
    {
      ...rest("(b) REST ingest, all events", r.ingest_events_per_s),
      target: `≥ ${n(ingestTarget)} ev/s / ≥ 0.33× raw`,
      result: verdict(r.ingest_events_per_s >= ingestTarget, copyShare >= 1 / 3),
    },
    {
      figure: "(c) full rollup rebuild",
      value: `${n(r.full_rollup_s, 2)} s`,
      baseline: `${n(r.raw_groupby_s, 2)} s GROUP BY`,
      ratio: `${n(rebuildRatio, 2)}×`,
      target: "≤ 3× GROUP BY",
      result: verdict(rebuildRatio <= 3),
    },
    {
      figure: `(d) incremental rollup, ${n(r.incremental_events)} new events`,
      value: r.incremental_rollup_ms === null ? "n/a" : `${n(r.incremental_rollup_ms, 1)} ms`,
      baseline: `${n(r.incremental_total_ms, 1)} ms ingest`,
      ratio: "",
      target: "≤ 250 ms",
      result: verdict(r.incremental_rollup_ms === null ? null : r.incremental_rollup_ms <= 250),
    },
    {
      figure: `(d) median of ${r.incremental_rollup_samples_ms.length} batches, each`,
      value: r.incremental_rollup_samples_ms.map((ms) => (ms === null ? "n/a" : n(ms, 0))).join(" "),
      baseline: "",
      ratio: "",
      target: "",
      result: "",
    },
    {
      figure: `(d) the same, spread over 24 months`,
      value: r.incremental_spread_rollup_ms === null ? "n/a" : `${n(r.incremental_spread_rollup_ms, 1)} ms`,
      baseline: `${n(r.incremental_spread_total_ms, 1)} ms ingest`,
      ratio: "",
      target: "(worst case)",
      result: "",
    },
    {
      figure: "(e) metric read p50, HTTP",
      value: `${n(r.read_p50_ms, 2)} ms`,
      baseline: "",
      ratio: "",
      target: "",
      result: "",
    },
    {
      figure: "(e) metric read p95, HTTP",
      value: `${n(r.read_p95_ms, 2)} ms`,
      baseline: `${n(r.raw_read_p95_ms, 2)} ms GROUP BY`,
      ratio: `${n(speedup, 1)}× faster`,
      target: "≤ 20 ms / ≥ 50× faster / same answers",
      result: verdict(r.read_p95_ms <= 20, speedup >= 50, r.read_mismatches === 0),
    },
    {
      figure: `(f) department scorecard p95, HTTP (${n(r.scorecard_goals / 8)} goals)`,
      value: `${n(r.scorecard_p95_ms, 2)} ms`,
      baseline: `${n(r.scorecard_raw_p95_ms, 2)} ms raw events`,
      ratio: `${n(r.scorecard_raw_p95_ms / r.scorecard_p95_ms, 1)}× faster`,
      target: "≤ 50 ms / ≥ 10× faster / same actuals",
      result: verdict(
        r.scorecard_p95_ms <= 50,
        r.scorecard_raw_p95_ms / r.scorecard_p95_ms >= 10,
        r.scorecard_mismatches === 0,
      ),
    },
    {
      figure: "(f) company scorecard p95, HTTP",
      value: `${n(r.company_scorecard_p95_ms, 2)} ms`,
      baseline: "",
      ratio: "",
      target: "≤ 150 ms",
      result: verdict(r.company_scorecard_p95_ms <= 150),
    },
    {
      figure: "(f) breakdown of a year's revenue by customer p95, HTTP",
      value: `${n(r.breakdown_p95_ms, 2)} ms`,
      baseline: "",
      ratio: "",
      target: "≤ 100 ms",
      result: verdict(r.breakdown_p95_ms <= 100),
    },
    {
      figure: "(g) value pyramid for a date p95, HTTP",
      value: `${n(r.pyramid_p95_ms, 2)} ms`,
      baseline: `${n(r.pyramid_raw_p95_ms, 2)} ms naive raw events`,
      ratio: `${n(r.pyramid_raw_p95_ms / r.pyramid_p95_ms, 1)}× faster`,
      target: "≤ 300 ms / ≥ 5× faster",
      result: verdict(r.pyramid_p95_ms <= 300, r.pyramid_raw_p95_ms / r.pyramid_p95_ms >= 5),
    },
    {
      figure: "(g) problem customers / value changes p95, HTTP",
      value: `${n(r.problems_p95_ms, 2)} / ${n(r.value_changes_p95_ms, 2)} ms`,
      baseline: "",
      ratio: "",
      target: "≤ 300 ms each",
      result: verdict(r.problems_p95_ms <= 300, r.value_changes_p95_ms <= 300),
    },
    {
      figure: "(g) customer search with two filters p95, HTTP",
      value: `${n(r.customer_search_p95_ms, 2)} ms`,
      baseline: "",
      ratio: "",
      target: "≤ 50 ms",
      result: verdict(r.customer_search_p95_ms <= 50),
    },
    {
      figure: "(g) level proposals for 10,000 customers, HTTP",
      value: `${n(r.proposals_10k_ms)} ms`,
      baseline: "",
      ratio: "",
      target: "≤ 2,000 ms",
      result: verdict(r.proposals_10k_ms <= 2000),
    },
    {
      figure: "peak RSS of the bench process",
      value: `${n(r.rss_mb)} MB`,
      baseline: "",
      ratio: "",
      target: "",
      result: "",
    },
  ];
}

export function formatReport(r: BenchResult): string {
  const header: Row = {
    figure: "figure",
    value: "value",
    baseline: "baseline",
    ratio: "ratio",
    target: "target",
    result: "",
  };
  const rows = [header, ...reportRows(r)];
  const keys = ["figure", "value", "baseline", "ratio", "target", "result"] as const;
  const widths = keys.map((k) => Math.max(...rows.map((row) => row[k].length)));
  const line = (row: Row) =>
    keys
      .map((k, i) => row[k].padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd();
  const notes = [
    `${r.database}, ${n(r.events)} events over ${n(r.customers)} customers, run took ${n(r.seconds, 1)} s`,
    ...(r.ingest_rejected > 0
      ? [`warning: ${n(r.ingest_rejected)} generated events were rejected by the API`]
      : []),
    ...(r.read_mismatches > 0
      ? [`warning: ${r.read_mismatches} metric points differ from the raw GROUP BY`]
      : []),
  ];
  return [notes[0] ?? "", "", line(header), ...rows.slice(1).map(line), "", ...notes.slice(1)]
    .join("\n")
    .trimEnd();
}
