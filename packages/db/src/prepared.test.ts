import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executePrepared } from "./prepared";
import { testDialects, type TestDatabase } from "./testing";

describe.each(testDialects())("executePrepared on $kind", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.create();
  });
  afterAll(() => database?.drop());

  const query = (n: number) =>
    sql<{ n: number; label: string; day: string }>`select ${n}::int8 as n, ${`x${n}`} as label, ${"2026-01-05"}::date as day`;

  it("answers as the plain query does, with the same type parsers, for new values of the same text", async () => {
    for (const n of [1, 2, 3]) {
      const compiled = query(n).compile(database.db);
      expect(await executePrepared(database.db, compiled)).toEqual((await database.db.executeQuery(compiled)).rows);
      expect(await executePrepared(database.db, compiled)).toEqual([{ n, label: `x${n}`, day: "2026-01-05" }]);
    }
  });

  it.runIf(dialect.kind === "postgres")("keeps one prepared statement per text on a connection", async () => {
    if (database.driver.kind !== "postgres") throw new Error("unreachable");
    const client = await database.driver.pool.connect();
    client.release();
    // The pool hands out its most recently released connection first, so these run on `client`.
    await executePrepared(database.db, query(7).compile(database.db));
    await executePrepared(database.db, query(8).compile(database.db));
    const { rows } = await database.driver.pool.query<{ n: string }>(
      "select count(*) as n from pg_prepared_statements where name like 'retain\\_%'",
    );
    expect(Number(rows[0]?.n)).toBe(1);
  });
});
