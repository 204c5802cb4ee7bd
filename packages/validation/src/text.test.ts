import { describe, expect, it } from "vitest";
import { jsonObject, jsonTextProblem, text, textProblem } from "./text";

describe("the text rule", () => {
  it("keeps printable Unicode, tab and line breaks", () => {
    for (const value of ["", "Acme Ltd", "Ångström 東京 👩🏽‍🚀", "a\tb\nc\r\nd", "\u202eRTL\u0301"]) {
      expect(textProblem(value)).toBeNull();
      expect(text().safeParse(value).success).toBe(true);
    }
  });

  it("refuses NUL, the other C0 controls, DEL and unpaired surrogates, naming the rule", () => {
    for (const value of ["a\u0000b", "\u0001", "\u0007", "\u001b[31m", "\u001f", "\u007f"]) {
      expect(textProblem(value)).toBe("must not contain control characters");
      const parsed = text().safeParse(value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("must not contain control characters");
    }
    for (const value of ["x\ud800y", "\udc00", "a\ud83d"]) {
      expect(textProblem(value)).toBe("must be valid Unicode (no unpaired surrogates)");
      expect(text().safeParse(value).success).toBe(false);
    }
  });

  it("finds the first bad string of a JSON value with its path, keys included", () => {
    expect(jsonTextProblem({ a: [1, "ok", { b: "x\u0000" }] })).toEqual({
      path: ["a", 2, "b"],
      message: "must not contain control characters",
    });
    expect(jsonTextProblem({ "k\u0000": 1 })).toEqual({
      path: ["k\u0000"],
      message: "has a key that must not contain control characters",
    });
    expect(jsonTextProblem({ a: { b: [null, true, 2, "fine\n"] } })).toBeNull();
    const parsed = jsonObject().safeParse({ note: "a\u0000b" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["note"]);
  });
});
