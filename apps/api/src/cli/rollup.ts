import { parseArgs } from "node:util";
import { connect, DatabaseConfigError, migrateToLatest } from "@retain/db";
import { rebuildRollups } from "@retain/warehouse";
import { EnvError, readEnv } from "../env";

const USAGE = "usage: npm run rollup -- --rebuild   (recomputes every rollup from the raw events)";

function fail(message: string): never {
  console.error(`retain rollup: ${message}`);
  process.exit(1);
}

async function main() {
  let rebuild = false;
  try {
    rebuild = Boolean(parseArgs({ options: { rebuild: { type: "boolean" } } }).values.rebuild);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  }
  if (!rebuild) fail(USAGE);
  let env;
  try {
    env = readEnv();
  } catch (error) {
    fail(error instanceof EnvError ? error.message : String(error));
  }
  let database;
  try {
    database = await connect({ databaseUrl: env.DATABASE_URL, dataDir: env.RETAIN_DATA_DIR });
  } catch (error) {
    fail(error instanceof DatabaseConfigError ? error.message : String(error));
  }
  try {
    await migrateToLatest(database.db);
    // Rollups are folded incrementally at every ingest; a rebuild is for recovery and after a time-zone change.
    const result = await rebuildRollups(database.db);
    const rows = Object.entries(result.rows)
      .map(([table, n]) => `${table} ${n.toLocaleString("en-US")}`)
      .join(", ");
    console.log(`Rebuilt the rollups in ${result.timeZone} in ${(result.ms / 1000).toFixed(2)} s: ${rows} rows`);
  } finally {
    await database.close();
  }
}

await main();
