import { DatabaseConfigError } from "@retain/db";
import { startApp } from "./app";
import { DEMO_PASSWORD } from "./bootstrap/seed-demo";
import { EnvError, readEnv } from "./env";

const started = performance.now();

/** Configuration problems end with one line that says what to fix, and a non-zero exit. */
function fail(message: string): never {
  console.error(`retain: ${message}`);
  process.exit(1);
}

function describeStartError(error: unknown, env: { PORT: number; HOST: string }): string | null {
  if (error instanceof EnvError || error instanceof DatabaseConfigError) return error.message;
  const code = error && typeof error === "object" && "code" in error ? String(error.code) : "";
  if (code === "EADDRINUSE") return `PORT ${env.PORT} is already in use on ${env.HOST}; set PORT to a free port`;
  if (code === "EADDRNOTAVAIL") return `HOST ${env.HOST} is not an address of this machine; set HOST`;
  if (code === "EACCES") return `no permission to listen on ${env.HOST}:${env.PORT}; set PORT above 1023`;
  if (code === "ENOENT" || code === "EROFS" || code === "EPERM") {
    return `RETAIN_DATA_DIR is not usable (${code}); point it at a writable directory`;
  }
  return null;
}

async function main() {
  let env;
  try {
    env = readEnv();
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  let lastProgress = 0;
  try {
    const running = await startApp({
      port: env.PORT,
      host: env.HOST,
      databaseUrl: env.DATABASE_URL,
      dataDir: env.RETAIN_DATA_DIR,
      seed: env.RETAIN_SEED,
      adminEmail: env.RETAIN_ADMIN_EMAIL,
      adminPassword: env.RETAIN_ADMIN_PASSWORD,
      timeZone: env.RETAIN_TIMEZONE,
      logLevel: env.NODE_ENV === "development" ? "info" : "warn",
      onProgress: (message) => {
        if (performance.now() - lastProgress > 2_000) {
          lastProgress = performance.now();
          console.log(message);
        }
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const lines = [
      `Retain is ready at ${running.url} (started in ${seconds} s, database: ${running.database.kind} ${running.database.location})`,
    ];
    if (running.seeded) {
      const s = running.seeded;
      lines.push(
        `Loaded the demo: ${s.customers.toLocaleString("en-US")} customers, ${s.events.toLocaleString("en-US")} events, ${s.users} users, ${s.goals} goals in ${(s.ms / 1000).toFixed(1)} s (demo users' password: ${DEMO_PASSWORD})`,
      );
    }
    if (running.admin.generatedPassword) {
      lines.push(`Sign in as ${running.admin.email} with the generated password ${running.admin.generatedPassword} (shown once)`);
    } else {
      lines.push(`Sign in as ${running.admin.email}`);
    }
    console.log(lines.join("\n"));
    const stop = async () => {
      await running.close();
      process.exit(0);
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } catch (error) {
    const message = describeStartError(error, env);
    if (message) fail(message);
    console.error("retain: could not start:", error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

await main();
