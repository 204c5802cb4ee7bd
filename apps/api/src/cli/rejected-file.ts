import { createWriteStream, type WriteStream } from "node:fs";
import { once } from "node:events";
import type { FieldError } from "@retain/warehouse";
import type { ImportFormat } from "./import-rows";
import type { OriginalRow } from "./import-source";

export type RejectedRow = { line: number; original: OriginalRow; errors: FieldError[] };

export function rejectedPath(path: string, format: ImportFormat): string {
  return `${path}.rejected.${format === "csv" ? "csv" : "ndjson"}`;
}

const csvCell = (value: string) =>
  /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;

/**
 * The refused rows of an import with their line and reasons, in the input's format, created on the
 * first refusal. CSV: `line,reasons,` then the original cells (an unreadable row is kept as one cell).
 */
export class RejectedFile {
  private out: WriteStream | null = null;
  count = 0;

  constructor(
    readonly path: string,
    private readonly format: ImportFormat,
    private readonly header: () => string[] | null,
  ) {}

  async write(rows: readonly RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const out = (this.out ??= this.open());
    const text = rows.map((row) => this.line(row)).join("");
    this.count += rows.length;
    if (!out.write(text)) await once(out, "drain");
  }

  async close(): Promise<void> {
    if (!this.out) return;
    const out = this.out;
    await new Promise<void>((resolve, reject) =>
      out.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }

  private open(): WriteStream {
    const out = createWriteStream(this.path);
    if (this.format === "csv")
      out.write(["line", "reasons", ...(this.header() ?? [])].map(csvCell).join(",") + "\n");
    return out;
  }

  private line({ line, original, errors }: RejectedRow): string {
    if (this.format === "ndjson") {
      const row =
        "text" in original
          ? { raw: original.text }
          : "json" in original
            ? { row: original.json }
            : { row: original.cells };
      return JSON.stringify({ line, errors, ...row }) + "\n";
    }
    const reasons = errors.map((e) => e.message).join("; ");
    const cells =
      "cells" in original
        ? (this.header() ?? []).map((name) => original.cells[name] ?? "")
        : ["text" in original ? original.text : JSON.stringify(original.json)];
    return [String(line), reasons, ...cells].map(csvCell).join(",") + "\n";
  }
}
