/** The eight departments created on first start (SPEC §2). */
export const departmentKeys = [
  "marketing",
  "sales",
  "customer_service",
  "rnd",
  "production",
  "procurement",
  "quality",
  "hr",
] as const;

export type DepartmentKey = (typeof departmentKeys)[number];
