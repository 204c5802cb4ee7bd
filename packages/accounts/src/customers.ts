import { sql, type Kysely, type RawBuilder } from "kysely";
import type { CustomerSize, Database, Ownership, Tier } from "@retain/db";
import type { CreditPolicy, PaymentRecord } from "./credit";
import { AccountsError } from "./errors";
import { suggestedActionOf, type ProblemReason, type SuggestedAction } from "./problems";
import type { Segment } from "./pyramid";
import { problemRows, type AccountSettings } from "./sql";
import { ensureStandings } from "./standings";

/*
 * The customer registry and one customer's page (SPEC §8 "Customers (read)"). Segment and credit
 * policy are today's, from the standings (recomputed when stale); the row-level rules of §7 come in
 * as a `visibleTo` restriction from the API edge.
 */

export const customerSorts = [
  "name",
  "-name",
  "id",
  "-id",
  "revenue",
  "-revenue",
  "tier",
  "-tier",
  "created",
  "-created",
] as const;
export type CustomerSort = (typeof customerSorts)[number];

/** Who may see which customers: everyone, a manager's own, or those with events attributed to a department. */
export type Visibility = { all: true } | { managerId: string } | { department: string };

export type CustomerListQuery = {
  search?: string;
  tier?: Tier;
  size?: CustomerSize;
  industry?: string;
  region?: string;
  ownership?: Ownership;
  /** A manager's id; null: customers without a manager. */
  accountManagerId?: string | null;
  segment?: Segment;
  creditPolicy?: CreditPolicy;
  incomplete?: boolean;
  sort?: CustomerSort;
  limit?: number;
  cursor?: string;
};

export type CustomerListRow = {
  id: string;
  name: string;
  tier: Tier;
  size: CustomerSize;
  industry: string | null;
  region: string | null;
  ownership: Ownership | null;
  specialty: string | null;
  accountManager: string | null;
  segment: Segment;
  creditPolicy: CreditPolicy;
  revenue: number;
  incomplete: boolean;
  createdAt: string;
};

export type CustomerPage = { customers: CustomerListRow[]; total: number; next: string | null };

const sortExpressions: Record<string, { expr: RawBuilder<unknown>; cast: RawBuilder<unknown> }> = {
  name: { expr: sql`lower(c.name)`, cast: sql`text` },
  id: { expr: sql`(c.id collate "C")`, cast: sql`text` },
  revenue: { expr: sql`s.revenue`, cast: sql`numeric` },
  tier: { expr: sql`(case c.tier when 'vip' then 0 when 'key' then 1 else 2 end)`, cast: sql`integer` },
  created: { expr: sql`c.created_at`, cast: sql`timestamptz` },
};

function encodeCursor(value: unknown, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string | number, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      typeof parsed[1] === "string" &&
      ["string", "number"].includes(typeof parsed[0])
    ) {
      return parsed as [string | number, string];
    }
  } catch {
    // fall through
  }
  throw new AccountsError("BAD_REQUEST", "cursor", "cursor: is not a cursor this list returned");
}

function visibilityCondition(v: Visibility): RawBuilder<unknown> {
  if ("all" in v) return sql`true`;
  if ("managerId" in v) return sql`c.account_manager_id = ${v.managerId}`;
  return sql`exists (select 1 from events e where e.customer_id = c.id and e.department = ${v.department})`;
}

const likePattern = (term: string) => `%${term.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** One page of the registry with the total of the filtered list. */
export async function listCustomers(
  db: Kysely<Database>,
  query: CustomerListQuery,
  visibleTo: Visibility,
  settings: AccountSettings,
  asOf: string,
): Promise<CustomerPage> {
  await ensureStandings(db, asOf, settings);
  const conditions: RawBuilder<unknown>[] = [visibilityCondition(visibleTo)];
  if (query.search) {
    const pattern = likePattern(query.search.trim());
    conditions.push(sql`(lower(c.name) like ${pattern} or lower(c.id) like ${pattern})`);
  }
  if (query.tier) conditions.push(sql`c.tier = ${query.tier}`);
  if (query.size) conditions.push(sql`c.size = ${query.size}`);
  if (query.industry) conditions.push(sql`c.industry = ${query.industry}`);
  if (query.region) conditions.push(sql`c.region = ${query.region}`);
  if (query.ownership) conditions.push(sql`c.ownership = ${query.ownership}`);
  if (query.accountManagerId === null) conditions.push(sql`c.account_manager_id is null`);
  else if (query.accountManagerId !== undefined)
    conditions.push(sql`c.account_manager_id = ${query.accountManagerId}`);
  if (query.segment) conditions.push(sql`s.segment = ${query.segment}`);
  if (query.creditPolicy) conditions.push(sql`s.credit_policy = ${query.creditPolicy}`);
  if (query.incomplete !== undefined) conditions.push(sql`c.incomplete = ${query.incomplete}`);
  const where = sql.join(conditions, sql` and `);

  const sort = query.sort ?? "name";
  const desc = sort.startsWith("-");
  const key = desc ? sort.slice(1) : sort;
  const { expr, cast } = sortExpressions[key]!;
  const limit = query.limit ?? 50;
  const direction = desc ? sql`desc` : sql`asc`;
  let page = where;
  if (query.cursor) {
    const [value, id] = decodeCursor(query.cursor);
    const cmp = desc ? sql`<` : sql`>`;
    page = sql`${where} and (${expr}, c.id collate "C") ${cmp} (cast(${value} as ${cast}), cast(${id} as text) collate "C")`;
  }
  const from = sql`customers c join customer_standings s on s.customer_id = c.id left join users u on u.id = c.account_manager_id`;
  // Every customer has its standing (ensureStandings above): the total reads the standings only to
  // filter on them. The page walks the customers in its order (an index on name, then id) and stops.
  const countFrom =
    query.segment || query.creditPolicy
      ? sql`customers c join customer_standings s on s.customer_id = c.id`
      : sql`customers c`;
  const [rowsResult, totalResult] = await Promise.all([
    sql<RawListRow>`
      select c.id, c.name, c.tier, c.size, c.industry, c.region, c.ownership, c.specialty, u.email as account_manager,
        s.segment, s.credit_policy, s.revenue, c.incomplete, c.created_at, ${expr} as sort_value
      from ${from}
      where ${page}
      order by ${expr} ${direction}, c.id collate "C" ${direction}
      limit ${limit + 1}`.execute(db),
    sql<{ n: number | string }>`select count(*) as n from ${countFrom} where ${where}`.execute(db),
  ]);
  const rows = rowsResult.rows;
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const last = pageRows[pageRows.length - 1];
  const sortValue = (r: RawListRow) =>
    r.sort_value instanceof Date
      ? r.sort_value.toISOString()
      : typeof r.sort_value === "number"
        ? r.sort_value
        : String(r.sort_value);
  return {
    customers: pageRows.map(toListRow),
    total: Number(totalResult.rows[0]?.n ?? 0),
    next: more && last ? encodeCursor(sortValue(last), last.id) : null,
  };
}

type RawListRow = {
  id: string;
  name: string;
  tier: Tier;
  size: CustomerSize;
  industry: string | null;
  region: string | null;
  ownership: Ownership | null;
  specialty: string | null;
  account_manager: string | null;
  segment: Segment;
  credit_policy: CreditPolicy;
  revenue: string | number;
  incomplete: boolean;
  created_at: Date | string;
  sort_value: unknown;
};

const toListRow = (r: RawListRow): CustomerListRow => ({
  id: r.id,
  name: r.name,
  tier: r.tier,
  size: r.size,
  industry: r.industry,
  region: r.region,
  ownership: r.ownership,
  specialty: r.specialty,
  accountManager: r.account_manager,
  segment: r.segment,
  creditPolicy: r.credit_policy,
  revenue: Number(r.revenue),
  incomplete: r.incomplete,
  createdAt: new Date(r.created_at).toISOString(),
});

/** Whether the customer exists and `visibleTo` may read it (others read as not found). */
export async function canSeeCustomer(
  db: Kysely<Database>,
  id: string,
  visibleTo: Visibility,
): Promise<boolean> {
  const { rows } =
    await sql`select 1 from customers c where c.id = ${id} and ${visibilityCondition(visibleTo)}`.execute(db);
  return rows.length > 0;
}

export type CustomerDetail = Omit<CustomerListRow, "creditPolicy"> & {
  referredBy: string | null;
  asOf: string;
  suggestedAction: SuggestedAction;
  problems: ProblemReason[];
  /** The policy and why: the payment record, its on-time rate and the payments counted. */
  creditPolicy: { policy: CreditPolicy; record: PaymentRecord; onTimeRate: number | null; payments: number };
  tierHistory: { at: string; from: Tier | null; to: Tier }[];
  assignmentHistory: {
    accountManager: string;
    name: string;
    from: string | null;
    to: string | null;
    method: string;
  }[];
  creditPolicyHistory: {
    at: string;
    asOf: string;
    from: CreditPolicy | null;
    to: CreditPolicy;
    record: PaymentRecord;
    onTimeRate: number | null;
    payments: number;
  }[];
  openComplaints: {
    id: string;
    source: string;
    occurredAt: string;
    severity: string | null;
    overdue: boolean;
    followUps: { id: string; source: string; type: string; occurredAt: string }[];
  }[];
};

/** One customer as its page shows it; undefined when it does not exist or is not `visibleTo`'s. */
export async function customerDetail(
  db: Kysely<Database>,
  id: string,
  visibleTo: Visibility,
  settings: AccountSettings,
  asOf: string,
  now: Date = new Date(),
): Promise<CustomerDetail | undefined> {
  if (!(await canSeeCustomer(db, id, visibleTo))) return undefined;
  await ensureStandings(db, asOf, settings, now);
  const { rows } = await sql<
    RawListRow & {
      referred_by: string | null;
      record: PaymentRecord;
      on_time_rate: string | null;
      payments: number;
    }
  >`
    select c.id, c.name, c.tier, c.size, c.industry, c.region, c.ownership, c.specialty, u.email as account_manager,
      s.segment, s.credit_policy, s.revenue, c.incomplete, c.created_at, c.referred_by, s.record, s.on_time_rate, s.payments,
      null as sort_value
    from customers c join customer_standings s on s.customer_id = c.id left join users u on u.id = c.account_manager_id
    where c.id = ${id}`.execute(db);
  const row = rows[0];
  if (!row) return undefined;
  const [problems] = await problemRows(db, asOf, settings, { customerIds: [id] });
  const reasons = problems?.reasons ?? [];
  const [tiers, assignments, policies, complaints] = await Promise.all([
    db
      .selectFrom("customer_tier_changes")
      .select(["changed_at", "from_tier", "to_tier"])
      .where("customer_id", "=", id)
      .orderBy("changed_at")
      .orderBy("seq")
      .execute(),
    db
      .selectFrom("customer_assignments as a")
      .innerJoin("users as u", "u.id", "a.user_id")
      .select(["u.email", "u.name", "a.valid_from", "a.valid_to", "a.method"])
      .where("a.customer_id", "=", id)
      .orderBy("a.seq")
      .execute(),
    db
      .selectFrom("customer_credit_policies")
      .selectAll()
      .where("customer_id", "=", id)
      .orderBy("seq")
      .execute(),
    openComplaintsOf(db, id, now, settings.complaintSlaHours),
  ]);
  const listRow = toListRow(row);
  return {
    ...listRow,
    referredBy: row.referred_by,
    asOf,
    suggestedAction: suggestedActionOf(reasons, listRow.segment),
    problems: reasons,
    creditPolicy: {
      policy: row.credit_policy,
      record: row.record,
      onTimeRate: row.on_time_rate === null ? null : Number(row.on_time_rate),
      payments: Number(row.payments),
    },
    tierHistory: tiers.map((t) => ({
      at: new Date(t.changed_at).toISOString(),
      from: t.from_tier,
      to: t.to_tier,
    })),
    assignmentHistory: assignments.map((a) => ({
      accountManager: a.email,
      name: a.name,
      from: isoOrNull(a.valid_from),
      to: isoOrNull(a.valid_to),
      method: a.method,
    })),
    creditPolicyHistory: policies.map((p) => ({
      at: new Date(p.changed_at).toISOString(),
      asOf: String(p.as_of),
      from: p.from_policy,
      to: p.to_policy,
      record: p.record,
      onTimeRate: p.on_time_rate === null ? null : Number(p.on_time_rate),
      payments: p.payments,
    })),
    openComplaints: complaints,
  };
}

/** `-infinity` (an assignment known to cover the whole history) reads as null. */
function isoOrNull(value: Date | string | null): string | null {
  if (value === null) return null;
  const date = new Date(value);
  return Number.isFinite(date.getTime()) ? date.toISOString() : null;
}

async function openComplaintsOf(
  db: Kysely<Database>,
  customerId: string,
  now: Date,
  slaHours: number,
): Promise<CustomerDetail["openComplaints"]> {
  const { rows } = await sql<{ id: string; source: string; occurred_at: Date; severity: string | null }>`
    select e.id, e.source, e.occurred_at, e.severity
    from events e
    where e.customer_id = ${customerId} and e.type = 'complaint'
      and not exists (select 1 from events v where v.type = 'void' and v.source = e.source and v.ref_id = e.id)
      and not exists (
        select 1 from events r
        where r.customer_id = e.customer_id and r.type = 'complaint_resolved' and r.source = e.source and r.ref_id = e.id
          and not exists (select 1 from events v where v.type = 'void' and v.source = r.source and v.ref_id = r.id)
      )
    order by e.occurred_at desc, e.id
    limit 100`.execute(db);
  if (rows.length === 0) return [];
  const visits = await db
    .selectFrom("events")
    .select(["id", "source", "type", "occurred_at", "ref_id"])
    .where("customer_id", "=", customerId)
    .where("type", "=", "visit")
    .where(
      "ref_id",
      "in",
      rows.map((r) => r.id),
    )
    .orderBy("occurred_at")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    occurredAt: new Date(r.occurred_at).toISOString(),
    severity: r.severity,
    overdue: now.getTime() - new Date(r.occurred_at).getTime() > slaHours * 3_600_000,
    followUps: visits
      .filter((v) => v.ref_id === r.id && v.source === r.source)
      .map((v) => ({
        id: v.id,
        source: v.source,
        type: v.type,
        occurredAt: new Date(v.occurred_at).toISOString(),
      })),
  }));
}
