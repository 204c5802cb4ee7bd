import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect, type DatabaseHandle, type DatabaseKind } from "./connect";
import { migrateToLatest } from "./migrate";

export type TestDatabase = DatabaseHandle & { drop: () => Promise<void> };
export type TestDialect = { kind: DatabaseKind; create: () => Promise<TestDatabase> };

/**
 * The databases every integration test runs on, as kysely's own suite does:
 * PGlite always; PostgreSQL as well when TEST_DATABASE_URL is set, each call in a
 * database of its own that `drop()` removes again.
 */
export function testDialects(): TestDialect[] {
  const dialects: TestDialect[] = [
    {
      kind: "pglite",
      create: async () => {
        const handle = await connect({ dataDir: "memory://" });
        await migrateToLatest(handle.db);
        return { ...handle, drop: () => handle.close() };
      },
    },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) dialects.push({ kind: "postgres", create: () => createPostgresTestDatabase(adminUrl) });
  return dialects;
}

export async function createPostgresTestDatabase(adminUrl: string): Promise<TestDatabase> {
  const name = `retain_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), poolSize: 5 });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    drop: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
