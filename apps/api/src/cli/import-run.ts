import { rm } from "node:fs/promises";
import type { Rejection } from "@retain/warehouse";
import type { ImportFormat, ImportKind } from "./import-rows";
import { openRows, type SourceRow } from "./import-source";
import { RejectedFile, rejectedPath, type RejectedRow } from "./rejected-file";

/** Stores one batch: directly in the database or through the REST API; same answer shape. */
export type Ingest = (batch: unknown[]) => Promise<{ counts: Record<string, number>; rejected: Rejection[] }>;

export type ImportOptions = {
  path: string;
  kind: ImportKind;
  format: ImportFormat;
  source?: string;
  ingest: Ingest;
  batchSize?: number;
  onProgress?: (bytesRead: number, rows: number) => void;
};

export type ImportSummary = {
  rows: number;
  counts: Record<string, number>;
  rejected: number;
  rejectedFile: string | null;
  ms: number;
};

export const IMPORT_BATCH = 5_000;

/** Reads the file row by row and ingests it in batches; refused rows go to `<file>.rejected.<ext>`. */
export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? IMPORT_BATCH;
  const source = openRows(options.path, {
    kind: options.kind,
    format: options.format,
    defaults: { source: options.source },
  });
  const rejectedFile = new RejectedFile(
    rejectedPath(options.path, options.format),
    options.format,
    source.header,
  );
  // A rejected file from an earlier run would describe rows this run may have accepted.
  await rm(rejectedFile.path, { force: true });

  const counts: Record<string, number> =
    options.kind === "events" ? { accepted: 0, duplicates: 0 } : { created: 0, updated: 0 };
  let rows = 0;
  let batch: (SourceRow & { value: unknown })[] = [];
  let refused: RejectedRow[] = [];

  const flush = async () => {
    if (batch.length > 0) {
      const result = await options.ingest(batch.map((row) => row.value));
      for (const [name, n] of Object.entries(result.counts)) counts[name] = (counts[name] ?? 0) + n;
      for (const rejection of result.rejected) {
        const row = batch[rejection.index];
        if (row) refused.push({ line: row.line, original: row.original, errors: rejection.errors });
      }
    }
    await rejectedFile.write(refused.sort((a, b) => a.line - b.line));
    batch = [];
    refused = [];
    options.onProgress?.(source.bytesRead(), rows);
  };

  try {
    for await (const row of source.rows) {
      rows++;
      if ("errors" in row) refused.push({ line: row.line, original: row.original, errors: row.errors });
      else batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  } finally {
    await rejectedFile.close();
  }
  return {
    rows,
    counts,
    rejected: rejectedFile.count,
    rejectedFile: rejectedFile.count > 0 ? rejectedFile.path : null,
    ms: performance.now() - started,
  };
}
