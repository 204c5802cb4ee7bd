import type { z } from "zod";
import type { FieldError } from "./inputs";

export function zodIssuesToErrors(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join(".") : "(item)";
    if (issue.code === "unrecognized_keys") {
      return {
        field: issue.keys.join(", "),
        code: "unknown_field",
        message: `${issue.keys.join(", ")}: not a field of this type`,
      };
    }
    if (issue.code === "invalid_type" && issue.input === undefined) {
      return { field, code: "required", message: `${field}: is required` };
    }
    return { field, code: issue.code, message: `${field}: ${issue.message}` };
  });
}
