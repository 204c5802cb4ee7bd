import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { metricCatalog } from "./catalog";
import { insertEvents, resetData, valuesOf, type MetricCases } from "./test-support";

/*
 * Runs the hand-made cases of every metric (definitions/<key>.cases.ts) on each dialect.
 * One database per dialect for all metrics: starting PGlite costs seconds, a metric's cases milliseconds.
 */

function casesFile(key: string): string {
  return `./definitions/${key.replaceAll("_", "-")}.cases.ts`;
}

function isMetricCases(value: unknown): value is MetricCases {
  return typeof value === "object" && value !== null && "events" in value && "tests" in value;
}

const suites = await Promise.all(
  metricCatalog.map(async (metric) => {
    const module: unknown = await import(new URL(casesFile(metric.key), import.meta.url).href).catch(
      () => undefined,
    );
    const cases =
      typeof module === "object" && module !== null && "cases" in module ? module.cases : undefined;
    return { key: metric.key, cases: isMetricCases(cases) ? cases : undefined };
  }),
);

describe.each(testDialects())("metric definitions on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
  });
  afterAll(async () => {
    await t.drop();
  });

  for (const { key, cases } of suites) {
    describe(key, () => {
      it("has hand-made cases", () => {
        expect(cases, `${casesFile(key)} must export \`cases\``).toBeDefined();
        expect(Object.keys(cases?.tests ?? {}).length).toBeGreaterThan(0);
      });
      if (!cases) return;
      beforeAll(async () => {
        await resetData(t.db);
        await insertEvents(t.db, cases.events);
        await cases.seed?.(t.db);
      });
      for (const [name, test] of Object.entries(cases.tests)) {
        it(name, () => test((from, to, options) => valuesOf(t.db, key, from, to, options), t.db));
      }
    });
  }
});
