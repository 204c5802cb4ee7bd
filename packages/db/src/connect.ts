import { mkdirSync, accessSync, constants } from "node:fs";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { Database } from "./schema";
import { PGliteDialect } from "./pglite-dialect";
import {
  pgliteBulkTransaction,
  postgresBulkTransaction,
  registerBulkTransaction,
  type BulkTransaction,
} from "./bulk";
import { postgresPreparedRunner, registerPreparedRunner } from "./prepared";

export type DatabaseKind = "postgres" | "pglite";

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for log lines: a redacted URL or the PGlite directory. */
  location: string;
  close: () => Promise<void>;
  /** The driver underneath, for what Kysely does not cover (LISTEN, tests). */
  driver: { kind: "postgres"; pool: pg.Pool } | { kind: "pglite"; pglite: PGlite };
  /** One transaction on one connection with COPY (bulk ingest); also found by `bulkTransactionOf(db)`. */
  bulkTransaction: BulkTransaction;
  /** Follows `NOTIFY`s on a channel (see Listener); resolves once the first attempt to listen ended. */
  listen: (channel: string, handlers: ListenHandlers) => Promise<Listener>;
};

export type ListenHandlers = {
  /** A notification arrived on the channel. */
  onMessage: (payload: string) => void;
  /**
   * true: listening (again). false: the connection is lost and notifications may be missed until the
   * next true; it reconnects by itself.
   */
  onLive: (live: boolean) => void;
};
export type Listener = { close: () => Promise<void> };

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
    // An idle pooled connection the server ends (a restart, a dropped database) is only removed from
    // the pool; without a listener its error would be an uncaught exception.
    pool.on("error", () => undefined);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const connectionString = options.databaseUrl;
    const bulkTransaction = postgresBulkTransaction(pool);
    registerBulkTransaction(db, bulkTransaction);
    registerPreparedRunner(db, postgresPreparedRunner(pool));
    return {
      db,
      bulkTransaction,
      kind: "postgres",
      location: redactUrl(options.databaseUrl),
      close: () => db.destroy(),
      driver: { kind: "postgres", pool },
      listen: (channel, handlers) => listenOnPostgres(connectionString, channel, handlers),
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
  const bulkTransaction = pgliteBulkTransaction(pglite);
  registerBulkTransaction(db, bulkTransaction);
  return {
    db,
    bulkTransaction,
    kind: "pglite",
    location: dataDir,
    close: () => db.destroy(),
    driver: { kind: "pglite", pglite },
    listen: async (channel, handlers) => {
      // One process owns a PGlite database, and its notifications arrive with the committing query.
      const unlisten = await pglite.listen(quoteIdentifier(channel), handlers.onMessage);
      handlers.onLive(true);
      return { close: () => unlisten().catch(() => undefined) };
    },
  };
}

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * LISTEN on a connection of its own (a pooled one would be handed to other queries). A lost
 * connection is reported (onLive(false)) and re-opened after a growing pause, up to 5 s.
 */
async function listenOnPostgres(
  connectionString: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<Listener> {
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  let pause = 100;
  const open = async (): Promise<void> => {
    const current = new pg.Client({ connectionString });
    client = current;
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      handlers.onLive(false);
      current.end().catch(() => undefined);
      if (!closed) {
        retry = setTimeout(() => void open(), pause);
        pause = Math.min(pause * 2, 5_000);
      }
    };
    // An error event without a listener would end the process.
    current.on("error", onLost);
    current.on("end", onLost);
    current.on("notification", (message) => {
      if (message.channel === channel) handlers.onMessage(message.payload ?? "");
    });
    try {
      await current.connect();
      await current.query(`listen ${quoteIdentifier(channel)}`);
      if (closed || lost) return;
      pause = 100;
      handlers.onLive(true);
    } catch {
      onLost();
    }
  };
  await open();
  return {
    close: async () => {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
