import { sql, type Kysely } from "kysely";

// No query looks events up by seq (it only orders ties inside a customer), and the index
// cost every insert a sixth index update.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists events_seq_idx`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`create index events_seq_idx on events (seq)`.execute(db);
}
