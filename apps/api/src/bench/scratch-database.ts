import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { connect, type DatabaseHandle } from "@retain/db";

export type ScratchDatabase = { handle: DatabaseHandle; drop: () => Promise<void> };

/**
 * A database of its own for one benchmark run: `retain_bench_<random>` on the PostgreSQL server of
 * `databaseUrl` (dropped afterwards), else PGlite in a temporary directory (removed afterwards) or
 * in memory.
 */
export async function openScratchDatabase(options: {
  databaseUrl?: string;
  memory?: boolean;
}): Promise<ScratchDatabase> {
  if (!options.databaseUrl) {
    const dir = options.memory ? null : mkdtempSync(join(tmpdir(), "retain-bench-"));
    const handle = await connect({ dataDir: dir ?? "memory://" });
    return {
      handle,
      drop: async () => {
        await handle.close();
        if (dir) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `retain_bench_${randomBytes(5).toString("hex")}`;
  await onServer(options.databaseUrl, `create database ${name}`);
  const url = new URL(options.databaseUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ databaseUrl: url.toString(), poolSize: 10 });
  const serverUrl = options.databaseUrl;
  return {
    handle,
    drop: async () => {
      await handle.close();
      await onServer(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function onServer(databaseUrl: string, statement: string): Promise<void> {
  const server = await connect({ databaseUrl, poolSize: 1 });
  try {
    await sql.raw(statement).execute(server.db);
  } finally {
    await server.close();
  }
}
