/** A refused roadmap operation; `field` names the input at fault, the message is safe to show. */
export class RoadmapError extends Error {
  override name = "RoadmapError";
  constructor(
    readonly code: "BAD_REQUEST" | "NOT_FOUND" | "CONFLICT" | "FORBIDDEN",
    readonly field: string | undefined,
    message: string,
  ) {
    super(message);
  }
}
