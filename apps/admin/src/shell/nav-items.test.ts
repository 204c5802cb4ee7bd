import { describe, expect, it } from "vitest";
import { hasViewControls, mayOpen, navItemsFor } from "./nav-items";

describe("navigation by role", () => {
  it("shows settings to admins only", () => {
    expect(navItemsFor("admin").map((i) => i.label)).toEqual([
      "Overview",
      "Departments",
      "Goals",
      "Roadmaps",
      "Customers",
      "Account managers",
      "Bill of rights",
      "Settings",
    ]);
    expect(navItemsFor("account_manager").map((i) => i.label)).toEqual(["Home", "My customers", "My results", "Bill of rights"]);
    expect(navItemsFor("viewer").map((i) => i.label)).toEqual(["Overview", "Bill of rights"]);
  });

  it("gives a head their own department and goals, not other departments' pages", () => {
    expect(navItemsFor("department_head").map((i) => i.label)).toEqual(["Overview", "My department", "Goals", "Roadmaps", "Customers", "Bill of rights"]);
    expect(navItemsFor("department_head", "sales").find((i) => i.label === "My department")?.to).toBe("/departments/sales");
    expect(navItemsFor("admin", null).find((i) => i.label === "Departments")?.to).toBe("/departments");
    expect(mayOpen("department_head", "/departments/sales")).toBe(true);
    expect(mayOpen("viewer", "/departments/sales")).toBe(false);
    expect(mayOpen("account_manager", "/goals")).toBe(false);
    expect(mayOpen("viewer", "/bill-of-rights")).toBe(true);
    expect(mayOpen("viewer", "/customers/c1")).toBe(false);
    expect(mayOpen("account_manager", "/customers/value")).toBe(true);
    expect(mayOpen("department_head", "/account-managers")).toBe(false);
  });

  it("opens an account manager's results on their own page, and their home at /", () => {
    const items = navItemsFor("account_manager", null, "xavier.jensen@example.com");
    expect(items.find((i) => i.label === "My results")?.to).toBe("/account-managers/xavier.jensen%40example.com");
    expect(items.find((i) => i.label === "Home")?.to).toBe("/");
    expect(navItemsFor("admin", null, "admin@example.com").find((i) => i.label === "Account managers")?.to).toBe("/account-managers");
    expect(mayOpen("account_manager", "/account-managers/xavier.jensen%40example.com")).toBe(true);
    expect(mayOpen("department_head", "/account-managers/xavier.jensen%40example.com")).toBe(false);
    expect(hasViewControls("/account-managers/xavier.jensen%40example.com")).toBe(false);
  });

  it("keeps the top bar's period off the goal pages, which choose their own", () => {
    expect(hasViewControls("/")).toBe(true);
    expect(hasViewControls("/departments/sales")).toBe(false);
    expect(hasViewControls("/goals")).toBe(false);
    expect(hasViewControls("/settings/users")).toBe(false);
  });

  it("refuses settings pages to other roles", () => {
    expect(mayOpen("admin", "/settings/users")).toBe(true);
    expect(mayOpen("department_head", "/settings/users")).toBe(false);
    expect(mayOpen("viewer", "/settings")).toBe(false);
    expect(mayOpen("viewer", "/settingsx")).toBe(true);
    expect(mayOpen("viewer", "/")).toBe(true);
  });
});
