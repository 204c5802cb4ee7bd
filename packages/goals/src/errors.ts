/** A refused goal operation; `field` names the input at fault, the message is safe to show. */
export class GoalError extends Error {
  override name = "GoalError";
  constructor(
    readonly code: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN",
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
