import { sql, type Kysely } from "kysely";

/*
 * Servers keep who a token belongs to in memory (packages/access/src/caller-cache.ts). Any change
 * that could end or narrow a caller's access — a user changed or removed, a session ended, an API
 * key revoked — notifies channel `retain_auth_changed` when it commits, whoever made it (another
 * server process, a script, psql), and every server drops what it remembers. Statement-level
 * triggers: one notification per statement, and PostgreSQL folds equal ones within a transaction.
 * Inserts need none: a new session or key was never remembered. A key's `last_used_at` is not a
 * change of access and is left out.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function retain_auth_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('retain_auth_changed', tg_table_name);
      return null;
    end
    $$`.execute(db);
  await sql`create trigger users_auth_changed after update or delete or truncate on users
    for each statement execute function retain_auth_changed()`.execute(db);
  await sql`create trigger sessions_auth_changed after update or delete or truncate on sessions
    for each statement execute function retain_auth_changed()`.execute(db);
  await sql`create trigger api_keys_auth_changed after update of key_hash, revoked_at or delete or truncate on api_keys
    for each statement execute function retain_auth_changed()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists api_keys_auth_changed on api_keys`.execute(db);
  await sql`drop trigger if exists sessions_auth_changed on sessions`.execute(db);
  await sql`drop trigger if exists users_auth_changed on users`.execute(db);
  await sql`drop function if exists retain_auth_changed()`.execute(db);
}
