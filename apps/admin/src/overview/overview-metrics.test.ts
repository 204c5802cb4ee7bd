import { describe, expect, it } from "vitest";
import { defaultMetricKeys, metricGroups, overviewMetrics, type CatalogMetric } from "./overview-metrics";

const CATALOG: (CatalogMetric & { name: string })[] = [
  { key: "revenue", unit: "money", department: "sales", name: "Revenue" },
  { key: "orders", unit: "count", department: "sales", name: "Orders" },
  { key: "active_customers", unit: "count", department: "sales", name: "Active customers" },
  { key: "complaints", unit: "count", department: "customer_service", name: "Complaints" },
  { key: "csat", unit: "percent", department: "customer_service", name: "CSAT" },
  { key: "defect_rate", unit: "percent", department: "quality", name: "Defect rate" },
];

describe("the overview's metrics", () => {
  it("opens a department head's overview on their department's home metrics", () => {
    expect(defaultMetricKeys({ role: "department_head", department: "quality" }, CATALOG)).toEqual([
      "defect_rate",
    ]);
    expect(defaultMetricKeys({ role: "department_head", department: "customer_service" }, CATALOG)).toEqual([
      "complaints",
      "csat",
    ]);
  });

  it("gives everyone else the company's headline figures", () => {
    for (const role of ["admin", "viewer", "account_manager"] as const) {
      expect(defaultMetricKeys({ role, department: null }, CATALOG)).toEqual([
        "revenue",
        "orders",
        "active_customers",
        "complaints",
      ]);
    }
    // A department without home metrics falls back to them too.
    expect(defaultMetricKeys({ role: "department_head", department: "legal" }, CATALOG)).toHaveLength(4);
  });

  it("shows a user's own choice in their order, leaving out what the catalog no longer has", () => {
    const user = { role: "viewer" as const, department: null };
    expect(overviewMetrics(["csat", "gone", "revenue"], user, CATALOG)).toEqual([
      { key: "csat", chart: "line" },
      { key: "revenue", chart: "area" },
    ]);
    expect(overviewMetrics(["gone"], user, CATALOG).map((m) => m.key)).toEqual([
      "revenue",
      "orders",
      "active_customers",
      "complaints",
    ]);
  });

  it("groups the whole catalog by department for the picker", () => {
    const groups = metricGroups(CATALOG, (key) => key.toUpperCase());
    expect(groups.map((g) => g.group)).toEqual(["SALES", "CUSTOMER_SERVICE", "QUALITY"]);
    expect(groups.flatMap((g) => g.items).length).toBe(CATALOG.length);
  });
});
