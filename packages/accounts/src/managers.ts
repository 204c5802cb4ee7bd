import { sql, type Kysely, type Transaction } from "kysely";
import type { Database, ManagerLevel, Ownership, User } from "@retain/db";
import { recordAudit, type Actor } from "@retain/access";
import { assignManager } from "@retain/warehouse";
import {
  proposeAssignments,
  type AssignmentMethod,
  type CustomerForAssignment,
  type ManagerForAssignment,
  type Proposals,
  type Referral,
} from "./assignment";
import { AccountsError } from "./errors";

/*
 * Account-manager profiles, assignment proposals, applying them and handing a manager's customers
 * over. Every reassignment goes through the warehouse's assignManager (the history closes the old
 * assignment at `now` and opens the new one), so events before `now` keep the manager of their time;
 * each one writes an audit record in the same transaction.
 */

export type ManagerProfile = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  level: ManagerLevel;
  specialties: string[];
  industries: string[];
  ownerships: Ownership[];
  capacity: number;
  /** Customers served now. */
  customers: number;
};

type ProfileRow = Pick<User, "id" | "email" | "name" | "active" | "level" | "specialties" | "industries" | "ownerships" | "capacity">;

const profileColumns = ["id", "email", "name", "active", "level", "specialties", "industries", "ownerships", "capacity"] as const;

function toProfile(row: ProfileRow, customers: number): ManagerProfile {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    active: row.active,
    level: row.level ?? "junior",
    specialties: [...row.specialties],
    industries: [...row.industries],
    ownerships: [...row.ownerships],
    capacity: row.capacity,
    customers,
  };
}

async function servedCounts(db: Kysely<Database>): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("customers")
    .select(["account_manager_id", sql<number>`count(*)`.as("n")])
    .where("account_manager_id", "is not", null)
    .groupBy("account_manager_id")
    .execute();
  return new Map(rows.map((r) => [r.account_manager_id as string, Number(r.n)]));
}

/** Every user with role account_manager, by email. */
export async function listManagers(db: Kysely<Database>): Promise<ManagerProfile[]> {
  const [rows, served] = await Promise.all([
    db.selectFrom("users").select(profileColumns).where("role", "=", "account_manager").orderBy("email").execute(),
    servedCounts(db),
  ]);
  return rows.map((r) => toProfile(r, served.get(r.id) ?? 0));
}

export async function findManager(db: Kysely<Database>, email: string): Promise<ManagerProfile | undefined> {
  const row = await db
    .selectFrom("users")
    .select(profileColumns)
    .where("email", "=", email.trim().toLowerCase())
    .where("role", "=", "account_manager")
    .executeTakeFirst();
  if (!row) return undefined;
  const served = await db
    .selectFrom("customers")
    .select(sql<number>`count(*)`.as("n"))
    .where("account_manager_id", "=", row.id)
    .executeTakeFirstOrThrow();
  return toProfile(row, Number(served.n));
}

export type ProfileChanges = Partial<{
  level: ManagerLevel;
  specialties: string[];
  industries: string[];
  ownerships: Ownership[];
  capacity: number;
}>;

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Changes a manager's profile in one transaction with one audit record (none when nothing changes). */
export async function updateManagerProfile(
  db: Kysely<Database>,
  actor: Actor,
  email: string,
  changes: ProfileChanges,
): Promise<ManagerProfile> {
  return db.transaction().execute(async (trx) => {
    const before = await findManager(trx, email);
    if (!before) throw new AccountsError("NOT_FOUND", "email", `email: no account manager ${email}`);
    const next = {
      level: changes.level ?? before.level,
      specialties: changes.specialties ? unique(changes.specialties) : before.specialties,
      industries: changes.industries ? unique(changes.industries) : before.industries,
      ownerships: changes.ownerships ? unique(changes.ownerships) : before.ownerships,
      capacity: changes.capacity ?? before.capacity,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(before[k]),
    );
    if (changed.length === 0) return before;
    await trx
      .updateTable("users")
      .set({ ...next, updated_at: new Date() })
      .where("id", "=", before.id)
      .execute();
    await recordAudit(trx, actor, {
      action: "account_manager.update",
      entityType: "user",
      entityId: before.email,
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return { ...before, ...next };
  });
}

/** The managers as the pure rule takes them. */
async function managersForAssignment(db: Kysely<Database>): Promise<ManagerForAssignment[]> {
  return (await listManagers(db)).map((m) => ({
    id: m.id,
    email: m.email,
    level: m.level,
    specialties: m.specialties,
    industries: m.industries,
    ownerships: m.ownerships,
    capacity: m.capacity,
    served: m.customers,
    active: m.active,
  }));
}

/** Customers as the pure rule takes them, with their referral resolved (a user's id or a customer's manager). */
async function customersForAssignment(
  db: Kysely<Database>,
  filter: { ids?: readonly string[]; unassigned?: boolean; managerId?: string },
): Promise<CustomerForAssignment[]> {
  let query = db
    .selectFrom("customers as c")
    .leftJoin("users as ru", (j) => j.on(sql`lower(c.referred_by)`, "=", sql.ref("ru.email")))
    .leftJoin("customers as rc", "rc.id", "c.referred_by")
    .select([
      "c.id",
      "c.tier",
      "c.industry",
      "c.ownership",
      "c.specialty",
      "c.referred_by",
      "ru.id as referrer_user_id",
      "rc.id as referrer_customer_id",
      "rc.account_manager_id as referrer_manager_id",
    ]);
  if (filter.ids) query = query.where("c.id", "in", filter.ids.length > 0 ? [...filter.ids] : [""]);
  if (filter.unassigned) query = query.where("c.account_manager_id", "is", null);
  if (filter.managerId) query = query.where("c.account_manager_id", "=", filter.managerId);
  const rows = await query.execute();
  return rows.map((r) => {
    let referral: Referral = null;
    if (r.referrer_user_id) referral = { kind: "user", userId: r.referrer_user_id };
    else if (r.referrer_customer_id) referral = { kind: "customer", managerId: r.referrer_manager_id };
    return { id: r.id, tier: r.tier, industry: r.industry, ownership: r.ownership, specialty: r.specialty, referral };
  });
}

/** Proposals for the named customers (default: every customer without a manager); nothing changes. */
export async function assignmentProposals(
  db: Kysely<Database>,
  method: AssignmentMethod,
  customerIds?: readonly string[],
): Promise<Proposals> {
  if (customerIds) {
    const unique = [...new Set(customerIds)];
    const found = await db.selectFrom("customers").select("id").where("id", "in", unique.length > 0 ? unique : [""]).execute();
    const known = new Set(found.map((f) => f.id));
    const missing = unique.find((id) => !known.has(id));
    if (missing !== undefined) throw new AccountsError("NOT_FOUND", "customers", `customers: no customer ${missing}`);
  }
  const [customers, managers] = await Promise.all([
    customersForAssignment(db, customerIds ? { ids: customerIds } : { unassigned: true }),
    managersForAssignment(db),
  ]);
  return proposeAssignments(method, customers, managers);
}

export type AssignmentInput = { customerId: string; accountManager: string };
export type ApplyResult = { applied: number; unchanged: number };

/** Checks every assignment and writes the changed ones, each a reassignment in history and audit. */
async function applyIn(
  trx: Transaction<Database>,
  actor: Actor,
  assignments: readonly AssignmentInput[],
  now: Date,
  method: string,
): Promise<ApplyResult> {
  const seen = new Set<string>();
  assignments.forEach((a, i) => {
    if (seen.has(a.customerId)) {
      throw new AccountsError("BAD_REQUEST", `assignments.${i}.customerId`, `assignments.${i}.customerId: ${a.customerId} is named twice`);
    }
    seen.add(a.customerId);
  });
  const emails = [...new Set(assignments.map((a) => a.accountManager.trim().toLowerCase()))];
  const managers = await trx
    .selectFrom("users")
    .select(["id", "email", "role", "active"])
    .where("email", "in", emails.length > 0 ? emails : [""])
    .execute();
  const byEmail = new Map(managers.map((m) => [m.email, m]));
  const ids = [...seen];
  const customers = await trx
    .selectFrom("customers")
    .select(["id", "account_manager_id"])
    .where("id", "in", ids.length > 0 ? ids : [""])
    .forUpdate()
    .execute();
  const current = new Map(customers.map((c) => [c.id, c.account_manager_id]));
  let applied = 0;
  let unchanged = 0;
  for (const [i, a] of assignments.entries()) {
    const manager = byEmail.get(a.accountManager.trim().toLowerCase());
    if (!current.has(a.customerId)) {
      throw new AccountsError("NOT_FOUND", `assignments.${i}.customerId`, `assignments.${i}.customerId: no customer ${a.customerId}`);
    }
    if (!manager || manager.role !== "account_manager") {
      throw new AccountsError("NOT_FOUND", `assignments.${i}.accountManager`, `assignments.${i}.accountManager: no account manager ${a.accountManager}`);
    }
    if (!manager.active) {
      throw new AccountsError("CONFLICT", `assignments.${i}.accountManager`, `assignments.${i}.accountManager: ${manager.email} is not active`);
    }
    const before = current.get(a.customerId) ?? null;
    if (before === manager.id) {
      unchanged++;
      continue;
    }
    await assignManager(trx, a.customerId, manager.id, now, method);
    await recordAudit(trx, actor, {
      action: "customer.assign",
      entityType: "customer",
      entityId: a.customerId,
      before: { accountManagerId: before },
      after: { accountManagerId: manager.id, accountManager: manager.email, method },
    });
    applied++;
  }
  return { applied, unchanged };
}

/** Applies assignments (reviewed proposals) in one transaction: all or none. */
export async function applyAssignments(
  db: Kysely<Database>,
  actor: Actor,
  assignments: readonly AssignmentInput[],
  now: Date = new Date(),
): Promise<ApplyResult> {
  return db.transaction().execute((trx) => applyIn(trx, actor, assignments, now, "proposal"));
}

export type HandoverResult = {
  moved: { customerId: string; accountManager: string }[];
  /** Customers no other manager could take (by level proposals); they stay with the leaving manager. */
  unassigned: { customerId: string; reason: string }[];
};

/**
 * Moves every customer of `email` to `to`, or by level proposals among the other managers when `to`
 * is absent, in one transaction. To one person, the capacity is not checked: it is the admin's call.
 */
export async function handover(
  db: Kysely<Database>,
  actor: Actor,
  email: string,
  to: string | undefined,
  now: Date = new Date(),
): Promise<HandoverResult> {
  return db.transaction().execute(async (trx) => {
    const leaving = await findManager(trx, email);
    if (!leaving) throw new AccountsError("NOT_FOUND", "email", `email: no account manager ${email}`);
    const customers = await customersForAssignment(trx, { managerId: leaving.id });
    if (to !== undefined) {
      const target = await findManager(trx, to);
      if (!target) throw new AccountsError("NOT_FOUND", "to", `to: no account manager ${to}`);
      if (target.id === leaving.id) throw new AccountsError("BAD_REQUEST", "to", "to: must be another manager than the one handing over");
      if (!target.active) throw new AccountsError("CONFLICT", "to", `to: ${target.email} is not active`);
      const moved = customers.map((c) => ({ customerId: c.id, accountManager: target.email })).sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
      await applyIn(trx, actor, moved, now, "handover");
      return { moved, unassigned: [] };
    }
    const others = (await managersForAssignment(trx)).filter((m) => m.id !== leaving.id);
    const proposals = proposeAssignments("level", customers, others);
    const moved = proposals.proposals.map((p) => ({ customerId: p.customerId, accountManager: p.accountManager }));
    await applyIn(trx, actor, moved, now, "handover");
    return { moved, unassigned: proposals.unassigned };
  });
}
