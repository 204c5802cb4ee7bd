import { describe, expect, it } from "vitest";
import { departmentName, roleLine } from "./roles";

const DEPARTMENTS = [
  { key: "sales", name: "Sales" },
  { key: "customer_service", name: "Customer service" },
];

describe("a user's role and department in words", () => {
  it("names the role and the department as the departments list does", () => {
    expect(roleLine({ role: "department_head", department: "customer_service" }, DEPARTMENTS)).toBe(
      "Department head · Customer service",
    );
    expect(roleLine({ role: "account_manager", department: "sales" }, DEPARTMENTS)).toBe(
      "Account manager · Sales",
    );
    expect(roleLine({ role: "admin", department: null }, DEPARTMENTS)).toBe("Administrator");
  });

  it("falls back to the key only while the list is not loaded", () => {
    expect(departmentName("quality", undefined)).toBe("quality");
    expect(departmentName("sales", DEPARTMENTS)).toBe("Sales");
  });
});
