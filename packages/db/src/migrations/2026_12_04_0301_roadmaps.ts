import { sql, type Kysely } from "kysely";

/*
 * Customer roadmaps (SPEC §6): initiatives, every sign-off of every round, milestones, budget lines
 * (money in numeric), linked goals, and the initiative's history (append-only, as the audit log).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("initiatives")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("owner_department", "text", (c) => c.notNull().references("departments.key"))
    .addColumn("departments", sql`text[]`, (c) => c.notNull().check(sql`owner_department = any(departments)`))
    .addColumn("launch_at", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft', 'in_review', 'approved', 'in_progress', 'done', 'cancelled')`),
    )
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addColumn("round", "integer", (c) => c.notNull().defaultTo(0).check(sql`round >= 0`))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("initiatives_launch_idx").on("initiatives").column("launch_at").execute();

  await db.schema
    .createTable("initiative_signoffs")
    .addColumn("initiative_id", "uuid", (c) => c.notNull().references("initiatives.id"))
    .addColumn("round", "integer", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull().references("departments.key"))
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("decision", "text", (c) => c.notNull().defaultTo("pending").check(sql`decision in ('pending', 'approved', 'rejected')`))
    .addColumn("comment", "text")
    .addColumn("decided_by", "text")
    .addColumn("decided_at", "timestamptz")
    .addPrimaryKeyConstraint("initiative_signoffs_pkey", ["initiative_id", "round", "department"])
    .execute();

  await db.schema
    .createTable("initiative_milestones")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("initiative_id", "uuid", (c) => c.notNull().references("initiatives.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('communication', 'education', 'incentive', 'launch', 'other')`),
    )
    .addColumn("department", "text", (c) => c.notNull().references("departments.key"))
    .addColumn("start_at", "date", (c) => c.notNull())
    .addColumn("due_at", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().defaultTo("planned").check(sql`status in ('planned', 'in_progress', 'done')`))
    .addCheckConstraint("initiative_milestones_dates", sql`due_at >= start_at`)
    .execute();
  await db.schema
    .createIndex("initiative_milestones_initiative_idx")
    .on("initiative_milestones")
    .columns(["initiative_id", "position"])
    .execute();

  await db.schema
    .createTable("initiative_budget_lines")
    .addColumn("initiative_id", "uuid", (c) => c.notNull().references("initiatives.id"))
    .addColumn("year", "integer", (c) => c.notNull().check(sql`year between 2000 and 2100`))
    .addColumn("department", "text", (c) => c.notNull().references("departments.key"))
    .addColumn("planned", "numeric(16, 2)", (c) => c.notNull().check(sql`planned >= 0`))
    .addColumn("spent", "numeric(16, 2)", (c) => c.notNull().defaultTo(0).check(sql`spent >= 0`))
    .addPrimaryKeyConstraint("initiative_budget_lines_pkey", ["initiative_id", "year", "department"])
    .execute();

  await db.schema
    .createTable("initiative_goals")
    .addColumn("initiative_id", "uuid", (c) => c.notNull().references("initiatives.id"))
    .addColumn("goal_id", "uuid", (c) => c.notNull().references("goals.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("baseline", "numeric(18, 4)", (c) => c.notNull())
    .addColumn("target", "numeric(18, 4)", (c) => c.notNull())
    .addPrimaryKeyConstraint("initiative_goals_pkey", ["initiative_id", "goal_id"])
    .execute();

  await db.schema
    .createTable("initiative_history")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("initiative_id", "uuid", (c) => c.notNull().references("initiatives.id"))
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("actor", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("department", "text")
    .addColumn("comment", "text")
    .addColumn("changes", "jsonb")
    .execute();
  await db.schema
    .createIndex("initiative_history_initiative_idx")
    .on("initiative_history")
    .columns(["initiative_id", "id"])
    .execute();
  await sql`
    create function initiative_history_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'initiative_history is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger initiative_history_append_only before update or delete on initiative_history
    for each row execute function initiative_history_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("initiative_history").ifExists().execute();
  await sql`drop function if exists initiative_history_append_only()`.execute(db);
  await db.schema.dropTable("initiative_goals").ifExists().execute();
  await db.schema.dropTable("initiative_budget_lines").ifExists().execute();
  await db.schema.dropTable("initiative_milestones").ifExists().execute();
  await db.schema.dropTable("initiative_signoffs").ifExists().execute();
  await db.schema.dropTable("initiatives").ifExists().execute();
}
