import { parseArgs } from "node:util";
import { DatabaseConfigError } from "@retain/db";
import { formatReport } from "../bench/report";
import { runBench } from "../bench/run-bench";
import { EnvError, readEnv } from "../env";

const USAGE = "usage: npm run bench [-- --events N] [-- --customers N] [-- --json] [-- --memory]";

function fail(message: string): never {
  console.error(`retain bench: ${message}`);
  process.exit(1);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        events: { type: "string", default: "1000000" },
        customers: { type: "string", default: "100000" },
        json: { type: "boolean", default: false },
        memory: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (${USAGE})`);
  }
  const events = Number(values.events.replaceAll(/[_,]/g, ""));
  if (!Number.isInteger(events) || events < 1)
    fail(`--events must be a positive whole number (got "${values.events}")`);
  const customers = Number(values.customers.replaceAll(/[_,]/g, ""));
  if (!Number.isInteger(customers) || customers < 1)
    fail(`--customers must be a positive whole number (got "${values.customers}")`);
  const env = readEnv();
  // Progress to stderr, so `--json` leaves exactly one JSON object on stdout.
  const result = await runBench({
    events,
    customers,
    databaseUrl: env.DATABASE_URL,
    memory: values.memory,
    log: (line) => process.stderr.write(`bench: ${line}\n`),
  });
  console.log(values.json ? JSON.stringify(result) : formatReport(result));
}

try {
  await main();
} catch (error) {
  if (error instanceof EnvError || error instanceof DatabaseConfigError) fail(error.message);
  fail(`failed: ${error instanceof Error ? error.message : String(error)}`);
}
