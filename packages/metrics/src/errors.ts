/** A bad metric query (unknown metric, invalid dates, grain, filter or setting); safe to show to the caller. */
export class MetricQueryError extends Error {
  override name = "MetricQueryError";
  constructor(
    /** The query or settings field at fault, e.g. `from`, `grain`, `timeZone`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
