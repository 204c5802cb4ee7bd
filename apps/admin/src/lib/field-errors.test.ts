import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { formErrors, humanMessage } from "./field-errors";

function trpcError(message: string, data: Record<string, unknown>) {
  return new TRPCClientError(message, { result: { error: { message, code: -32600, data } } as never });
}

const FIELDS = ["name", "role", "department", "level", "active", "password"] as const;

describe("server errors next to their fields", () => {
  it("places a domain error by the field its message names", () => {
    const error = trpcError("department: is required for a department_head", { code: "BAD_REQUEST" });
    expect(formErrors(error, FIELDS, ["role"])).toEqual({
      fields: { department: "Is required for a department_head" },
      general: null,
    });
  });

  it("places validation details by field", () => {
    const error = trpcError("[...]", {
      code: "BAD_REQUEST",
      details: [
        { field: "password", message: "password: must be at least 8 characters" },
        { field: "id", message: "id: Invalid UUID" },
      ],
    });
    expect(formErrors(error, FIELDS)).toEqual({
      fields: { password: "Must be at least 8 characters" },
      general: "Must be a valid ID",
    });
  });

  it("gives an unnamed conflict to the one field that was changed", () => {
    const error = trpcError("the last active admin can be neither demoted nor deactivated", { code: "CONFLICT" });
    expect(formErrors(error, FIELDS, ["active"]).fields).toEqual({
      active: "The last active admin can be neither demoted nor deactivated",
    });
    expect(formErrors(error, FIELDS, ["role", "name"])).toEqual({
      fields: {},
      general: "The last active admin can be neither demoted nor deactivated",
    });
  });

  it("has nothing to say without an error", () => {
    expect(formErrors(null, FIELDS)).toEqual({ fields: {}, general: null });
  });
});

describe("validation messages in plain words", () => {
  it("says what a size limit is", () => {
    expect(humanMessage("Too big: expected string to have <=200 characters")).toBe("Must be at most 200 characters");
    expect(humanMessage("Too small: expected string to have >=8 characters")).toBe("Must be at least 8 characters");
    expect(humanMessage("Too small: expected string to have >=1 characters")).toBe("Must not be empty");
    expect(humanMessage("Too big: expected string to have <=1 characters")).toBe("Must be at most 1 character");
    expect(humanMessage("Too big: expected array to have <=10 items")).toBe("Must be at most 10 items");
    expect(humanMessage("Too small: expected string to have exactly 3 characters")).toBe("Must be exactly 3 characters");
  });

  it("says what a number range is", () => {
    expect(humanMessage("Too big: expected number to be <=3650")).toBe("Must be at most 3,650");
    expect(humanMessage("Too small: expected number to be >0")).toBe("Must be more than 0");
    expect(humanMessage("Too small: expected number to be >=1")).toBe("Must be at least 1");
  });

  it("names missing values, wrong types, options and formats", () => {
    expect(humanMessage("Invalid input: expected string, received undefined")).toBe("Is required");
    expect(humanMessage("Invalid input: expected number, received string")).toBe("Must be a number");
    expect(humanMessage('Invalid option: expected one of "admin"|"viewer"')).toBe("Must be one of admin, viewer");
    expect(humanMessage("Invalid email address")).toBe("Must be an email address");
    expect(humanMessage("Invalid string: must match pattern /^[a-z]+$/")).toBe("Is not in the expected format");
    expect(humanMessage("Invalid input")).toBe("Is not valid");
  });

  it("keeps the server's own wording, as a sentence", () => {
    expect(humanMessage("is required for a department_head")).toBe("Is required for a department_head");
    expect(humanMessage("must be at least 8 characters")).toBe("Must be at least 8 characters");
  });

  it("is what a form shows next to the field", () => {
    const error = trpcError("[...]", {
      code: "BAD_REQUEST",
      details: [{ field: "name", message: "name: Too big: expected string to have <=200 characters" }],
    });
    expect(formErrors(error, FIELDS).fields).toEqual({ name: "Must be at most 200 characters" });
  });
});
