import { sql, type Kysely } from "kysely";

// Frozen in time: never import application code here.
//
// Open complaints (SPEC §8) look every complaint's resolution up by its reference: a partial
// covering index of the resolutions, so that test reads the index alone, not a page of events per
// resolution.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index events_resolution_ref_idx on events (customer_id, source, ref_id) include (occurred_at, id)
    where type = 'complaint_resolved'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists events_resolution_ref_idx`.execute(db);
}
