import { describe, expect, it } from "vitest";
import { copyText, eventBatch, LATE_SHARE, physicalRows, timelineSpan } from "./generate";
import { formatReport } from "./report";
import { median, runBench } from "./run-bench";

const contract = [
  "database",
  "events",
  "copy_rows_per_s",
  "ingest_events_per_s",
  "full_rollup_s",
  "raw_groupby_s",
  "incremental_events",
  "incremental_rollup_ms",
  "read_p50_ms",
  "read_p95_ms",
  "raw_read_p95_ms",
  "rss_mb",
];

describe("benchmark (smoke, small)", () => {
  it("takes the median of the samples, and none when one is missing", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([10, null, 30])).toBeNull();
    expect(median([])).toBeNull();
  });

  it("generates the same batch every time, with ids unique across batches", () => {
    expect(eventBatch(3, 500, 100)).toEqual(eventBatch(3, 500, 100));
    const ids = [0, 1, 2].flatMap((k) => eventBatch(k, 2_000, 100).map((e) => e.id));
    expect(new Set(ids).size).toBe(6_000);
  });

  it("moves forward through the window batch by batch, with a share of late events", () => {
    const span = timelineSpan(7, 20);
    const events = eventBatch(7, 5_000, 100, "e", span);
    const at = events.map((e) => Date.parse(e.occurredAt));
    const late = at.filter((t) => t < span.from).length / events.length;
    expect(late).toBeGreaterThan(LATE_SHARE / 2);
    expect(late).toBeLessThan(LATE_SHARE * 2);
    // Follow-ups (resolutions, visits) come up to ten days after their event, never after the window.
    expect(Math.max(...at)).toBeLessThan(span.to + 10 * 86_400_000);
  });

  it("writes rows in COPY's text format: escaped tabs, newlines and backslashes, \\N for null", () => {
    const event = {
      id: "a\tb",
      type: "order" as const,
      customerId: "c1",
      occurredAt: "2025-01-01T00:00:00Z",
      amount: "1.00",
      payload: { note: "x\ty\nz" },
    };
    const { columns, text } = copyText(physicalRows([event], () => null));
    const fields = text.slice(0, -1).split("\t");
    expect(fields).toHaveLength(columns.length);
    expect(fields[columns.indexOf("id")]).toBe("a\\tb");
    expect(fields[columns.indexOf("account_manager_id")]).toBe("\\N");
    expect(fields[columns.indexOf("payload")]).toBe('{"note":"x\\\\ty\\\\nz"}');
  });

  it.runIf(process.env.TEST_DATABASE_URL)("runs every phase on PostgreSQL, COPY included", async () => {
    const result = await runBench({
      events: 5_000,
      databaseUrl: process.env.TEST_DATABASE_URL,
      customers: 500,
      managers: 2,
      incrementalEvents: 1_000,
      reads: 20,
      rawReads: 5,
    });
    expect(result).toMatchObject({
      database: "postgres",
      events: 5_000,
      ingest_rejected: 0,
      read_mismatches: 0,
    });
    expect(result.copy_rows_per_s).toBeGreaterThan(0);
  });

  it("runs every phase on PGlite and reports every figure of the JSON contract", async () => {
    const result = await runBench({
      events: 5_000,
      memory: true,
      customers: 500,
      managers: 2,
      incrementalEvents: 1_000,
      incrementalSamples: 3,
      reads: 20,
      rawReads: 5,
    });
    for (const field of contract) expect(result).toHaveProperty(field);
    const json = JSON.parse(JSON.stringify(result)) as Record<string, unknown>;
    expect(Object.keys(json).slice(0, contract.length)).toEqual(contract);
    expect(result).toMatchObject({
      database: "pglite",
      events: 5_000,
      customers: 500,
      incremental_events: 1_000,
      ingest_rejected: 0,
      read_mismatches: 0,
      scorecard_goals: 96,
      scorecard_mismatches: 0,
    });
    for (const field of [
      "scorecard_p95_ms",
      "scorecard_raw_p95_ms",
      "company_scorecard_p95_ms",
      "breakdown_p95_ms",
      "pyramid_p95_ms",
      "pyramid_raw_p95_ms",
      "problems_p95_ms",
      "value_changes_p95_ms",
      "customer_search_p95_ms",
      "proposals_10k_ms",
      "copy_rows_per_s",
      "ingest_events_per_s",
      "raw_groupby_s",
      "read_p50_ms",
      "read_p95_ms",
      "raw_read_p95_ms",
      "rss_mb",
    ] as const) {
      expect(result[field]).toBeGreaterThan(0);
      expect(Number.isFinite(result[field])).toBe(true);
    }
    expect(result.read_p95_ms).toBeGreaterThanOrEqual(result.read_p50_ms);
    // Three batches of new events; the figure is their median.
    expect(result.incremental_rollup_samples_ms).toHaveLength(3);
    expect(result.incremental_rollup_ms).toBe(median(result.incremental_rollup_samples_ms));
    expect(result.full_rollup_s).toBeGreaterThan(0);
    expect(formatReport(result)).toMatch(/\(e\) metric read p95, HTTP/);
    expect(formatReport(result)).toMatch(/\(f\) department scorecard p95, HTTP/);
    expect(formatReport(result)).toMatch(/\(g\) value pyramid for a date p95, HTTP/);
    expect(formatReport(result)).toMatch(/^pglite, 5,000 events over 500 customers/);
  });
});
