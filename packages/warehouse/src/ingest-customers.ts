import type { Kysely, Transaction } from "kysely";
import type { Customer, Database, Tier } from "@retain/db";
import { recordAudit, systemActor, type Actor } from "@retain/access";
import { IngestError } from "./errors";
import { customerInput, MAX_BATCH, type ValidCustomer } from "./inputs";
import { idOf, zodIssuesToErrors } from "./issues";
import type { Rejection } from "./ingest-events";
import { usersByEmail } from "./reference-data";

export type CustomerIngestResult = { created: number; updated: number; rejected: Rejection[] };

/**
 * Upserts customers by id. Absent optional fields keep their stored value; a new customer gets the
 * defaults of SPEC §4 (size small, tier regular). Tier and account-manager changes are kept as history.
 */
export async function ingestCustomers(
  db: Kysely<Database>,
  customers: readonly unknown[],
  options: { now?: Date; actor?: Actor } = {},
): Promise<CustomerIngestResult> {
  const actor = options.actor ?? systemActor;
  if (customers.length > MAX_BATCH) {
    throw new IngestError(
      "PAYLOAD_TOO_LARGE",
      `at most ${MAX_BATCH} customers per request (got ${customers.length})`,
      "customers",
    );
  }
  const now = options.now ?? new Date();
  const rejected: Rejection[] = [];
  const valid: { index: number; value: ValidCustomer }[] = [];
  customers.forEach((raw, index) => {
    const parsed = customerInput.safeParse(raw);
    if (parsed.success) valid.push({ index, value: parsed.data });
    else rejected.push({ index, id: idOf(raw), errors: zodIssuesToErrors(parsed.error.issues, raw) });
  });

  const counts = await db.transaction().execute(async (trx) => {
    const emails = valid.flatMap(({ value }) =>
      [value.accountManager, value.referredBy?.includes("@") ? value.referredBy.toLowerCase() : null].filter(
        (e): e is string => typeof e === "string",
      ),
    );
    const users = await usersByEmail(trx, emails);
    const ids = [...new Set(valid.map((v) => v.value.id))];
    const existing = new Map<string, Customer>();
    if (ids.length > 0) {
      const rows = await trx.selectFrom("customers").selectAll().where("id", "in", ids).execute();
      for (const row of rows) existing.set(row.id, row);
    }

    let created = 0;
    let updated = 0;
    // New customers are inserted in bulk; a repeated id in the batch flushes first so it updates.
    const pending: NewCustomerRow[] = [];
    const flush = async () => {
      for (const customer of await insertCustomers(trx, pending, now)) existing.set(customer.id, customer);
      pending.length = 0;
    };
    for (const { index, value } of valid) {
      const managerId = value.accountManager ? users.get(value.accountManager) : undefined;
      if (value.accountManager && !managerId) {
        rejected.push({
          index,
          id: value.id,
          errors: [
            { field: "accountManager", code: "unknown_user", message: `accountManager: no active user ${value.accountManager}` },
          ],
        });
        continue;
      }
      if (pending.some((p) => p.value.id === value.id)) await flush();
      const before = existing.get(value.id);
      if (before) {
        existing.set(value.id, await updateCustomer(trx, before, value, managerId ?? null, now, actor));
        updated++;
      } else {
        // "Who develops the customer serves it": a referring user becomes the manager when none is named.
        const referrerId = value.referredBy?.includes("@") ? users.get(value.referredBy.toLowerCase()) : undefined;
        pending.push({ value, managerId: managerId ?? referrerId ?? null, method: managerId ? "manual" : "relationship" });
        created++;
      }
    }
    await flush();
    return { created, updated };
  });

  rejected.sort((a, b) => a.index - b.index);
  return { ...counts, rejected };
}

type NewCustomerRow = { value: ValidCustomer; managerId: string | null; method: string };

/**
 * Rows per multi-row `insert`: PostgreSQL's protocol carries at most 65,535 bind parameters per
 * statement, and a customer row takes 12 (a whole batch of 10,000 new customers would take 120,000).
 */
const INSERT_CHUNK = 2_000;

async function insertCustomers(trx: Transaction<Database>, rows: NewCustomerRow[], now: Date): Promise<Customer[]> {
  const inserted: Customer[] = [];
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    inserted.push(...(await insertCustomerChunk(trx, rows.slice(start, start + INSERT_CHUNK), now)));
  }
  return inserted;
}

async function insertCustomerChunk(trx: Transaction<Database>, rows: NewCustomerRow[], now: Date): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const customers = await trx
    .insertInto("customers")
    .values(
      rows.map(({ value, managerId }) => ({
        id: value.id,
        name: value.name,
        industry: value.industry ?? null,
        region: value.region ?? null,
        ownership: value.ownership ?? null,
        size: value.size ?? "small",
        tier: value.tier ?? "regular",
        account_manager_id: managerId,
        referred_by: value.referredBy ?? null,
        specialty: value.specialty ?? null,
        created_at: value.createdAt ? new Date(value.createdAt) : now,
        updated_at: now,
      })),
    )
    .returningAll()
    .execute();
  await trx
    .insertInto("customer_tier_changes")
    .values(customers.map((c) => ({ customer_id: c.id, changed_at: c.created_at, from_tier: null, to_tier: c.tier })))
    .execute();
  const assigned = rows.filter((r) => r.managerId !== null);
  if (assigned.length > 0) {
    // The first manager is known to serve the customer's whole history.
    await trx
      .insertInto("customer_assignments")
      .values(
        assigned.map((r) => ({ customer_id: r.value.id, user_id: r.managerId as string, valid_from: "-infinity", method: r.method })),
      )
      .execute();
  }
  return customers;
}

async function updateCustomer(
  trx: Transaction<Database>,
  before: Customer,
  value: ValidCustomer,
  managerId: string | null,
  now: Date,
  actor: Actor,
): Promise<Customer> {
  const customer = await trx
    .updateTable("customers")
    .set({
      name: value.name,
      industry: value.industry === undefined ? before.industry : value.industry,
      region: value.region === undefined ? before.region : value.region,
      ownership: value.ownership === undefined ? before.ownership : value.ownership,
      size: value.size ?? before.size,
      tier: value.tier ?? before.tier,
      referred_by: value.referredBy === undefined ? before.referred_by : value.referredBy,
      specialty: value.specialty === undefined ? before.specialty : value.specialty,
      created_at: value.createdAt ? new Date(value.createdAt) : before.created_at,
      incomplete: false,
      updated_at: now,
    })
    .where("id", "=", before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (customer.tier !== before.tier) await changeTier(trx, customer.id, customer.tier, now, before.tier);
  if (managerId && managerId !== before.account_manager_id) {
    await assignManager(trx, customer.id, managerId, now);
    // A reassignment is a configuration change: it is audited with the change.
    await recordAudit(trx, actor, {
      action: "customer.assign",
      entityType: "customer",
      entityId: customer.id,
      before: { accountManagerId: before.account_manager_id },
      after: { accountManagerId: managerId },
    });
  }
  return managerId && managerId !== customer.account_manager_id ? { ...customer, account_manager_id: managerId } : customer;
}

/** Records a tier change at `at` (history) and, when it is the latest, the customer's current tier. */
export async function changeTier(
  db: Kysely<Database>,
  customerId: string,
  tier: Tier,
  at: Date,
  fromTier?: Tier,
): Promise<void> {
  const previous =
    fromTier ??
    (
      await db
        .selectFrom("customer_tier_changes")
        .select("to_tier")
        .where("customer_id", "=", customerId)
        .where("changed_at", "<=", at)
        .orderBy("changed_at", "desc")
        .orderBy("seq", "desc")
        .executeTakeFirst()
    )?.to_tier;
  if (previous === tier) return;
  await db
    .insertInto("customer_tier_changes")
    .values({ customer_id: customerId, changed_at: at, from_tier: previous ?? null, to_tier: tier })
    .execute();
  // The current tier is the latest change, whatever order changes are recorded in.
  await db
    .updateTable("customers")
    .set({
      tier: (eb) =>
        eb
          .selectFrom("customer_tier_changes")
          .select("to_tier")
          .where("customer_id", "=", customerId)
          .orderBy("changed_at", "desc")
          .orderBy("seq", "desc")
          .limit(1),
    })
    .where("id", "=", customerId)
    .execute();
}

/** Reassigns a customer from `at` on; the history keeps who served it before, so no attribution is lost. */
export async function assignManager(
  db: Kysely<Database>,
  customerId: string,
  userId: string,
  at: Date,
  method = "manual",
): Promise<void> {
  await db
    .updateTable("customer_assignments")
    .set({ valid_to: at })
    .where("customer_id", "=", customerId)
    .where("valid_to", "is", null)
    .execute();
  await db
    .insertInto("customer_assignments")
    .values({ customer_id: customerId, user_id: userId, valid_from: at, method })
    .execute();
  await db.updateTable("customers").set({ account_manager_id: userId }).where("id", "=", customerId).execute();
}
