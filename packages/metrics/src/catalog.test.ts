import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getMetric, isMetricKey, listMetrics, metricCatalog } from "./catalog";
import { emptyValue } from "./definition";

// SPEC §5, row by row: key, unit, better, home department.
const SPEC_TABLE = [
  ["revenue", "money", "higher", "sales"],
  ["orders", "count", "higher", "sales"],
  ["avg_order_value", "money", "higher", "sales"],
  ["active_customers", "count", "higher", "sales"],
  ["new_customers", "count", "higher", "sales"],
  ["churned_customers", "count", "lower", "sales"],
  ["purchase_frequency", "ratio", "higher", "sales"],
  ["payments_collected", "money", "higher", "sales"],
  ["on_time_payment_rate", "percent", "higher", "sales"],
  ["win_rate", "percent", "higher", "sales"],
  ["visits", "count", "higher", "sales"],
  ["campaign_reach", "count", "higher", "marketing"],
  ["campaign_conversion_rate", "percent", "higher", "marketing"],
  ["complaints", "count", "lower", "customer_service"],
  ["complaint_resolution_hours", "hours", "lower", "customer_service"],
  ["complaints_within_sla_rate", "percent", "higher", "customer_service"],
  ["follow_up_rate", "percent", "higher", "customer_service"],
  ["praise", "count", "higher", "customer_service"],
  ["csat", "percent", "higher", "customer_service"],
  ["nps", "score", "higher", "customer_service"],
  ["service_resolution_hours", "hours", "lower", "customer_service"],
  ["feedback_items", "count", "higher", "rnd"],
  ["on_time_delivery_rate", "percent", "higher", "production"],
  ["supplier_issues", "count", "lower", "procurement"],
  ["defect_rate", "percent", "lower", "quality"],
  ["training_hours", "hours", "higher", "hr"],
  ["tier_upgrades", "count", "higher", "sales"],
  ["tier_downgrades", "count", "lower", "sales"],
] as const;

const ADDITIVE = [
  "revenue",
  "orders",
  "payments_collected",
  "visits",
  "complaints",
  "praise",
  "feedback_items",
  "supplier_issues",
  "training_hours",
  "new_customers",
];

describe("metricCatalog", () => {
  it("holds every metric of the specification, in its order, with its unit, direction and home", () => {
    expect(metricCatalog.map((m) => [m.key, m.unit, m.direction, m.department])).toEqual(SPEC_TABLE);
  });

  it("marks plain sums and counts of events as additive", () => {
    expect(
      metricCatalog
        .filter((m) => m.additive)
        .map((m) => m.key)
        .sort(),
    ).toEqual([...ADDITIVE].sort());
  });

  it("gives every metric a name and a description", () => {
    for (const m of metricCatalog) {
      expect(m.name.length, m.key).toBeGreaterThan(2);
      expect(m.description.length, m.key).toBeGreaterThan(10);
    }
  });

  it("keeps one file per metric, with its cases beside it", () => {
    for (const m of metricCatalog) {
      const base = new URL(`./definitions/${m.key.replaceAll("_", "-")}`, import.meta.url);
      expect(existsSync(new URL(`${base.href}.ts`)), `${m.key}.ts`).toBe(true);
      expect(existsSync(new URL(`${base.href}.cases.ts`)), `${m.key}.cases.ts`).toBe(true);
    }
  });

  it("finds metrics by key", () => {
    expect(getMetric("nps")?.name).toBe("Net promoter score (NPS)");
    expect(getMetric("nope")).toBeUndefined();
    expect(getMetric("toString")).toBeUndefined();
    expect(isMetricKey("win_rate")).toBe(true);
    expect(isMetricKey("WIN_RATE")).toBe(false);
  });

  it("lists the catalog without computations", () => {
    const list = listMetrics();
    expect(list.map((m) => m.key)).toEqual(SPEC_TABLE.map((row) => row[0]));
    expect(list[0]).toEqual({
      key: "revenue",
      name: "Revenue",
      unit: "money",
      direction: "higher",
      department: "sales",
      description: "Sum of the amounts of orders.",
      additive: true,
    });
    expect(list.some((m) => "compute" in m)).toBe(false);
  });

  it("says 0 for empty counts and sums, null for empty ratios and means", () => {
    const empty = Object.fromEntries(metricCatalog.map((m) => [m.key, emptyValue(m)]));
    expect(empty).toMatchObject({
      revenue: 0,
      active_customers: 0,
      campaign_reach: 0,
      training_hours: 0,
      avg_order_value: null,
      purchase_frequency: null,
      complaint_resolution_hours: null,
      nps: null,
      defect_rate: null,
    });
  });
});
