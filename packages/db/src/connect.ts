import { mkdirSync, accessSync, constants } from "node:fs";
import { Kysely, PGliteDialect, PostgresDialect } from "kysely";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./schema";

export type DatabaseKind = "postgres" | "pglite";

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for log lines: a redacted URL or the PGlite directory. */
  location: string;
  close: () => Promise<void>;
  /** The driver underneath, for what Kysely does not cover (COPY in the benchmark). */
  driver: { kind: "postgres"; pool: pg.Pool } | { kind: "pglite"; pglite: PGlite };
};

export type ConnectOptions = { databaseUrl?: string; dataDir?: string; poolSize?: number };

export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

/** int8 values fit in a JS number in this schema (counts, identities); refuse silently wrong ones. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`int8 value ${value} exceeds the safe integer range`);
  return n;
}

// Both drivers return the same JS types: int8 → number, numeric → exact decimal string,
// date → its YYYY-MM-DD text (a calendar day, not an instant in the process's zone).
const types = {
  getTypeParser: (oid: number, format?: unknown) => {
    if (oid === INT8) return parseInt8;
    if (oid === NUMERIC || oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as "text");
  },
};
const pgliteParsers = { [INT8]: parseInt8, [NUMERIC]: (v: string) => v, [DATE]: (v: string) => v };

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** One factory for every caller: DATABASE_URL → pg pool, otherwise PGlite in dataDir. */
export async function connect(options: ConnectOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, types });
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseConfigError(
        `cannot connect to DATABASE_URL ${redactUrl(options.databaseUrl)}: ${reason || "connection refused"}`,
      );
    }
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: "postgres",
      location: redactUrl(options.databaseUrl),
      close: () => db.destroy(),
      driver: { kind: "postgres", pool },
    };
  }

  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch (error) {
      const reason = error instanceof Error && "code" in error ? String(error.code) : "not writable";
      throw new DatabaseConfigError(`RETAIN_DATA_DIR ${dataDir} is not a writable directory (${reason})`);
    }
  }
  const pglite = await PGlite.create(dataDir, { parsers: pgliteParsers });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, kind: "pglite", location: dataDir, close: () => db.destroy(), driver: { kind: "pglite", pglite } };
}
