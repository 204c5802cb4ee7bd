import { isAbsolute, resolve } from "node:path";
import { z } from "zod";

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z.string().min(1).optional(),
  RETAIN_DATA_DIR: z.string().min(1).default(".data/pglite"),
  RETAIN_SEED: z.enum(["demo", "none"]).default("demo"),
  RETAIN_ADMIN_EMAIL: z.email().default("admin@example.com"),
  RETAIN_ADMIN_PASSWORD: z.string().min(8).max(128).optional(),
  RETAIN_TIMEZONE: z
    .string()
    .default("UTC")
    .refine(isValidTimeZone, "is not a known IANA time zone (e.g. Europe/Berlin)"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
});

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  override name = "EnvError";
}

/** The only place the environment is read. Empty strings count as unset. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join(".") ?? "environment";
    const value = typeof issue?.path[0] === "string" ? cleaned[issue.path[0]] : undefined;
    const shown = name === "RETAIN_ADMIN_PASSWORD" || value === undefined ? "" : ` (got "${value}")`;
    throw new EnvError(`${name}${shown}: ${issue?.message ?? "invalid"}`);
  }
  const env = parsed.data;
  // npm runs the server inside apps/api; relative paths mean the directory `npm start` was typed in.
  const base = source.INIT_CWD ?? process.cwd();
  if (!env.RETAIN_DATA_DIR.startsWith("memory://") && !isAbsolute(env.RETAIN_DATA_DIR)) {
    env.RETAIN_DATA_DIR = resolve(base, env.RETAIN_DATA_DIR);
  }
  return env;
}
