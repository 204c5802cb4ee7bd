import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { ZodError } from "zod";
import { AccessError } from "@retain/access";
import { GoalError } from "@retain/goals";
import { MetricQueryError } from "@retain/metrics";
import { RoadmapError } from "@retain/roadmaps";
import { IngestError } from "@retain/warehouse";

export type FieldIssue = { field: string; message: string };
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

export function fieldErrorsOf(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => {
    const field = i.path.length > 0 ? i.path.join(".") : "(input)";
    // The whole input of the wrong kind: a body `null`, an array or a bare value where an object is due.
    if (i.path.length === 0 && i.code === "invalid_type" && i.expected === "object") {
      return { field, message: `${field}: must be a JSON object` };
    }
    return { field, message: `${field}: ${i.message}` };
  });
}

/** Domain errors carry safe messages; everything else becomes an internal error without detail. */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof AccessError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof IngestError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof GoalError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  if (error instanceof RoadmapError)
    return new TRPCError({ code: error.code, message: error.message, cause: error });
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error", cause: error });
}

/** SPEC §4 error shape; internal errors never carry SQL, stack traces or constraint names. */
export function errorBody(error: TRPCError, requestId: string): { status: number; body: ErrorBody } {
  const status = getHTTPStatusCodeFromError(error);
  const cause = error.cause;
  const details =
    cause && typeof cause === "object" && "issues" in cause && cause.name === "ZodError"
      ? fieldErrorsOf(cause as ZodError)
      : ((cause instanceof AccessError ||
            cause instanceof GoalError ||
            cause instanceof RoadmapError ||
            cause instanceof IngestError) &&
            cause.field) ||
          cause instanceof MetricQueryError
        ? [{ field: cause.field as string, message: cause.message }]
        : undefined;
  const message =
    error.code === "INTERNAL_SERVER_ERROR"
      ? `internal error (request ${requestId})`
      : details
        ? `invalid input: ${details.map((d) => d.message).join("; ")}`
        : error.message;
  return { status, body: { error: { code: error.code, message, ...(details ? { details } : {}) } } };
}
