import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { metricCatalog } from "./catalog";
import { MetricQueryError } from "./errors";
import { metricSeries, metricValue } from "./series";
import { MANAGER_A, ensureRollups, insertEvents } from "./test-support";
import type { MetricScope } from "./definition";
import { randomDataSet } from "./reference-model";

/*
 * metricValue reads a range as one period. Where the range is one whole period of some grain, it
 * must equal that period's point of metricSeries, for every metric (distinct counts and ratios
 * included); for any range, an additive metric equals the sum of its days.
 */
describe.each(testDialects())("metricValue on $kind", (dialect) => {
  let t: TestDatabase;
  const { events, tiers } = randomDataSet(20260101, [MANAGER_A]);
  const settings = {
    timeZone: "Europe/Berlin",
    churnDays: 20,
    complaintSlaHours: 24,
    now: new Date("2026-03-20T00:00:00Z"),
  };

  beforeAll(async () => {
    t = await dialect.create();
    await insertEvents(t.db, events);
    await t.db
      .insertInto("customer_tier_changes")
      .values(
        tiers.map((x) => ({ customer_id: x.customer, changed_at: x.at, from_tier: x.from, to_tier: x.to })),
      )
      .execute();
  });
  afterAll(async () => {
    await t.drop();
  });

  for (const rollups of [false, true]) {
    it(`equals the one period of a whole month or quarter for every metric (${rollups ? "rollups" : "raw events"})`, async () => {
      if (rollups) await ensureRollups(t.db, settings.timeZone);
      const scopes: MetricScope[] = [{}, { department: "sales" }, { accountManagerId: MANAGER_A }];
      const ranges = [
        { from: "2026-02-01", to: "2026-03-01", grain: "month" as const },
        { from: "2026-01-01", to: "2026-04-01", grain: "quarter" as const },
      ];
      let nonZero = 0;
      for (const scope of scopes) {
        for (const range of ranges) {
          for (const metric of metricCatalog) {
            const query = { metric: metric.key, from: range.from, to: range.to, ...scope };
            const series = await metricSeries(t.db, { ...query, grain: range.grain }, settings, { rollups });
            const value = await metricValue(t.db, query, settings, { rollups });
            const where = `${metric.key} ${JSON.stringify(scope)} ${range.grain}`;
            expect(series.points, where).toHaveLength(1);
            const expected = series.points[0]!.value;
            if (expected === null) expect(value.value, where).toBeNull();
            else expect(value.value, where).toBeCloseTo(expected, 9);
            if (expected) nonZero++;
          }
        }
      }
      expect(nonZero).toBeGreaterThan(60);
    });
  }

  it("equals the sum of its days for an additive metric over any range", async () => {
    for (const metric of metricCatalog.filter((m) => m.additive)) {
      const query = { metric: metric.key, from: "2026-01-10", to: "2026-03-17" };
      const days = await metricSeries(t.db, { ...query, grain: "day" }, settings);
      const sum = days.points.reduce((total, p) => total + (p.value ?? 0), 0);
      expect((await metricValue(t.db, query, settings)).value, metric.key).toBeCloseTo(sum, 6);
    }
  });

  it("counts a distinct customer once over the whole range, not once per period", async () => {
    const query = { metric: "active_customers", from: "2026-01-01", to: "2026-04-01" };
    const months = await metricSeries(t.db, { ...query, grain: "month" }, settings);
    const whole = (await metricValue(t.db, query, settings)).value ?? 0;
    const monthly = months.points.map((p) => p.value ?? 0);
    expect(whole).toBeGreaterThanOrEqual(Math.max(...monthly));
    expect(whole).toBeLessThan(monthly.reduce((a, b) => a + b, 0));
  });

  it("refuses an empty range, naming the field", async () => {
    await expect(
      metricValue(t.db, { metric: "revenue", from: "2026-02-01", to: "2026-02-01" }, settings),
    ).rejects.toThrow(MetricQueryError);
  });
});
