import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { breakdownDimensions, metricBreakdown, type BreakdownBy } from "./breakdown";
import { getMetric, metricCatalog } from "./catalog";
import type { MetricScope } from "./definition";
import { MetricQueryError } from "./errors";
import { metricSeries } from "./series";
import { MANAGER_A, MANAGER_B, defaultSettings, ensureRollups, insertEvents } from "./test-support";
import { randomDataSet } from "./reference-model";

const settings = { ...defaultSettings, churnDays: 20, now: new Date("2026-03-20T00:00:00Z") };
const cents = (v: number | null) => Math.round((v ?? 0) * 100);

describe.each(testDialects())("metricBreakdown on $kind", (dialect) => {
  let t: TestDatabase;
  const { events, tiers } = randomDataSet(20261204, [MANAGER_A, MANAGER_B]);

  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, events);
    await t.db
      .insertInto("customer_tier_changes")
      .values(
        tiers.map((x) => ({ customer_id: x.customer, changed_at: x.at, from_tier: x.from, to_tier: x.to })),
      )
      .execute();
    await ensureRollups(t.db, "UTC");
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** The metric read with `scope`, over [from, to) as one period of `grain`. */
  const read = async (
    metric: string,
    from: string,
    to: string,
    scope: MetricScope,
    grain: "month" | "day",
  ) => {
    const series = await metricSeries(t.db, { metric, from, to, grain, ...scope }, settings);
    return grain === "month"
      ? (series.points[0]?.value ?? null)
      : series.points.reduce((s, p) => s + cents(p.value), 0) / 100;
  };
  const filterOf = (by: BreakdownBy, key: string): MetricScope =>
    by === "department"
      ? { department: key }
      : by === "accountManager"
        ? { accountManagerId: key }
        : { customerId: key };

  const grouped = metricCatalog.filter(
    (m) => m.additive || m.key === "active_customers" || m.key === "campaign_reach",
  );

  it.each(grouped.map((m) => [m.key, m.additive]))(
    "%s: every row is the metric read with that part, and the rows add up to the total",
    async (metric, additive) => {
      for (const [from, to, grain] of [
        ["2026-02-01", "2026-03-01", "month"],
        ...(additive ? ([["2026-01-10", "2026-03-05", "day"]] as const) : []),
      ] as const) {
        for (const scope of [{}, { department: "sales" }] as MetricScope[]) {
          for (const by of breakdownDimensions) {
            const result = await metricBreakdown(
              t.db,
              { metric, from, to, by, limit: 500, ...scope },
              settings,
            );
            const label = `${metric} by ${by} ${from}..${to} ${JSON.stringify(scope)}`;
            expect(result.total, label).toBe(await read(metric, from, to, scope, grain));
            const sum = result.rows.reduce((s, r) => s + cents(r.value), 0);
            // Training has no customer: by customer its hours are nobody's.
            const nobody = metric === "training_hours" && by === "customer";
            // A customer's first order ever in a department's scope and in another's: new in both.
            // A distinct count: a customer of two managers or departments counts in both.
            const perScope = (metric === "new_customers" || !additive) && by !== "customer";
            if (!nobody && !perScope) expect(sum, label).toBe(cents(result.total));
            if (perScope) expect(sum, label).toBeGreaterThanOrEqual(cents(result.total));
            for (const row of result.rows) {
              expect(row.share, label).toBe(
                additive && result.total ? (row.value ?? 0) / result.total : null,
              );
              if (row.key === null) continue;
              expect(row.value, `${label} ${row.key}`).toBe(
                await read(metric, from, to, { ...scope, ...filterOf(by, row.key) }, grain),
              );
            }
            const values = result.rows.map((r) => r.value ?? 0);
            expect(values, label).toEqual([...values].sort((a, b) => b - a));
          }
        }
      }
    },
  );

  it.each([["active_customers"], ["churned_customers"], ["campaign_reach"], ["tier_upgrades"]])(
    "%s (distinct customers): read part by part, one customer counts once, so the customers add up to the total",
    async (metric) => {
      const result = await metricBreakdown(
        t.db,
        { metric, from: "2026-01-01", to: "2026-04-01", by: "customer", limit: 500 },
        { ...settings, now: new Date("2026-06-01T00:00:00Z") },
      );
      expect(result.total).toBeGreaterThan(0);
      expect(result.rows.every((r) => r.value === 1 && r.share === null)).toBe(true);
      expect(result.rows.length).toBe(result.total);
    },
  );

  const readPartByPart = metricCatalog.filter(
    (m) => !(m.additive || m.key === "active_customers" || m.key === "campaign_reach"),
  );

  it.each(readPartByPart.map((m) => [m.key]))(
    "%s: by customer, every customer with a value is found and has the metric read's value",
    async (metric) => {
      const lateSettings = { ...settings, now: new Date("2026-06-01T00:00:00Z") };
      for (const scope of [{}, { department: "sales" }] as MetricScope[]) {
        const result = await metricBreakdown(
          t.db,
          { metric, from: "2026-01-01", to: "2026-04-01", by: "customer", limit: 500, ...scope },
          lateSettings,
        );
        const expected: { key: string; value: number }[] = [];
        for (let i = 1; i <= 25; i++) {
          const series = await metricSeries(
            t.db,
            { metric, from: "2026-01-01", to: "2026-04-01", grain: "quarter", customerId: `c${i}`, ...scope },
            lateSettings,
          );
          const value = series.points[0]?.value ?? null;
          if (value !== null && !(value === 0 && getMetric(metric)?.unit === "count"))
            expected.push({ key: `c${i}`, value });
        }
        expected.sort((a, b) => b.value - a.value || a.key.localeCompare(b.key));
        expect(
          result.rows.map((r) => ({ key: r.key, value: r.value })),
          `${metric} ${JSON.stringify(scope)}`,
        ).toEqual(expected);
      }
    },
  );

  it("reads a rate per department exactly as the metric read with that department", async () => {
    const result = await metricBreakdown(
      t.db,
      { metric: "csat", from: "2026-01-01", to: "2026-04-01", by: "department" },
      settings,
    );
    expect(result.rows.length).toBeGreaterThan(0);
    for (const row of result.rows) {
      const series = await metricSeries(
        t.db,
        { metric: "csat", from: "2026-01-01", to: "2026-04-01", grain: "quarter", department: row.key! },
        settings,
      );
      expect(row.value).toBe(series.points[0]?.value);
      expect(row.share).toBeNull();
    }
  });

  it("refuses a non-additive metric over a range that is not one period, and bad input, naming the field", async () => {
    const refused = async (query: Parameters<typeof metricBreakdown>[1]) => {
      try {
        await metricBreakdown(t.db, query, settings);
      } catch (error) {
        if (error instanceof MetricQueryError) return error.field;
        throw error;
      }
      return "accepted";
    };
    expect(await refused({ metric: "csat", from: "2026-01-10", to: "2026-02-10", by: "customer" })).toBe(
      "to",
    );
    expect(await refused({ metric: "csat", from: "2026-01-05", to: "2026-01-12", by: "customer" })).toBe(
      "accepted",
    ); // an ISO week
    expect(await refused({ metric: "nope", from: "2026-01-01", to: "2026-02-01", by: "customer" })).toBe(
      "metric",
    );
    expect(await refused({ metric: "orders", from: "2026-02-01", to: "2026-01-01", by: "customer" })).toBe(
      "to",
    );
    expect(
      await refused({ metric: "orders", from: "2026-01-01", to: "2026-02-01", by: "region" as BreakdownBy }),
    ).toBe("by");
    expect(
      await refused({ metric: "orders", from: "2026-01-01", to: "2026-02-01", by: "customer", limit: 0 }),
    ).toBe("limit");
  });
});
