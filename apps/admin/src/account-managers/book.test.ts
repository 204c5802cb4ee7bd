import { describe, expect, it } from "vitest";
import { splitBook, suggestedAction, type BookCustomer } from "./book";

describe("suggestedAction (SPEC §8, the first that applies)", () => {
  it("is care for any problem, whatever the segment", () => {
    expect(suggestedAction("top", ["late_payments"])).toBe("care");
    expect(suggestedAction("prospect", ["open_complaint"])).toBe("care");
  });

  it("follows the segment otherwise", () => {
    expect(suggestedAction("inactive", [])).toBe("win_back");
    expect(suggestedAction("top", [])).toBe("repeat");
    expect(suggestedAction("big", [])).toBe("repeat");
    expect(suggestedAction("medium", [])).toBe("up_sell");
    expect(suggestedAction("small", [])).toBe("cross_sell");
    expect(suggestedAction("prospect", [])).toBe("first_order");
  });
});

describe("splitBook", () => {
  const customer = (
    id: string,
    revenue: number,
    segment: BookCustomer["segment"] = "small",
  ): BookCustomer => ({
    id,
    name: `Customer ${id}`,
    tier: "regular",
    segment,
    creditPolicy: "standard",
    revenue,
  });

  it("puts problem customers first, most reasons then most revenue, and the rest by revenue", () => {
    const customers = [
      customer("a", 10),
      customer("b", 500, "big"),
      customer("c", 40),
      customer("d", 90, "medium"),
      customer("e", 0, "prospect"),
    ];
    const { problems, rest } = splitBook(customers, [
      { customerId: "a", reasons: ["late_payments"] },
      { customerId: "c", reasons: ["falling_spend"] },
      { customerId: "e", reasons: ["rising_complaints", "open_complaint"] },
    ]);
    expect(problems.map((r) => [r.id, r.action])).toEqual([
      ["e", "care"],
      ["c", "care"],
      ["a", "care"],
    ]);
    expect(rest.map((r) => [r.id, r.action])).toEqual([
      ["b", "repeat"],
      ["d", "up_sell"],
    ]);
  });

  it("orders equal revenue by name, and leaves out a problem of a customer not in the book", () => {
    const { problems, rest } = splitBook(
      [customer("y", 5), customer("x", 5)],
      [{ customerId: "elsewhere", reasons: ["late_payments"] }],
    );
    expect(problems).toEqual([]);
    expect(rest.map((r) => r.id)).toEqual(["x", "y"]);
  });
});
