import { describe, expect, it } from "vitest";
import {
  budgetSummary,
  canonicalMoney,
  checkBudget,
  checkMilestones,
  checkScope,
  dayNumber,
  leadTimeWarnings,
  PlanRefusal,
  sumMoney,
  type Milestone,
} from "./plan";

const known = new Set(["marketing", "sales", "hr"]);
const milestone = (id: string, kind: Milestone["kind"], startAt: string, dueAt = "2027-06-01"): Milestone => ({
  id,
  title: id,
  kind,
  department: "marketing",
  startAt,
  dueAt,
  status: "planned",
});
function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof PlanRefusal) return error.refusal.field;
    throw error;
  }
  return undefined;
}

describe("leadTimeWarnings", () => {
  // Launch 2027-06-01. 2027-03-03 is 90 days before it (Mar 29 + Apr 30 + May 31 = 90); 03-04 is 89.
  const launch = "2027-06-01";
  it("warns for communication, education and incentive starting less than 90 days before launch", () => {
    const warnings = leadTimeWarnings(launch, [
      milestone("ok90", "communication", "2027-03-03"),
      milestone("c89", "communication", "2027-03-04"),
      milestone("e30", "education", "2027-05-02"),
      milestone("i0", "incentive", "2027-06-01"),
      milestone("late", "incentive", "2027-06-11"),
      milestone("launch", "launch", "2027-05-31"),
      milestone("other", "other", "2027-05-31"),
      milestone("early", "education", "2026-12-01"),
    ]);
    expect(warnings).toEqual([
      { code: "lead_time", milestoneId: "c89", days: 89 },
      { code: "lead_time", milestoneId: "e30", days: 30 },
      { code: "lead_time", milestoneId: "i0", days: 0 },
      { code: "lead_time", milestoneId: "late", days: -10 },
    ]);
  });
  it("counts calendar days across a leap day", () => {
    // 2028-02-29 exists: 2028-03-01 − 2027-12-02 = 30 + 31 + 29 + 1 = 90 days.
    expect(leadTimeWarnings("2028-03-01", [milestone("a", "communication", "2027-12-02")])).toEqual([]);
    expect(leadTimeWarnings("2028-03-01", [milestone("a", "communication", "2027-12-03")])).toEqual([
      { code: "lead_time", milestoneId: "a", days: 89 },
    ]);
  });
});

describe("dayNumber", () => {
  it("accepts real calendar dates only", () => {
    expect(dayNumber("1970-01-02")).toBe(1);
    expect(dayNumber("2026-02-29")).toBeNull();
    expect(dayNumber("2026-13-01")).toBeNull();
    expect(dayNumber("2026-1-01")).toBeNull();
    expect(dayNumber("tomorrow")).toBeNull();
  });
});

describe("checkScope", () => {
  const scope = { title: "T", description: "", departments: ["marketing", "sales"], launchAt: "2027-06-01" };
  it("passes a good scope and names the field of a bad one", () => {
    expect(fieldOf(() => checkScope(scope, "marketing", known))).toBeUndefined();
    expect(fieldOf(() => checkScope({ ...scope, title: "  " }, "marketing", known))).toBe("title");
    expect(fieldOf(() => checkScope({ ...scope, launchAt: "2027-02-30" }, "marketing", known))).toBe("launchAt");
    expect(fieldOf(() => checkScope(scope, "quality", known))).toBe("ownerDepartment");
    expect(fieldOf(() => checkScope({ ...scope, departments: ["marketing", "rnd"] }, "marketing", known))).toBe("departments.1");
    expect(fieldOf(() => checkScope({ ...scope, departments: ["marketing", "marketing"] }, "marketing", known))).toBe("departments.1");
    expect(fieldOf(() => checkScope({ ...scope, departments: ["sales"] }, "marketing", known))).toBe("departments");
  });
});

describe("checkMilestones", () => {
  it("refuses a milestone due before its start, of a department not taking part, or without a title", () => {
    const good = milestone("a", "communication", "2027-01-01", "2027-01-01");
    expect(fieldOf(() => checkMilestones([good], ["marketing"]))).toBeUndefined();
    expect(fieldOf(() => checkMilestones([good, milestone("b", "other", "2027-02-02", "2027-02-01")], ["marketing"]))).toBe("milestones.1.dueAt");
    expect(fieldOf(() => checkMilestones([{ ...good, department: "hr" }], ["marketing"]))).toBe("milestones.0.department");
    expect(fieldOf(() => checkMilestones([{ ...good, title: "" }], ["marketing"]))).toBe("milestones.0.title");
    expect(fieldOf(() => checkMilestones([{ ...good, startAt: "2027-01-32" }], ["marketing"]))).toBe("milestones.0.startAt");
  });
});

describe("money", () => {
  it("keeps amounts exact with two decimals and refuses negative or over-precise ones", () => {
    expect(canonicalMoney("1250.5", "x")).toBe("1250.50");
    expect(canonicalMoney(0, "x")).toBe("0.00");
    expect(canonicalMoney("007", "x")).toBe("7.00");
    expect(fieldOf(() => canonicalMoney("-1", "budget.0.planned"))).toBe("budget.0.planned");
    expect(fieldOf(() => canonicalMoney("1.005", "budget.0.spent"))).toBe("budget.0.spent");
    expect(fieldOf(() => canonicalMoney("1e3", "x"))).toBe("x");
    // 0.1 + 0.2 in floats is 0.30000000000000004; in cents it is 0.30.
    expect(sumMoney(["0.10", "0.20"])).toBe("0.30");
    expect(sumMoney(["99999999999999.99", "0.01"])).toBe("100000000000000.00");
    expect(sumMoney([])).toBe("0.00");
  });
});

describe("budget", () => {
  const lines = checkBudget(
    [
      { year: 2027, department: "sales", planned: "1000.10", spent: "0" },
      { year: 2026, department: "marketing", planned: "500", spent: "120.45" },
      { year: 2027, department: "marketing", planned: 2000.2, spent: "1999.99" },
    ],
    ["marketing", "sales"],
  );
  it("totals planned vs spent per year, per department and overall, exactly", () => {
    expect(budgetSummary(lines)).toEqual({
      lines: [
        { year: 2026, department: "marketing", planned: "500.00", spent: "120.45" },
        { year: 2027, department: "marketing", planned: "2000.20", spent: "1999.99" },
        { year: 2027, department: "sales", planned: "1000.10", spent: "0.00" },
      ],
      total: { planned: "3500.30", spent: "2120.44" },
      byYear: [
        { year: 2026, planned: "500.00", spent: "120.45" },
        { year: 2027, planned: "3000.30", spent: "1999.99" },
      ],
      byDepartment: [
        { department: "marketing", planned: "2500.20", spent: "2120.44" },
        { department: "sales", planned: "1000.10", spent: "0.00" },
      ],
    });
  });
  it("refuses a second line for the same year and department, an odd year, a department not taking part", () => {
    const line = { year: 2027, department: "sales", planned: "1", spent: "0" };
    expect(fieldOf(() => checkBudget([line, line], ["sales"]))).toBe("budget.1.department");
    expect(fieldOf(() => checkBudget([{ ...line, year: 1999 }], ["sales"]))).toBe("budget.0.year");
    expect(fieldOf(() => checkBudget([line], ["marketing"]))).toBe("budget.0.department");
    expect(fieldOf(() => checkBudget([{ ...line, planned: "-0.01" }], ["sales"]))).toBe("budget.0.planned");
  });
});
