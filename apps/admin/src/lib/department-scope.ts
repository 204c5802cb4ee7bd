// Which slice of the company the overview shows (SPEC §7): admins and viewers
// choose the company or any department; a department head the company-wide
// totals or their own department (their own by default); an account manager
// always sees their own KPIs, which the server enforces.
import type { Role } from "./roles";

export type Department = { key: string; name: string };
export type ScopeUser = { role: Role; department: string | null };

/** The URL value for company-wide totals, where a department head's default is their department. */
export const COMPANY = "company";

export type OverviewScope =
  | { kind: "mine" }
  | { kind: "company"; options: ScopeOption[] }
  | { kind: "department"; department: Department; options: ScopeOption[] };
export type ScopeOption = { value: string; label: string };

export function scopeOptions(user: ScopeUser, departments: readonly Department[]): ScopeOption[] {
  const company = { value: COMPANY, label: "Company" };
  const visible =
    user.role === "department_head" ? departments.filter((d) => d.key === user.department) : departments;
  return [company, ...visible.map((d) => ({ value: d.key, label: d.name }))];
}

/** The scope for the `department` URL param; unknown or forbidden values fall back to the role's default. */
export function resolveScope(user: ScopeUser, param: string | null, departments: readonly Department[]): OverviewScope {
  if (user.role === "account_manager") return { kind: "mine" };
  const options = scopeOptions(user, departments);
  const fallback = user.role === "department_head" ? (user.department ?? COMPANY) : COMPANY;
  const wanted = param && options.some((o) => o.value === param) ? param : fallback;
  const department = departments.find((d) => d.key === wanted);
  if (wanted === COMPANY || !department) return { kind: "company", options };
  return { kind: "department", department, options };
}

/** The value to write to the URL: null when it is the role's default. */
export function scopeParam(user: ScopeUser, value: string): string | null {
  const fallback = user.role === "department_head" ? (user.department ?? COMPANY) : COMPANY;
  return value === fallback ? null : value;
}

/** The filter for `metrics.series`. */
export function scopeFilter(scope: OverviewScope): { department?: string } {
  return scope.kind === "department" ? { department: scope.department.key } : {};
}

export function scopeTitle(scope: OverviewScope): string {
  switch (scope.kind) {
    case "mine":
      return "My KPIs";
    case "company":
      return "Company overview";
    case "department":
      return `${scope.department.name} department`;
  }
}
