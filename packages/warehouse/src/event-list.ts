import { sql, type Kysely } from "kysely";
import type { Database } from "@retain/db";
import { IngestError } from "./errors";
import { eventTypeKeys } from "./event-types";

/*
 * The raw events behind a number: stored events newest first (by occurrence, then by storage order),
 * a page at a time. A voided event is listed and marked (`voided`), and so is the void itself.
 */

export type EventListQuery = {
  customerId?: string;
  type?: string;
  department?: string;
  accountManagerId?: string;
  /** Occurred at or after. */
  from?: Date;
  /** Occurred before. */
  to?: Date;
  limit: number;
  /** `next` of the previous page. */
  cursor?: string;
};

export type ListedEvent = {
  id: string;
  source: string;
  type: string;
  customerId: string | null;
  occurredAt: string;
  department: string;
  accountManager: string | null;
  amount: number | null;
  refId: string | null;
  dueAt: string | null;
  promisedAt: string | null;
  severity: string | null;
  scale: number | null;
  score: number | null;
  hours: number | null;
  channel: string | null;
  campaignId: string | null;
  stage: string | null;
  employee: string | null;
  payload: Record<string, unknown> | null;
  voided: boolean;
  ingestedAt: string;
};

export type EventPage = { events: ListedEvent[]; next: string | null };

type Cursor = { at: string; seq: number };

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.seq])).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    const [at, seq] = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown[];
    if (
      typeof at === "string" &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(at) &&
      typeof seq === "number" &&
      Number.isSafeInteger(seq)
    ) {
      return { at, seq };
    }
  } catch {
    // fall through
  }
  throw new IngestError("BAD_REQUEST", "cursor: not a cursor this listing returned", "cursor");
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());
const num = (value: string | number | null) => (value === null ? null : Number(value));

export async function listEvents(db: Kysely<Database>, query: EventListQuery): Promise<EventPage> {
  const conditions = [sql`true`];
  if (query.customerId !== undefined) conditions.push(sql`e.customer_id = ${query.customerId}`);
  if (query.department !== undefined) conditions.push(sql`e.department = ${query.department}`);
  if (query.accountManagerId !== undefined)
    conditions.push(sql`e.account_manager_id = ${query.accountManagerId}::uuid`);
  if (query.from !== undefined) conditions.push(sql`e.occurred_at >= ${query.from}`);
  if (query.to !== undefined) conditions.push(sql`e.occurred_at < ${query.to}`);
  if (query.cursor !== undefined) {
    const cursor = decodeCursor(query.cursor);
    // The plain bound lets an index on occurred_at stop where the page starts.
    conditions.push(sql`e.occurred_at <= ${cursor.at}::timestamptz`);
    conditions.push(sql`(e.occurred_at, e.seq) < (${cursor.at}::timestamptz, ${cursor.seq})`);
  }
  const limit = query.limit + 1;
  const pageOf = (types: readonly string[]) => sql`
    select e.customer_id, e.source, e.id, e.seq, e.occurred_at
    from events e
    where ${sql.join([...conditions, sql`e.type in (${sql.join(types)})`], sql` and `)}
    order by e.occurred_at desc, e.seq desc
    limit ${limit}`;
  // Without a customer, newest first walks the (type, occurred_at) index backwards once per type and
  // merges the heads; one customer's events are found by the primary key and sorted.
  const keys =
    query.type !== undefined
      ? pageOf([query.type])
      : query.customerId !== undefined
        ? pageOf(eventTypeKeys)
        : sql`select * from (${sql.join(
            eventTypeKeys.map((type) => sql`(${pageOf([type])})`),
            sql` union all `,
          )}) k order by k.occurred_at desc, k.seq desc limit ${limit}`;
  const { rows } = await sql<{
    customer_id: string;
    source: string;
    id: string;
    seq: string | number;
    type: string;
    occurred_at: Date;
    cursor_at: string;
    department: string;
    manager_email: string | null;
    amount: string | null;
    ref_id: string | null;
    due_at: Date | null;
    promised_at: Date | null;
    severity: string | null;
    scale: number | null;
    score: number | null;
    hours: string | null;
    channel: string | null;
    campaign_id: string | null;
    stage: string | null;
    employee: string | null;
    payload: Record<string, unknown> | null;
    voided: boolean;
    ingested_at: Date;
  }>`
    select e.customer_id, e.source, e.id, e.seq, e.type, e.occurred_at,
      to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at,
      e.department, u.email as manager_email, e.amount, e.ref_id, e.due_at, e.promised_at, e.severity,
      e.scale, e.score, e.hours, e.channel, e.campaign_id, e.stage, e.employee, e.payload, e.ingested_at,
      exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id) as voided
    from (${keys}) k
    join events e on e.customer_id = k.customer_id and e.source = k.source and e.id = k.id
    left join users u on u.id = e.account_manager_id
    order by e.occurred_at desc, e.seq desc`.execute(db);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id,
      source: r.source,
      type: r.type,
      customerId: r.customer_id === "" ? null : r.customer_id,
      occurredAt: r.occurred_at.toISOString(),
      department: r.department,
      accountManager: r.manager_email,
      amount: num(r.amount),
      refId: r.ref_id,
      dueAt: iso(r.due_at),
      promisedAt: iso(r.promised_at),
      severity: r.severity,
      scale: r.scale,
      score: r.score,
      hours: num(r.hours),
      channel: r.channel,
      campaignId: r.campaign_id,
      stage: r.stage,
      employee: r.employee,
      payload: r.payload,
      voided: r.voided,
      ingestedAt: r.ingested_at.toISOString(),
    })),
    next:
      rows.length > query.limit && last ? encodeCursor({ at: last.cursor_at, seq: Number(last.seq) }) : null,
  };
}
