import { createHash } from "node:crypto";
import type { CompiledQuery, Kysely } from "kysely";
import type pg from "pg";
import type { Database } from "./schema";

/** Runs a compiled query as a named prepared statement; rows as Kysely would return them. */
type PreparedRunner = <R>(query: CompiledQuery<R>) => Promise<R[]>;

const runners = new WeakMap<Kysely<Database>, PreparedRunner>();

/**
 * On PostgreSQL, a statement sent by name is parsed and planned once per connection, not at every
 * call (0.58 → 0.34 ms at the median for a metric read's rollup statement, measured in one
 * process). The name is a hash of the text, so the same text always finds its statement and a
 * different text never does; callers keep the set of texts small (a text per metric shape, not
 * per value: values are parameters). After five calls PostgreSQL may keep a generic plan, so this
 * is for statements whose best plan does not depend on the values, such as a range read of a
 * rollup's primary key.
 */
export function postgresPreparedRunner(pool: pg.Pool): PreparedRunner {
  return async <R>(query: CompiledQuery<R>) => {
    const name = `retain_${createHash("sha1").update(query.sql).digest("base64url")}`;
    const result = await pool.query({ name, text: query.sql, values: query.parameters as unknown[] });
    return result.rows as R[];
  };
}

export function registerPreparedRunner(db: Kysely<Database>, runner: PreparedRunner): void {
  runners.set(db, runner);
}

/**
 * `query` as a prepared statement where `db` is a connection pool made by `connect` on
 * PostgreSQL; elsewhere (PGlite, a transaction, a Kysely instance of a test) as usual.
 */
export async function executePrepared<R>(db: Kysely<Database>, query: CompiledQuery<R>): Promise<R[]> {
  const runner = runners.get(db);
  if (runner) return runner(query);
  return (await db.executeQuery(query)).rows;
}
