import { describe, expect, it } from "vitest";
import { planErrorText } from "./plan-errors";

const refusal = (field: string, message: string) =>
  Object.assign(new Error(`invalid input: ${message}`), {
    data: { code: "BAD_REQUEST", details: [{ field, message }] },
  });

describe("planErrorText", () => {
  it("names the row and the field of a refused plan change", () => {
    expect(
      planErrorText(refusal("milestones.1.dueAt", "milestones.1.dueAt: is before the start (2027-05-02)")),
    ).toBe("Milestone 2, due date: is before the start (2027-05-02)");
    expect(planErrorText(refusal("budget.0.planned", "budget.0.planned: must be ≥ 0"))).toBe(
      "Budget line 1, planned: must be ≥ 0",
    );
    expect(planErrorText(refusal("goals.2.goalId", "goals.2.goalId: no goal x"))).toBe(
      "Linked goal 3, goal: no goal x",
    );
  });
  it("words a schema rule as a person would and keeps other messages", () => {
    expect(
      planErrorText(refusal("milestones.0.title", "Too small: expected string to have >=1 characters")),
    ).toBe("Milestone 1, title: must not be empty");
    expect(
      planErrorText(
        Object.assign(new Error("the initiative is done; its plan is closed"), {
          data: { code: "CONFLICT" },
        }),
      ),
    ).toBe("The initiative is done; its plan is closed");
    expect(planErrorText(null)).toBeNull();
  });
  it("reads the field off a domain refusal's message when there are no details", () => {
    const error = Object.assign(new Error("milestones.0.dueAt: is before the start (2027-01-02)"), {
      data: { code: "BAD_REQUEST" },
    });
    expect(planErrorText(error)).toBe("Milestone 1, due date: is before the start (2027-01-02)");
  });
});
