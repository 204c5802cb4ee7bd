import { describe, expect, it } from "vitest";
import { resolveScope, scopeFilter, scopeParam, scopeTitle } from "./department-scope";

const departments = [
  { key: "sales", name: "Sales" },
  { key: "support", name: "Support" },
];
const admin = { role: "admin" as const, department: null };
const head = { role: "department_head" as const, department: "sales" };
const manager = { role: "account_manager" as const, department: "sales" };

describe("overview scope by role", () => {
  it("lets admins and viewers choose the company or any department", () => {
    const scope = resolveScope(admin, null, departments);
    expect(scope.kind).toBe("company");
    expect(scopeTitle(scope)).toBe("Company overview");
    expect(scope.kind !== "mine" && scope.options.map((o) => o.label)).toEqual(["Company", "Sales", "Support"]);
    const support = resolveScope({ role: "viewer", department: null }, "support", departments);
    expect(scopeTitle(support)).toBe("Support department");
    expect(scopeFilter(support)).toEqual({ department: "support" });
  });

  it("gives a department head the company and their own department, their own by default", () => {
    const own = resolveScope(head, null, departments);
    expect(scopeTitle(own)).toBe("Sales department");
    expect(own.kind !== "mine" && own.options.map((o) => o.label)).toEqual(["Company", "Sales"]);
    expect(scopeFilter(resolveScope(head, "company", departments))).toEqual({});
    // Another department in a link: back to their own, never a request the server refuses.
    expect(scopeFilter(resolveScope(head, "support", departments))).toEqual({ department: "sales" });
  });

  it("shows account managers their own KPIs without a choice", () => {
    const scope = resolveScope(manager, "support", departments);
    expect(scope).toEqual({ kind: "mine" });
    expect(scopeTitle(scope)).toBe("My KPIs");
    expect(scopeFilter(scope)).toEqual({});
  });

  it("keeps the role's default out of the URL", () => {
    expect(scopeParam(admin, "company")).toBeNull();
    expect(scopeParam(admin, "sales")).toBe("sales");
    expect(scopeParam(head, "sales")).toBeNull();
    expect(scopeParam(head, "company")).toBe("company");
  });
});
