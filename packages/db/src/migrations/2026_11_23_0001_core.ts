import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("departments")
    .addColumn("key", "text", (c) => c.primaryKey().check(sql`key ~ '^[a-z][a-z0-9_]{0,39}$'`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin', 'department_head', 'account_manager', 'viewer')`),
    )
    .addColumn("department", "text", (c) => c.references("departments.key"))
    .addColumn("level", "text", (c) => c.check(sql`level in ('senior', 'intermediate', 'junior')`))
    .addColumn("specialty", "text")
    .addColumn("industry_focus", "text")
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("users_head_has_department", sql`role <> 'department_head' or department is not null`)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "jsonb", (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("customers")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("industry", "text")
    .addColumn("region", "text")
    .addColumn("ownership", "text", (c) =>
      c.check(sql`ownership in ('state', 'private', 'foreign', 'collective', 'group')`),
    )
    .addColumn("size", "text", (c) => c.notNull().defaultTo("small").check(sql`size in ('large', 'medium', 'small')`))
    .addColumn("tier", "text", (c) => c.notNull().defaultTo("regular").check(sql`tier in ('vip', 'key', 'regular')`))
    .addColumn("account_manager_id", "uuid", (c) => c.references("users.id"))
    .addColumn("referred_by", "text")
    .addColumn("incomplete", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("customers_manager_idx").on("customers").column("account_manager_id").execute();

  // History tables carry customer_id first in their keys so they can be co-located with events.
  await db.schema
    .createTable("customer_tier_changes")
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("changed_at", "timestamptz", (c) => c.notNull())
    .addColumn("from_tier", "text")
    .addColumn("to_tier", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("customer_tier_changes_pk", ["customer_id", "seq"])
    .execute();
  await db.schema
    .createIndex("customer_tier_changes_at_idx")
    .on("customer_tier_changes")
    .column("changed_at")
    .execute();

  await db.schema
    .createTable("customer_assignments")
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("valid_from", "timestamptz", (c) => c.notNull())
    .addColumn("valid_to", "timestamptz")
    .addColumn("method", "text", (c) => c.notNull().defaultTo("manual"))
    .addPrimaryKeyConstraint("customer_assignments_pk", ["customer_id", "seq"])
    .execute();

  // Raw activity: append-only. customer_id is '' for events without a customer (training).
  await db.schema
    .createTable("events")
    .addColumn("customer_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("id", "text", (c) => c.notNull())
    .addColumn("seq", "bigint", (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("occurred_at", "timestamptz", (c) => c.notNull())
    .addColumn("department", "text", (c) => c.notNull())
    .addColumn("account_manager_id", "uuid")
    .addColumn("amount", "numeric(16, 2)")
    .addColumn("ref_id", "text")
    .addColumn("due_at", "timestamptz")
    .addColumn("promised_at", "timestamptz")
    .addColumn("severity", "text")
    .addColumn("scale", "smallint")
    .addColumn("score", "smallint")
    .addColumn("hours", "numeric(10, 2)")
    .addColumn("channel", "text")
    .addColumn("campaign_id", "text")
    .addColumn("stage", "text")
    .addColumn("employee", "text")
    .addColumn("payload", "jsonb")
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("ingested_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("events_pk", ["customer_id", "source", "id"])
    .execute();
  await db.schema.createIndex("events_source_id_idx").on("events").columns(["source", "id"]).execute();
  await db.schema.createIndex("events_type_time_idx").on("events").columns(["type", "occurred_at"]).execute();
  await db.schema.createIndex("events_seq_idx").on("events").column("seq").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "events",
    "customer_assignments",
    "customer_tier_changes",
    "customers",
    "settings",
    "sessions",
    "users",
    "departments",
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
