import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { startApp } from "../app";

const dataDir = mkdtempSync(join(tmpdir(), "retain-seed-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function counts(running: Awaited<ReturnType<typeof startApp>>) {
  const { rows } = await sql<{ events: number; customers: number; users: number; goals: number }>`
    select (select count(*) from events)::int as events, (select count(*) from customers)::int as customers,
           (select count(*) from users)::int as users, (select count(*) from goals)::int as goals`.execute(running.database.db);
  return rows[0];
}

describe("first start on an empty PGlite directory", () => {
  it("loads the demo once through ingestion and keeps it on the next start without re-seeding", async () => {
    const first = await startApp({ dataDir, port: 0, seed: "demo", demoScale: 0.02, adminPassword: "correct-horse-battery" });
    const before = await counts(first);
    expect(first.seeded).not.toBeNull();
    expect(before?.events).toBe(first.seeded?.events);
    expect(before?.customers).toBeGreaterThanOrEqual(20);
    expect(before?.goals).toBe(first.seeded?.goals);
    const departments = await first.database.db.selectFrom("departments").select("key").orderBy("key").execute();
    expect(departments.map((d) => d.key)).toEqual(
      ["customer_service", "hr", "marketing", "procurement", "production", "quality", "rnd", "sales"],
    );
    const signIns = () =>
      first.database.db.selectFrom("settings").select("value").where("key", "=", "demo_sign_ins").executeTakeFirst();
    expect(JSON.stringify((await signIns())?.value)).toContain("kai.gruber@example.com");
    // A demo seeded before the sign-in page listed its accounts gets the list on its next start.
    await first.database.db.deleteFrom("settings").where("key", "=", "demo_sign_ins").execute();
    await first.close();

    const second = await startApp({ dataDir, port: 0, seed: "demo", demoScale: 0.02, adminPassword: "correct-horse-battery" });
    expect(second.seeded).toBeNull();
    expect(await counts(second)).toEqual(before);
    const restored = await second.database.db
      .selectFrom("settings")
      .select("value")
      .where("key", "=", "demo_sign_ins")
      .executeTakeFirst();
    expect(JSON.stringify(restored?.value)).toContain("kai.gruber@example.com");
    await second.close();
  });
});
