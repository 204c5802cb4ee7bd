import { describe, expect, it } from "vitest";
import { generateDemo } from "./generate";
import { demoSignIns } from "./sign-ins";

describe("demo sign-ins", () => {
  it("are the accounts the README names, at every scale and on any day", () => {
    const expected = [
      ["kai.gruber@example.com", "department_head", "quality"],
      ["aaron.young@example.com", "department_head", "sales"],
      ["xavier.jensen@example.com", "account_manager", "sales"],
      ["jonas.engel@example.com", "viewer", null],
    ];
    for (const [scale, today] of [
      [0.01, new Date("2026-12-04T12:00:00Z")],
      [1, new Date("2027-06-30T12:00:00Z")],
    ] as const) {
      const signIns = demoSignIns(generateDemo({ scale, today }).users);
      expect(signIns.map((s) => [s.email, s.role, s.department])).toEqual(expected);
    }
  });

  it("leaves out an account that is no longer active", () => {
    const users = generateDemo({ scale: 0.01, today: new Date("2026-12-04T12:00:00Z") }).users.map((u) =>
      u.email === "xavier.jensen@example.com" ? { ...u, active: false } : u,
    );
    const manager = demoSignIns(users).find((s) => s.role === "account_manager");
    expect(manager?.email).not.toBe("xavier.jensen@example.com");
  });
});
