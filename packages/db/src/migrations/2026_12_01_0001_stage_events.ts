import { sql, type Kysely } from "kysely";

/*
 * The fold of an ingest batch reads the events the batch stored from the session's temporary table
 * `fold_batch` (packages/warehouse/src/rollups.ts). A statement-level trigger fills it from the
 * statement's transition table, so a batch written by COPY need not be sent and parsed a second
 * time. It acts only in transactions that asked for it (`set local retain.stage_events = 'on'`,
 * after creating fold_batch); any other insert (imports, the demo load, psql) is left alone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function retain_stage_events() returns trigger language plpgsql as $$
    begin
      if current_setting('retain.stage_events', true) = 'on' then
        insert into fold_batch (customer_id, source, id, type, occurred_at, department, account_manager_id, amount,
          due_at, promised_at, scale, score, hours)
        select customer_id, source, id, type, occurred_at, department, account_manager_id, amount,
          due_at, promised_at, scale, score, hours
        from stored_events;
      end if;
      return null;
    end
    $$`.execute(db);
  await sql`create trigger events_stage after insert on events referencing new table as stored_events
    for each statement execute function retain_stage_events()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists events_stage on events`.execute(db);
  await sql`drop function if exists retain_stage_events()`.execute(db);
}
