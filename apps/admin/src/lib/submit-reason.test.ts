import { describe, expect, it } from "vitest";
import { missingFieldsReason } from "./submit-reason";

describe("why a submit button is disabled", () => {
  it("names every empty required field", () => {
    const fields = [
      { label: "Name", value: "" },
      { label: "Email", value: "  " },
      { label: "Password", value: "" },
    ];
    expect(missingFieldsReason(fields, "create the user")).toBe(
      "Enter the name, email, and password to create the user.",
    );
    expect(missingFieldsReason(fields.slice(1), "sign in")).toBe("Enter the email and password to sign in.");
    expect(missingFieldsReason([{ label: "Name", value: "" }], "create the key")).toBe(
      "Enter the name to create the key.",
    );
  });

  it("has nothing to say when the form is complete", () => {
    expect(missingFieldsReason([{ label: "Name", value: "CRM" }], "create the key")).toBeNull();
  });
});
