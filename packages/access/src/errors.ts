/** Domain errors the API maps to its error shape; messages are safe to show to the caller. */
export class AccessError extends Error {
  override name = "AccessError";
  constructor(
    readonly code: "CONFLICT" | "BAD_REQUEST" | "NOT_FOUND" | "UNAUTHORIZED" | "FORBIDDEN" | "TOO_MANY_REQUESTS",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
