/** A refused accounts operation; `field` names the input at fault, the message is safe to show. */
export class AccountsError extends Error {
  override name = "AccountsError";
  constructor(
    readonly code: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN",
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
