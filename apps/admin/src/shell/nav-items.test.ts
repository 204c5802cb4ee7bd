import { describe, expect, it } from "vitest";
import { mayOpen, navItemsFor } from "./nav-items";

describe("navigation by role", () => {
  it("shows settings to admins only", () => {
    expect(navItemsFor("admin").map((i) => i.label)).toEqual(["Overview", "Settings"]);
    for (const role of ["department_head", "account_manager", "viewer"] as const) {
      expect(navItemsFor(role).map((i) => i.label)).toEqual(["Overview"]);
    }
  });

  it("refuses settings pages to other roles", () => {
    expect(mayOpen("admin", "/settings/users")).toBe(true);
    expect(mayOpen("department_head", "/settings/users")).toBe(false);
    expect(mayOpen("viewer", "/settings")).toBe(false);
    expect(mayOpen("viewer", "/settingsx")).toBe(true);
    expect(mayOpen("viewer", "/")).toBe(true);
  });
});
