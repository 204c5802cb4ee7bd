/** A whole-request problem (as opposed to a per-item rejection). */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(
    readonly code: "PAYLOAD_TOO_LARGE" | "BAD_REQUEST",
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
