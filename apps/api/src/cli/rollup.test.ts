import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../app";

const apiDir = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../../../node_modules/.bin/tsx", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "retain-rollup-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const snapshot = async (db: Awaited<ReturnType<typeof startApp>>["database"]["db"]) =>
  (await sql<{ day: string; department: string; revenue: string; orders: number }>`
    select day::text, department, revenue::text, orders::int from rollup_department_daily order by day, department`.execute(db)).rows;

describe("npm run rollup -- --rebuild", () => {
  it("recomputes the rollups from raw events with identical numbers", async () => {
    const first = await startApp({ dataDir, port: 0, seed: "demo", demoScale: 0.02, adminPassword: "correct-horse-battery" });
    const before = await snapshot(first.database.db);
    expect(before.length).toBeGreaterThan(100);
    await first.close();

    const run = spawnSync(tsx, ["src/cli/rollup.ts", "--rebuild"], {
      cwd: apiDir,
      env: { PATH: process.env.PATH ?? "", RETAIN_DATA_DIR: dataDir },
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Rebuilt the rollups in UTC in \d+\.\d\d s: rollup_daily \d/m);

    const second = await startApp({ dataDir, port: 0, seed: "demo", adminPassword: "correct-horse-battery" });
    expect(await snapshot(second.database.db)).toEqual(before);
    await second.close();
  });

  it("explains its usage without --rebuild", () => {
    const run = spawnSync(tsx, ["src/cli/rollup.ts"], { cwd: apiDir, env: { PATH: process.env.PATH ?? "" }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toMatch(/^retain rollup: usage: npm run rollup -- --rebuild/);
  });
});
