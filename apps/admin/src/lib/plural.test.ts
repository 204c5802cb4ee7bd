import { describe, expect, it } from "vitest";
import { countOf, DAY, HOUR, plural, RECORD, unitFor, USER } from "./plural";

describe("nouns agree with their count", () => {
  it("uses the singular for one only", () => {
    expect(plural(1, DAY)).toBe("day");
    expect(plural(0, DAY)).toBe("days");
    expect(plural(2, DAY)).toBe("days");
    expect(plural(1.5, HOUR)).toBe("hours");
  });

  it("writes the count in the locale", () => {
    expect(countOf(1, USER)).toBe("1 user");
    expect(countOf(1234, RECORD)).toBe("1,234 records");
    expect(countOf(1234, RECORD, "de-DE")).toBe("1.234 records");
  });

  it("follows what is typed in a field", () => {
    expect(unitFor("1", DAY)).toBe("day");
    expect(unitFor(" 1 ", DAY)).toBe("day");
    expect(unitFor("180", DAY)).toBe("days");
    expect(unitFor("", DAY)).toBe("days");
    expect(unitFor("abc", HOUR)).toBe("hours");
  });
});
