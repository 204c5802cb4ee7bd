import { statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { connect, DatabaseConfigError, migrateToLatest, type DatabaseHandle } from "@retain/db";
import { analyzeIngestedTables } from "@retain/warehouse";
import { ensureDepartments } from "../bootstrap/departments";
import { EnvError, readEnv } from "../env";
import { initialiseSettings } from "../settings";
import { detectFile, ImportFileError } from "./import-rows";
import { runImport, type Ingest } from "./import-run";
import { directIngest, httpIngest, RemoteImportError } from "./import-sinks";
import { createProgress } from "./progress";

const USAGE = "usage: npm run import -- FILE [--source S] [--url URL --token T]";

/** Problems the user can fix end with one line and exit code 1; rejected rows do not. */
function fail(message: string): never {
  console.error(`retain import: ${message}`);
  process.exit(1);
}

function readArgs() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { source: { type: "string" }, url: { type: "string" }, token: { type: "string" } },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  }
}

async function main() {
  const { values, positionals } = readArgs();
  if (positionals.length !== 1) fail(USAGE);
  // npm runs this inside apps/api; a relative FILE means the directory `npm run import` was typed in.
  const path = resolve(process.env.INIT_CWD ?? process.cwd(), positionals[0] ?? "");
  const { kind, format } = detectFile(path);
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) fail(`${path}: no such file`);
  if (!stat.isFile()) fail(`${path}: not a file`);
  if (values.source !== undefined && kind !== "events") fail("--source applies to event files only");
  if (values.url && !values.token) fail("--url needs --token (an API key or a session token)");
  if (values.token && !values.url) fail("--token needs --url");

  let database: DatabaseHandle | null = null;
  let ingest: Ingest;
  let target: string;
  if (values.url && values.token) {
    ingest = httpIngest(values.url, values.token, kind);
    target = values.url;
  } else {
    const env = readEnv();
    database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.RETAIN_DATA_DIR });
    // The same bootstrap as the server's first start, without users or demo data.
    await migrateToLatest(database.db);
    await ensureDepartments(database.db);
    await initialiseSettings(database.db, { timeZone: env.RETAIN_TIMEZONE });
    ingest = directIngest(database.db, kind, basename(path));
    target = `${database.kind} ${database.location}`;
  }

  const name = basename(path);
  const progress = createProgress({ label: name, totalBytes: stat.size, tty: Boolean(process.stderr.isTTY) });
  try {
    const summary = await runImport({
      path,
      kind,
      format,
      source: values.source,
      ingest,
      onProgress: progress.update,
    });
    progress.stop();
    // A bulk load leaves the planner's statistics behind the data; PGlite has no autovacuum to
    // catch up, and a PostgreSQL server's may take a while (what pg_restore's docs advise too).
    if (database) await analyzeIngestedTables(database.db);
    const seconds = summary.ms / 1000;
    const figures: [string, number][] = [
      ["rows read", summary.rows],
      ...Object.entries(summary.counts),
      ["rejected", summary.rejected],
    ];
    const lines = [
      `Imported ${name} (${kind}) into ${target} in ${seconds.toFixed(1)} s (${Math.round(summary.rows / Math.max(seconds, 0.001)).toLocaleString("en-US")} rows/s)`,
      ...figures.map(([label, n]) => `  ${label.padEnd(11)} ${n.toLocaleString("en-US")}`),
    ];
    if (summary.rejectedFile)
      lines.push(`Rejected rows with line numbers and reasons: ${summary.rejectedFile}`);
    console.log(lines.join("\n"));
  } finally {
    progress.stop();
    await database?.close();
  }
}

try {
  await main();
} catch (error) {
  const known = [EnvError, DatabaseConfigError, ImportFileError, RemoteImportError].some(
    (type) => error instanceof type,
  );
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (known) fail(error instanceof Error ? error.message : String(error));
  if (code === "EACCES" || code === "EISDIR" || code === "ENOENT")
    fail(`cannot read or write the file (${code})`);
  fail(`import failed: ${error instanceof Error ? error.message : String(error)}`);
}
