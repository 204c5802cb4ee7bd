import type { Kysely, Transaction } from "kysely";
import type { Customer, Database, Tier } from "@retain/db";
import { IngestError } from "./errors";
import { customerInput, MAX_BATCH, type FieldError, type ValidCustomer } from "./inputs";
import { zodIssuesToErrors } from "./issues";
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
  options: { now?: Date } = {},
): Promise<CustomerIngestResult> {
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
    else {
      const id = raw && typeof raw === "object" && "id" in raw && typeof raw.id === "string" ? raw.id : null;
      rejected.push({ index, id, errors: zodIssuesToErrors(parsed.error.issues) });
    }
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
    for (const { index, value } of valid) {
      const errors: FieldError[] = [];
      const managerId = value.accountManager ? users.get(value.accountManager) : undefined;
      if (value.accountManager && !managerId) {
        errors.push({
          field: "accountManager",
          code: "unknown_user",
          message: `accountManager: no active user ${value.accountManager}`,
        });
      }
      if (errors.length > 0) {
        rejected.push({ index, id: value.id, errors });
        continue;
      }
      // "Who develops the customer serves it": a referring user becomes the manager when none is named.
      const referrerId = value.referredBy?.includes("@") ? users.get(value.referredBy.toLowerCase()) : undefined;
      const before = existing.get(value.id);
      const after = before
        ? await updateCustomer(trx, before, value, managerId ?? null, now)
        : await insertCustomer(trx, value, managerId ?? referrerId ?? null, managerId ? "manual" : "relationship", now);
      existing.set(after.id, after);
      if (before) updated++;
      else created++;
    }
    return { created, updated };
  });

  rejected.sort((a, b) => a.index - b.index);
  return { ...counts, rejected };
}

async function insertCustomer(
  trx: Transaction<Database>,
  value: ValidCustomer,
  managerId: string | null,
  method: string,
  now: Date,
): Promise<Customer> {
  const createdAt = value.createdAt ? new Date(value.createdAt) : now;
  const customer = await trx
    .insertInto("customers")
    .values({
      id: value.id,
      name: value.name,
      industry: value.industry ?? null,
      region: value.region ?? null,
      ownership: value.ownership ?? null,
      size: value.size ?? "small",
      tier: value.tier ?? "regular",
      account_manager_id: managerId,
      referred_by: value.referredBy ?? null,
      created_at: createdAt,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("customer_tier_changes")
    .values({ customer_id: customer.id, changed_at: createdAt, from_tier: null, to_tier: customer.tier })
    .execute();
  if (managerId) {
    // The first manager is known to serve the customer's whole history.
    await trx
      .insertInto("customer_assignments")
      .values({ customer_id: customer.id, user_id: managerId, valid_from: "-infinity", method })
      .execute();
  }
  return customer;
}

async function updateCustomer(
  trx: Transaction<Database>,
  before: Customer,
  value: ValidCustomer,
  managerId: string | null,
  now: Date,
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
      created_at: value.createdAt ? new Date(value.createdAt) : before.created_at,
      incomplete: false,
      updated_at: now,
    })
    .where("id", "=", before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (customer.tier !== before.tier) await changeTier(trx, customer.id, customer.tier, now, before.tier);
  if (managerId && managerId !== before.account_manager_id) await assignManager(trx, customer.id, managerId, now);
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
  await db.updateTable("customers").set({ tier }).where("id", "=", customerId).where("updated_at", "<=", at).execute();
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
