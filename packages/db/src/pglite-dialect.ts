import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
} from "kysely";

/*
 * Kysely over PGlite: one embedded connection, so Kysely's queries take turns (a transaction holds
 * the connection until it ends), and a Kysely transaction is one of PGlite's exclusive
 * transactions, so nothing else that uses the instance runs inside it. (Kysely ships such a dialect
 * only from 0.29, which requires Node 22; this one needs Kysely's public driver interface only.)
 */

type Rows = { rows: unknown[]; affectedRows?: number };
/** What the dialect needs of PGlite; a PGlite transaction offers the same (see bulk.ts). */
export type PGliteLike = {
  readonly closed: boolean;
  readonly ready: boolean;
  readonly waitReady: Promise<void>;
  close(): Promise<void>;
  query(sql: string, params?: unknown[], options?: { rowMode?: "object" }): Promise<Rows>;
  transaction<T>(work: (tx: { query: PGliteLike["query"] }) => Promise<T>): Promise<T>;
};

export class PGliteDialect implements Dialect {
  constructor(private readonly config: { pglite: PGliteLike }) {}
  createAdapter(): DialectAdapter {
    return new PGliteAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.config.pglite);
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
}

class PGliteAdapter extends PostgresAdapter {
  // The one connection is held by the migrator from lock to release: nothing else can interleave.
  override async acquireMigrationLock(): Promise<void> {}
  override async releaseMigrationLock(): Promise<void> {}
}

/** Turns for the one connection, first come first served. */
class Turns {
  private last: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;
  async take(): Promise<void> {
    const previous = this.last;
    let release!: () => void;
    this.last = new Promise<void>((resolve) => (release = resolve));
    await previous;
    this.release = release;
  }
  give(): void {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
}

class PGliteDriver implements Driver {
  private readonly turns = new Turns();
  private connection: PGliteConnection | undefined;
  constructor(private readonly pglite: PGliteLike) {}

  async init(): Promise<void> {
    if (this.pglite.closed) throw new Error("PGlite instance is already closed.");
    if (!this.pglite.ready) await this.pglite.waitReady;
    this.connection = new PGliteConnection(this.pglite);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    await this.turns.take();
    if (!this.connection) throw new Error("PGlite driver used before init");
    return this.connection;
  }
  async releaseConnection(): Promise<void> {
    this.turns.give();
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).begin();
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).commit();
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PGliteConnection).rollback();
  }
  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoted(name)}`));
  }
  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to savepoint ${quoted(name)}`));
  }
  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release savepoint ${quoted(name)}`));
  }
  async destroy(): Promise<void> {
    if (!this.pglite.closed) await this.pglite.close();
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

class PGliteConnection implements DatabaseConnection {
  private transaction: { query: PGliteLike["query"] } | undefined;
  private finish: { commit: () => void; rollback: (reason: unknown) => void } | undefined;
  private closed: Promise<void> | undefined;
  constructor(private readonly pglite: PGliteLike) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const { rows, affectedRows } = await (this.transaction ?? this.pglite).query(
      compiled.sql,
      [...compiled.parameters],
      {
        rowMode: "object",
      },
    );
    return {
      rows: (rows ?? []) as R[],
      numAffectedRows: affectedRows != null ? BigInt(affectedRows) : undefined,
    };
  }

  // eslint-disable-next-line require-yield -- PGlite has no cursors to stream from
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("Streaming is not supported by PGlite.");
  }

  /** Opens one of PGlite's exclusive transactions, kept open until commit or rollback. */
  async begin(): Promise<void> {
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const ended = new Promise<void>((commit, rollback) => (this.finish = { commit, rollback }));
    this.closed = this.pglite.transaction(async (tx) => {
      this.transaction = tx;
      begun();
      await ended;
    });
    // A transaction that fails to open rejects `closed` before `started` resolves.
    await Promise.race([started, this.closed]);
  }

  async commit(): Promise<void> {
    this.finish?.commit();
    try {
      await this.closed;
    } finally {
      this.reset();
    }
  }

  async rollback(): Promise<void> {
    this.finish?.rollback(new Error("rolled back"));
    await this.closed?.catch(() => undefined);
    this.reset();
  }

  private reset(): void {
    this.transaction = undefined;
    this.finish = undefined;
    this.closed = undefined;
  }
}
