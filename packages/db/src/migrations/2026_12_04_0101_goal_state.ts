import { sql, type Kysely } from "kysely";

/*
 * Goals of SPEC §6: a state (an admin's goal is active, a head's proposal waits for an admin), a scope
 * (the department's own events, or the company's), and the promise an external goal makes to
 * customers. Goals stored before this change were set by admins: they become active.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("goals")
    .addColumn("state", "text", (c) =>
      c
        .notNull()
        .defaultTo("active")
        .check(sql`state in ('active', 'proposed', 'archived')`),
    )
    .addColumn("scope", "text", (c) =>
      c
        .notNull()
        .defaultTo("department")
        .check(sql`scope in ('department', 'company')`),
    )
    .addColumn("promise", "text")
    .execute();
  // An external goal is a promise; older external goals read their title as the promise.
  await sql`update goals set promise = coalesce(title, metric) where kind = 'external' and promise is null`.execute(
    db,
  );
  await sql`alter table goals add constraint goals_external_promise check (kind <> 'external' or promise is not null)`.execute(
    db,
  );
  await db.schema.createIndex("goals_period_state_idx").on("goals").columns(["period", "state"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("goals_period_state_idx").ifExists().execute();
  await sql`alter table goals drop constraint if exists goals_external_promise`.execute(db);
  await db.schema.alterTable("goals").dropColumn("promise").dropColumn("scope").dropColumn("state").execute();
}
