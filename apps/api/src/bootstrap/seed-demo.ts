import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { createUser, hashPassword, type Actor } from "@retain/access";
import { updateManagerProfile } from "@retain/accounts";
import { customersAtCreation, demoSignIns, generateDemo } from "@retain/demo";
import { readSettings } from "../settings";
import { aimDemoGoals } from "./goal-aims";
import { seedInitiatives } from "./seed-initiatives";
import {
  assignManager,
  changeTier,
  ingestCustomers,
  ingestEvents,
  MAX_BATCH,
  rebuildRollups,
} from "@retain/warehouse";

export const DEMO_PASSWORD = "retain-demo";
const MARKER = "demo_seeded_at";
/** The demo accounts the sign-in page of a demo install offers (settings row, written with the marker). */
export const DEMO_SIGN_INS = "demo_sign_ins";

export type SeedSummary = { users: number; customers: number; events: number; goals: number; ms: number };

/** Who the demo's account-manager profiles are written by, in the audit trail. */
const SEED_ACTOR: Actor = { id: null, label: "demo seed" };

function* chunks<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Loads the demo on a database that has never been seeded, through the same ingestion code as the
 * REST API. Ingestion is idempotent, so an interrupted seed simply resumes on the next start.
 */
export async function seedDemo(
  db: Kysely<Database>,
  options: { scale: number; today?: Date; onProgress?: (message: string) => void },
): Promise<SeedSummary | null> {
  const marker = await db.selectFrom("settings").select("key").where("key", "=", MARKER).executeTakeFirst();
  if (marker) {
    // A demo seeded before the sign-in page listed its accounts: the people are the same at every
    // scale, so a tiny demo names them.
    const users = generateDemo({ scale: 0.01, today: options.today ?? new Date() }).users;
    await db
      .insertInto("settings")
      .values({ key: DEMO_SIGN_INS, value: JSON.stringify(demoSignIns(users)) })
      .onConflict((oc) => oc.column("key").doNothing())
      .execute();
    return null;
  }
  const started = performance.now();
  const demo = generateDemo({ scale: options.scale, today: options.today ?? new Date() });
  const progress = options.onProgress ?? (() => undefined);

  // Demo accounts share one password (printed at start), so one Argon2id hash serves them all.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const existing = new Set((await db.selectFrom("users").select("email").execute()).map((u) => u.email));
  const userIds = new Map<string, string>();
  for (const user of demo.users) {
    if (existing.has(user.email)) continue;
    const { active: _active, ...fields } = user;
    const created = await createUser(db, { ...fields, passwordHash });
    userIds.set(created.email, created.id);
  }

  // Customers as they were when created, then their history replayed in time order.
  for (const batch of chunks(customersAtCreation(demo), MAX_BATCH)) {
    const result = await ingestCustomers(db, batch);
    if (result.rejected.length > 0)
      throw new Error(`demo customers rejected: ${JSON.stringify(result.rejected[0])}`);
  }
  for (const change of demo.tierChanges) {
    await changeTier(db, change.customerId, change.tier, new Date(change.at), change.from);
  }
  for (const move of [...demo.reassignments].sort((a, b) => a.at.localeCompare(b.at))) {
    if (move.accountManager === null) {
      // the manager left and no one has taken the customer on yet: the assignment ends, none follows
      await db
        .updateTable("customer_assignments")
        .set({ valid_to: new Date(move.at) })
        .where("customer_id", "=", move.customerId)
        .where("valid_to", "is", null)
        .execute();
      await db
        .updateTable("customers")
        .set({ account_manager_id: null })
        .where("id", "=", move.customerId)
        .execute();
      continue;
    }
    const userId = userIds.get(move.accountManager);
    if (userId) await assignManager(db, move.customerId, userId, new Date(move.at), move.method);
  }
  const departed = demo.users.filter((u) => u.active === false).map((u) => u.email);
  if (departed.length > 0)
    await db.updateTable("users").set({ active: false }).where("email", "in", departed).execute();
  // SPEC §8 profiles, written as an admin's PATCH would be (one audited change each)
  for (const user of demo.users) {
    if (user.role !== "account_manager" || !user.profile || !userIds.has(user.email)) continue;
    await updateManagerProfile(db, SEED_ACTOR, user.email, {
      level: user.level ?? "junior",
      ...user.profile,
    });
  }

  let loaded = 0;
  for (const batch of chunks(demo.events(), MAX_BATCH)) {
    const result = await ingestEvents(db, batch, { deferRollups: true });
    if (result.rejected.length > 0)
      throw new Error(`demo events rejected: ${JSON.stringify(result.rejected[0])}`);
    loaded += batch.length;
    progress(`demo: ${loaded.toLocaleString("en-US")} / ${demo.eventCount.toLocaleString("en-US")} events`);
  }

  // One set-based pass instead of folding batch by batch: the same rollups, several times faster.
  await rebuildRollups(db);

  if (demo.goals.length > 0) {
    await db
      .insertInto("goals")
      .values(
        demo.goals.map((g) => ({
          department: g.department,
          metric: g.metric,
          period: g.period,
          target: String(g.target),
          weight: g.weight,
          perspective: g.perspective,
          kind: g.kind,
          title: g.title,
          promise: g.promise ?? null,
          scope: g.scope ?? "department",
          state: g.state ?? "active",
          filter: g.filter ? JSON.stringify(g.filter) : null,
        })),
      )
      .execute();
  }
  // Fresh statistics, so the first metric queries get index plans (PGlite has no autovacuum).
  await sql`analyze`.execute(db);
  // Every status a scorecard can show, whatever day of the quarter the demo starts on.
  const periods = [...new Set(demo.goals.map((g) => g.period))].sort();
  const [previous, current] = periods.slice(-2);
  if (previous && current)
    await aimDemoGoals(db, await readSettings(db), options.today ?? new Date(), { current, previous });
  // The roadmap last: its linked goals read the goals and events loaded above.
  const heads = new Map(
    demo.users
      .filter((u) => u.role === "department_head" && u.department)
      .map((u) => [u.department ?? "", u.email]),
  );
  await seedInitiatives(db, options.today ?? new Date(), await readSettings(db), heads);
  await db
    .insertInto("settings")
    .values([
      { key: DEMO_SIGN_INS, value: JSON.stringify(demoSignIns(demo.users)) },
      { key: MARKER, value: JSON.stringify(new Date().toISOString()) },
    ])
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  return {
    users: demo.users.length,
    customers: demo.customers.length,
    events: demo.eventCount,
    goals: demo.goals.length,
    ms: Math.round(performance.now() - started),
  };
}
