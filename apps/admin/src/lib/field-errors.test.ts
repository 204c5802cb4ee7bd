import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { formErrors } from "./field-errors";

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
      general: "Invalid UUID",
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
