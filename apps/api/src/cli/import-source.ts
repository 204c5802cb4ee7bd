import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { parse, type CsvError } from "csv-parse";
import type { FieldError } from "@retain/warehouse";
import {
  checkHeader,
  csvRecordToInput,
  withDefaultSource,
  type ImportFormat,
  type ImportKind,
} from "./import-rows";

/** How a row looked in the file, to write it back next to its reasons. */
export type OriginalRow = { cells: Record<string, string> } | { json: unknown } | { text: string };

/** One data row of the file: ready to ingest, or already refused (unparseable). */
export type SourceRow = { line: number; original: OriginalRow } & (
  { value: unknown } | { errors: FieldError[] }
);

export type RowSource = {
  rows: AsyncIterable<SourceRow>;
  bytesRead: () => number;
  /** The CSV header once read (null for NDJSON). */
  header: () => string[] | null;
};

export type SourceOptions = { kind: ImportKind; format: ImportFormat; defaults: { source?: string } };

/** Streams a file row by row; the file is never held in memory as a whole. */
export function openRows(path: string, options: SourceOptions): RowSource {
  const stream = createReadStream(path);
  let header: string[] | null = null;
  const rows =
    options.format === "csv"
      ? csvRows(stream, options, (names) => (header = names))
      : ndjsonRows(stream, options.defaults);
  return { rows, bytesRead: () => stream.bytesRead, header: () => header };
}

/** The first line of a record: csv-parse reports the last one, and quoted fields may span lines. */
function firstLine(lastLine: number, raw: string): number {
  const inner = raw.replace(/\r?\n$/, "");
  return lastLine - (inner.match(/\n/g)?.length ?? 0);
}

function describeCsvError(error: CsvError | undefined, columns: number): string {
  if (error?.code === "CSV_RECORD_INCONSISTENT_COLUMNS" && Array.isArray(error.record)) {
    return `has ${error.record.length} cells, the header has ${columns}`;
  }
  if (error?.code === "CSV_QUOTE_NOT_CLOSED") return "a quoted cell is never closed";
  return error?.message ?? "unreadable";
}

async function* csvRows(
  stream: NodeJS.ReadableStream,
  options: SourceOptions,
  onHeader: (names: string[]) => void,
): AsyncGenerator<SourceRow> {
  // Rows csv-parse cannot read are reported through on_skip; they join the stream at the next record.
  const skipped: SourceRow[] = [];
  let header: string[] | null = null;
  const onSkip = (error: CsvError | undefined, raw: string | undefined) => {
    const text = raw ?? "";
    const lastLine = typeof error?.lines === "number" ? error.lines : 0;
    const message = describeCsvError(error, header?.length ?? 0);
    skipped.push({
      line: firstLine(lastLine, text),
      original: { text: text.replace(/\r?\n$/, "") },
      errors: [{ field: "(row)", code: "unreadable_csv", message: `row: ${message}` }],
    });
    return undefined;
  };
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      const checked = checkHeader(options.kind, names);
      header = checked;
      onHeader(checked);
      return checked;
    },
    info: true,
    raw: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: onSkip,
  });
  stream.on("error", (error) => parser.destroy(error));
  for await (const chunk of stream.pipe(parser)) {
    const { record, raw, info } = chunk as {
      record: Record<string, string>;
      raw: string;
      info: { lines: number };
    };
    yield* skipped.splice(0);
    const converted = csvRecordToInput(record, options.defaults);
    yield { line: firstLine(info.lines, raw), original: { cells: record }, ...converted };
  }
  yield* skipped.splice(0);
}

async function* ndjsonRows(
  stream: NodeJS.ReadableStream,
  defaults: { source?: string },
): AsyncGenerator<SourceRow> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : "unreadable";
      yield {
        line,
        original: { text },
        errors: [{ field: "(line)", code: "invalid_json", message: `line: is not valid JSON (${reason})` }],
      };
      continue;
    }
    yield { line, original: { json: value }, value: withDefaultSource(value, defaults) };
  }
}
