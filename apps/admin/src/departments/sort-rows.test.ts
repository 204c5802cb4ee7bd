import { describe, expect, it } from "vitest";
import { sortRows } from "./sort-rows";

const rows = [
  { name: "Beta", value: 10, share: 0.25 },
  { name: "Alpha", value: 30, share: 0.75 },
  { name: "(no customer)", value: null, share: null },
];

describe("sortRows", () => {
  it("orders by value either way, rows without a value last", () => {
    expect(sortRows(rows, "value", "desc").map((r) => r.name)).toEqual(["Alpha", "Beta", "(no customer)"]);
    expect(sortRows(rows, "value", "asc").map((r) => r.name)).toEqual(["Beta", "Alpha", "(no customer)"]);
    expect(sortRows(rows, "share", "asc").map((r) => r.name)).toEqual(["Beta", "Alpha", "(no customer)"]);
  });

  it("orders by name and leaves its input alone", () => {
    expect(sortRows(rows, "name", "asc").map((r) => r.name)).toEqual(["(no customer)", "Alpha", "Beta"]);
    expect(rows[0]?.name).toBe("Beta");
  });
});
