import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDialects, type TestDatabase } from "./testing";

const CHANNEL = "retain_listen_test";

/** Resolves once `check` holds, or fails after two seconds. */
async function eventually(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 2_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.each(testDialects())("listen on $kind", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await dialect.create();
  });
  afterAll(async () => {
    await database?.drop();
  });

  it("delivers notifications committed by any connection, and none after close", async () => {
    const messages: string[] = [];
    const live: boolean[] = [];
    const listener = await database.listen(CHANNEL, { onMessage: (m) => messages.push(m), onLive: (l) => live.push(l) });
    expect(live).toEqual([true]);
    await sql`select pg_notify(${CHANNEL}, 'one')`.execute(database.db);
    await database.db.transaction().execute(async (trx) => {
      await sql`select pg_notify(${CHANNEL}, 'two')`.execute(trx);
      // Not before the commit.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(messages).toEqual(["one"]);
    });
    await eventually(() => messages.length === 2, "the second notification");
    expect(messages).toEqual(["one", "two"]);
    await listener.close();
    await sql`select pg_notify(${CHANNEL}, 'three')`.execute(database.db);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(messages).toEqual(["one", "two"]);
  });

  it.runIf(dialect.kind === "postgres")("reports a lost connection and listens again", async () => {
    const messages: string[] = [];
    const live: boolean[] = [];
    const listener = await database.listen(CHANNEL, { onMessage: (m) => messages.push(m), onLive: (l) => live.push(l) });
    try {
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and query ilike 'listen %'`.execute(database.db);
      await eventually(() => live.length >= 3, "the listener to come back");
      expect(live.slice(0, 3)).toEqual([true, false, true]);
      await sql`select pg_notify(${CHANNEL}, 'after')`.execute(database.db);
      await eventually(() => messages.includes("after"), "a notification after the reconnect");
    } finally {
      await listener.close();
    }
  });
});
