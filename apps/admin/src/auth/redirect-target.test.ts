import { describe, expect, it } from "vitest";
import { loginPath, redirectTarget } from "./redirect-target";

describe("login redirects", () => {
  it("returns to the page the user came from", () => {
    expect(redirectTarget("/?period=this_month")).toBe("/?period=this_month");
    expect(loginPath("/?period=this_month")).toBe("/login?next=%2F%3Fperiod%3Dthis_month");
  });

  it("never leaves the app", () => {
    expect(redirectTarget("https://evil.example")).toBe("/");
    expect(redirectTarget("//evil.example")).toBe("/");
    expect(redirectTarget("/\\evil.example")).toBe("/");
    expect(redirectTarget("/login?next=/")).toBe("/");
    expect(redirectTarget(null)).toBe("/");
  });
});
