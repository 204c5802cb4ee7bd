import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from "kysely";
import type pg from "pg";
import type { PGlite, Transaction } from "@electric-sql/pglite";
import { from as copyFrom } from "pg-copy-streams";
import type { Database } from "./schema";
import { PGliteDialect } from "./pglite-dialect";

/** A value of COPY's text format: null is `\N`, everything else its text. */
export type CopyValue = string | number | null;

/** `COPY table (columns) FROM …` with the rows, on the transaction's own connection. */
export type CopyIn = (table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]) => Promise<void>;

/**
 * Runs `work` in one transaction on one connection, with COPY available on that connection (Kysely
 * itself cannot send COPY data). Commits when `work` resolves, rolls back when it throws.
 */
export type BulkTransaction = {
  <T>(work: (trx: Kysely<Database>, copyIn: CopyIn) => Promise<T>): Promise<T>;
  /**
   * Whether the database works beside Node: on PostgreSQL statements sent before a stretch of
   * JavaScript run while it runs; PGlite runs on Node's own thread, so asking early gains nothing.
   */
  parallel: boolean;
};

const bulkTransactions = new WeakMap<Kysely<Database>, BulkTransaction>();

/** The bulk transaction of a Kysely instance made by `connect`, if it has one. */
export const bulkTransactionOf = (db: Kysely<Database>): BulkTransaction | undefined => bulkTransactions.get(db);

export function registerBulkTransaction(db: Kysely<Database>, bulk: BulkTransaction): void {
  bulkTransactions.set(db, bulk);
}

const COPY_SPECIAL = /[\\\t\n\r]/g;
const escapeChar = (c: string) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r");

/** Rows in COPY's text format: tab-separated, `\N` for null, backslash, tab and line breaks escaped. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let out = "";
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) {
      const value = row[i];
      if (i > 0) out += "\t";
      if (value === null || value === undefined) out += "\\N";
      else if (typeof value === "number") out += String(value);
      else out += value.replace(COPY_SPECIAL, escapeChar);
    }
    out += "\n";
  }
  return out;
}

const copyStatement = (table: string, columns: readonly string[]) => `copy ${table} (${columns.join(", ")}) from`;

/** On PostgreSQL: a pool connection of its own, COPY … FROM STDIN through pg-copy-streams. */
export function postgresBulkTransaction(pool: pg.Pool): BulkTransaction {
  const bulk = async <T>(work: (trx: Kysely<Database>, copyIn: CopyIn) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    let discard = false;
    // Kysely over exactly this connection; it asks the pool for a connection at every query.
    const pinned: PostgresPoolClient = Object.assign(Object.create(client) as PostgresPoolClient, {
      query: client.query.bind(client),
      release: (destroy?: boolean) => {
        if (destroy) discard = true;
      },
    });
    const single: PostgresPool = { connect: () => Promise.resolve(pinned), end: () => Promise.resolve() };
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: single }) });
    const copyIn: CopyIn = async (table, columns, rows) => {
      if (rows.length === 0) return;
      await pipeline(Readable.from([copyText(rows)]), client.query(copyFrom(`${copyStatement(table, columns)} stdin`)));
    };
    try {
      return await db.transaction().execute((trx) => work(trx, copyIn));
    } catch (error) {
      // A failed COPY can leave the protocol mid-stream; a new connection is cheaper than doubt.
      discard = true;
      throw error;
    } finally {
      client.release(discard);
    }
  };
  return Object.assign(bulk, { parallel: true });
}

/** On PGlite: one PGlite transaction (it holds the instance), COPY … FROM '/dev/blob'. */
export function pgliteBulkTransaction(pglite: PGlite): BulkTransaction {
  const bulk = <T>(work: (trx: Kysely<Database>, copyIn: CopyIn) => Promise<T>): Promise<T> =>
    pglite.transaction(async (tx: Transaction) => {
      // Kysely over the open transaction: its queries go to `tx`; it cannot open a nested one.
      const inTransaction = {
        closed: false,
        ready: true,
        waitReady: Promise.resolve(),
        close: () => Promise.resolve(),
        query: tx.query.bind(tx),
        transaction: () => Promise.reject(new Error("already in a bulk transaction")),
      };
      const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite: inTransaction }) });
      const copyIn: CopyIn = async (table, columns, rows) => {
        if (rows.length === 0) return;
        await tx.query(`${copyStatement(table, columns)} '/dev/blob'`, [], { blob: new Blob([copyText(rows)]) });
      };
      return work(db, copyIn);
    });
  return Object.assign(bulk, { parallel: false });
}
