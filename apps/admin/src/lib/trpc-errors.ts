// Reading tRPC error codes off whatever a query or mutation threw.
import { TRPCClientError } from "@trpc/client";

export type ErrorCode = "UNAUTHORIZED" | "FORBIDDEN" | "TOO_MANY_REQUESTS" | "BAD_REQUEST" | "NOT_FOUND" | string;

export function errorCode(error: unknown): ErrorCode | null {
  if (!(error instanceof TRPCClientError)) return null;
  const data: unknown = error.data;
  if (typeof data === "object" && data !== null && "code" in data && typeof data.code === "string") {
    return data.code;
  }
  return null;
}

export function isUnauthorized(error: unknown): boolean {
  return errorCode(error) === "UNAUTHORIZED";
}

/** Errors that a second attempt cannot fix. */
export function isPermanent(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && ["UNAUTHORIZED", "FORBIDDEN", "BAD_REQUEST", "NOT_FOUND", "TOO_MANY_REQUESTS"].includes(code);
}

/** A sentence for the user; the server never puts internals into messages. */
export function errorMessage(error: unknown): string {
  if (error instanceof TRPCClientError && errorCode(error) === null) {
    return "The server could not be reached. Check your connection and try again.";
  }
  if (error instanceof Error && error.message) return error.message;
  return "Something went wrong.";
}
