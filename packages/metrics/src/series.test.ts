import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql, type KyselyPlugin } from "kysely";
import { testDialects, type TestDatabase } from "@retain/db/testing";
import { metricCatalog } from "./catalog";
import { MetricQueryError } from "./errors";
import { metricSeries, type MetricSeriesQuery } from "./series";
import { MANAGER_A, MANAGER_B, defaultSettings, ensureRollups, insertEvents, valuesOf } from "./test-support";
import type { MetricScope, MetricSettings } from "./definition";
import { periodsBetween } from "./periods";
import { randomDataSet, referenceValues } from "./reference-model";

describe.each(testDialects())("metricSeries on $kind", (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await dialect.create();
  });
  afterAll(async () => {
    await t.drop();
  });

  describe("shape and validation", () => {
    beforeAll(async () => {
      await insertEvents(t.db, [
        // Around the spring DST change in Berlin (29 March 2026, a 23-hour day).
        { type: "order", at: "2026-03-28T22:59:00Z", amount: "1.00" }, // 28 March 23:59 CET
        { type: "order", at: "2026-03-28T23:30:00Z", amount: "2.00" }, // 29 March 00:30 CET
        { type: "order", at: "2026-03-29T21:59:00Z", amount: "4.00" }, // 29 March 23:59 CEST
        { type: "order", at: "2026-03-29T22:00:00Z", amount: "8.00" }, // 30 March 00:00 CEST
      ]);
    });

    it("answers one point per intersecting period, in order, each covering its whole period", async () => {
      const series = await metricSeries(
        t.db,
        { metric: "revenue", from: "2026-02-15", to: "2026-04-02", grain: "month" },
        defaultSettings,
      );
      expect(series).toEqual({
        metric: "revenue",
        unit: "money",
        grain: "month",
        points: [
          { period: "2026-02", value: 0 },
          { period: "2026-03", value: 15 },
          { period: "2026-04", value: 0 },
        ],
      });
      const ratio = await metricSeries(
        t.db,
        { metric: "avg_order_value", from: "2026-02-15", to: "2026-04-02", grain: "month" },
        defaultSettings,
      );
      expect(ratio.points.map((p) => p.value)).toEqual([null, 3.75, null]);
    });

    it("cuts days at local midnight across the DST change", async () => {
      expect(
        await valuesOf(t.db, "revenue", "2026-03-28", "2026-03-31", {
          grain: "day",
          timeZone: "Europe/Berlin",
        }),
      ).toEqual({
        "2026-03-28": 1,
        "2026-03-29": 6,
        "2026-03-30": 8,
      });
      expect(await valuesOf(t.db, "revenue", "2026-03-28", "2026-03-31", { grain: "day" })).toEqual({
        "2026-03-28": 3,
        "2026-03-29": 12,
        "2026-03-30": 0,
      });
    });

    it("rejects invalid queries and settings with the field at fault", async () => {
      const query: MetricSeriesQuery = {
        metric: "revenue",
        from: "2026-01-01",
        to: "2026-02-01",
        grain: "month",
      };
      const fieldOf = async (q: Partial<MetricSeriesQuery>, s: Partial<MetricSettings> = {}) => {
        try {
          await metricSeries(t.db, { ...query, ...q }, { ...defaultSettings, ...s });
        } catch (error) {
          if (error instanceof MetricQueryError) return error.field;
          throw error;
        }
        return undefined;
      };
      expect(await fieldOf({})).toBeUndefined();
      expect(await fieldOf({ metric: "profit" })).toBe("metric");
      expect(await fieldOf({ from: "2026-02-01" })).toBe("to");
      expect(await fieldOf({ from: "01/01/2026" })).toBe("from");
      expect(await fieldOf({ to: "2026-02-31" })).toBe("to");
      expect(await fieldOf({ grain: "hour" as never })).toBe("grain");
      expect(await fieldOf({ accountManagerId: "manager@example.com" })).toBe("accountManagerId");
      expect(await fieldOf({ department: "" })).toBe("department");
      expect(await fieldOf({ customerId: "" })).toBe("customerId");
      expect(await fieldOf({}, { timeZone: "Europe/Nowhere" })).toBe("timeZone");
      expect(await fieldOf({}, { churnDays: 0 })).toBe("churnDays");
      expect(await fieldOf({}, { churnDays: 1.5 })).toBe("churnDays");
      expect(await fieldOf({}, { complaintSlaHours: -1 })).toBe("complaintSlaHours");
      expect(await fieldOf({}, { now: new Date("nonsense") })).toBe("now");
      await expect(metricSeries(t.db, { ...query, metric: "profit" }, defaultSettings)).rejects.toThrow(
        'unknown metric "profit"',
      );
    });

    it("computes every metric with a single SQL statement, whatever the number of periods", async () => {
      let statements = 0;
      const counter: KyselyPlugin = {
        transformQuery: (args) => {
          statements++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const db = t.db.withPlugin(counter);
      for (const metric of metricCatalog) {
        statements = 0;
        const series = await metricSeries(
          db,
          { metric: metric.key, from: "2025-01-01", to: "2027-01-01", grain: "week", customerId: "c1" },
          defaultSettings,
        );
        expect(series.points).toHaveLength(105);
        expect(statements, metric.key).toBe(1);
      }
      // The same from the rollups (the zone check is part of the statement).
      await ensureRollups(t.db, defaultSettings.timeZone);
      for (const metric of metricCatalog) {
        for (const scope of [{ department: "sales" }, { accountManagerId: MANAGER_A }]) {
          statements = 0;
          await metricSeries(
            db,
            { metric: metric.key, from: "2025-01-01", to: "2027-01-01", grain: "week", ...scope },
            defaultSettings,
          );
          expect(statements, metric.key).toBe(1);
        }
      }
    });

    it("reads event-local metrics from the rollups, and raw events when the zone or scope needs it", async () => {
      await ensureRollups(t.db, "UTC");
      const revenue = (settings: Partial<MetricSettings> = {}, query: Partial<MetricSeriesQuery> = {}) =>
        metricSeries(
          t.db,
          { metric: "revenue", from: "2026-03-01", to: "2026-04-01", grain: "month", ...query },
          { ...defaultSettings, ...settings },
        ).then((s) => s.points[0]?.value);
      expect(await revenue()).toBe(15);
      // Tampering with the rollups shows which path answers.
      await sql`update rollup_department_daily set revenue = revenue + 100 where day = '2026-03-28'`.execute(
        t.db,
      );
      try {
        expect(await revenue()).toBe(115);
        expect(await revenue({}, { department: "sales" })).toBe(115);
        expect(await revenue({ timeZone: "Europe/Berlin" })).toBe(15); // built in UTC: raw events
        expect(await revenue({}, { customerId: "c1" })).toBe(15); // per customer: raw events
        expect(
          (
            await metricSeries(
              t.db,
              { metric: "revenue", from: "2026-03-01", to: "2026-04-01", grain: "month" },
              defaultSettings,
              { rollups: false },
            )
          ).points[0]?.value,
        ).toBe(15);
        // Whichever zone the rollups say they are cut in is the one they answer for.
        await sql`update settings set value = '"Europe/Berlin"' where key = 'rollupTimeZone'`.execute(t.db);
        expect(await revenue({ timeZone: "Europe/Berlin" })).toBe(115);
        expect(await revenue()).toBe(15);
      } finally {
        await sql`update settings set value = '"UTC"' where key = 'rollupTimeZone'`.execute(t.db);
        await sql`update rollup_department_daily set revenue = revenue - 100 where day = '2026-03-28'`.execute(
          t.db,
        );
      }
    });

    it("takes the current time as now by default", async () => {
      await insertEvents(t.db, [
        { type: "order", customer: "old", at: "2020-01-01T00:00:00Z", amount: "1.00" },
        {
          type: "order",
          customer: "recent",
          at: new Date(Date.now() - 86_400_000).toISOString(),
          amount: "1.00",
        },
      ]);
      const { now: _now, ...settings } = defaultSettings;
      const churned = async (customerId: string) => {
        const series = await metricSeries(
          t.db,
          { metric: "churned_customers", from: "2020-01-01", to: "2040-01-01", grain: "year", customerId },
          settings,
        );
        return series.points.reduce((sum, p) => sum + (p.value ?? 0), 0);
      };
      expect(await churned("old")).toBe(1);
      expect(await churned("recent")).toBe(0);
    });
  });

  describe("on a random data set", () => {
    const { events, tiers } = randomDataSet(20260101, [MANAGER_A, MANAGER_B]);
    beforeAll(async () => {
      await t.db.deleteFrom("events").execute();
      await insertEvents(t.db, events);
      await t.db
        .insertInto("customer_tier_changes")
        .values(
          tiers.map((x) => ({ customer_id: x.customer, changed_at: x.at, from_tier: x.from, to_tier: x.to })),
        )
        .execute();
    });

    const cents = (values: (number | null)[]) =>
      Math.round(values.reduce<number>((sum, v) => sum + (v ?? 0), 0) * 100);

    it("match the reference model for every event metric, filter and zone", async () => {
      const settings = { churnDays: 20, complaintSlaHours: 24, now: new Date("2026-03-20T00:00:00Z") };
      const scopes: MetricScope[] = [
        {},
        { department: "sales" },
        { department: "customer_service" },
        { accountManagerId: MANAGER_A },
        { customerId: "c3" },
        { department: "marketing", accountManagerId: MANAGER_B },
      ];
      const runs = [
        ...["UTC", "America/New_York"].flatMap((timeZone) =>
          scopes.map((scope) => ({ scope, timeZone, grain: "month" as const })),
        ),
        { scope: {}, timeZone: "Europe/Berlin", grain: "week" as const },
      ];
      let compared = 0;
      // Zone outermost: the rollups are rebuilt when the zone changes.
      for (const { scope, timeZone, grain } of runs) {
        for (const metric of metricCatalog.filter((m) => !m.key.startsWith("tier_"))) {
          const periods = periodsBetween("2025-12-01", "2026-05-01", grain, timeZone);
          const expected = referenceValues(events, metric.key, periods, {
            grain,
            timeZone,
            scope,
            ...settings,
          });
          const actual = await valuesOf(t.db, metric.key, "2025-12-01", "2026-05-01", {
            grain,
            timeZone,
            ...scope,
            ...settings,
          });
          const where = `${metric.key} ${JSON.stringify(scope)} ${timeZone} ${grain}`;
          expect(Object.keys(actual), where).toEqual(Object.keys(expected));
          for (const [label, value] of Object.entries(expected)) {
            if (value === null) expect(actual[label], `${where} ${label}`).toBeNull();
            else expect(actual[label], `${where} ${label}`).toBeCloseTo(value, 9);
            if (value !== null && value !== 0) compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });

    it("sum up: days → month → quarter, in a zone with DST", async () => {
      const options = { timeZone: "Europe/Berlin", churnDays: 20 };
      for (const metric of metricCatalog.filter((m) => m.additive)) {
        const days = Object.values(
          await valuesOf(t.db, metric.key, "2026-03-01", "2026-04-01", { ...options, grain: "day" }),
        );
        const months = await valuesOf(t.db, metric.key, "2026-01-01", "2026-04-01", {
          ...options,
          grain: "month",
        });
        const quarter = await valuesOf(t.db, metric.key, "2026-01-01", "2026-04-01", {
          ...options,
          grain: "quarter",
        });
        expect(days, metric.key).toHaveLength(31);
        expect(cents(days), metric.key).toBe(cents([months["2026-03"] ?? null]));
        expect(cents(Object.values(months)), metric.key).toBe(cents([quarter["2026-Q1"] ?? null]));
        expect(quarter["2026-Q1"], metric.key).toBeGreaterThan(0);
      }
    });

    it("split up by department add up to the total for event counts and sums", async () => {
      const departments = [
        "sales",
        "marketing",
        "quality",
        "customer_service",
        "rnd",
        "production",
        "procurement",
        "hr",
      ];
      for (const key of ["revenue", "orders", "complaints", "training_hours", "visits"]) {
        const total = await valuesOf(t.db, key, "2026-01-01", "2026-04-01", { grain: "quarter" });
        let parts = 0;
        for (const department of departments) {
          parts += cents([
            (await valuesOf(t.db, key, "2026-01-01", "2026-04-01", { grain: "quarter", department }))[
              "2026-Q1"
            ] ?? null,
          ]);
        }
        expect(parts, key).toBe(cents([total["2026-Q1"] ?? null]));
      }
    });

    it("keeps rates within their bounds", async () => {
      for (const metric of metricCatalog.filter((m) => m.unit === "percent" && m.key !== "defect_rate")) {
        const values = await valuesOf(t.db, metric.key, "2026-01-01", "2026-04-01");
        for (const v of Object.values(values)) {
          expect(v, metric.key).not.toBeNull();
          expect(v!, metric.key).toBeGreaterThanOrEqual(0);
          expect(v!, metric.key).toBeLessThanOrEqual(100);
        }
      }
      for (const v of Object.values(await valuesOf(t.db, "nps", "2026-01-01", "2026-04-01"))) {
        expect(Math.abs(v!)).toBeLessThanOrEqual(100);
      }
      for (const key of ["complaint_resolution_hours", "service_resolution_hours"]) {
        for (const v of Object.values(await valuesOf(t.db, key, "2026-01-01", "2026-04-01"))) {
          expect(v, key).toBeGreaterThan(0);
          expect(v!, key).toBeLessThanOrEqual(100);
        }
      }
    });
  });
});
