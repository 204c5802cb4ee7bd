import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database, Role } from "@retain/db";
import { verifyPassword } from "@retain/access";
import { DEMO_PASSWORD, DEMO_SIGN_INS } from "./bootstrap/seed-demo";

export type DemoAccount = {
  email: string;
  name: string;
  role: Role;
  department: string | null;
  label: string;
  /** null for the admin, whose password is the one configured at install (RETAIN_ADMIN_PASSWORD). */
  password: string | null;
};

const storedSignIns = z.array(z.object({ email: z.string(), label: z.string() }));

// Whether a password hash is the demo password's: Argon2id is slow on purpose, so each hash is checked once.
const demoHashes = new Map<string, boolean>();
async function hasDemoPassword(hash: string | null): Promise<boolean> {
  if (!hash) return false;
  let known = demoHashes.get(hash);
  if (known === undefined) {
    known = await verifyPassword(hash, DEMO_PASSWORD);
    if (demoHashes.size > 100) demoHashes.clear();
    demoHashes.set(hash, known);
  }
  return known;
}

/**
 * The accounts the sign-in page offers. Only a database the demo was seeded into holds the list
 * (the seed writes it): any other install answers none. An account is offered while it is active
 * and still has the demo password; the first admin is named without a password.
 */
export async function demoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const row = await db
    .selectFrom("settings")
    .select("value")
    .where("key", "=", DEMO_SIGN_INS)
    .executeTakeFirst();
  const parsed = storedSignIns.safeParse(typeof row?.value === "string" ? JSON.parse(row.value) : row?.value);
  if (!parsed.success || parsed.data.length === 0) return [];
  const labels = new Map(parsed.data.map((s) => [s.email, s.label]));
  const users = await db
    .selectFrom("users")
    .select(["email", "name", "role", "department", "password_hash"])
    .where("active", "=", true)
    .where("email", "in", [...labels.keys()])
    .execute();
  const byEmail = new Map(users.map((u) => [u.email, u]));
  const accounts: DemoAccount[] = [];
  const admin = await db
    .selectFrom("users")
    .select(["email", "name", "role", "department"])
    .where("role", "=", "admin")
    .where("active", "=", true)
    .orderBy("created_at")
    .limit(1)
    .executeTakeFirst();
  if (admin) accounts.push({ ...admin, label: "Admin", password: null });
  for (const [email, label] of labels) {
    const user = byEmail.get(email);
    if (!user || !(await hasDemoPassword(user.password_hash))) continue;
    accounts.push({
      email,
      name: user.name,
      role: user.role,
      department: user.department,
      label,
      password: DEMO_PASSWORD,
    });
  }
  return accounts;
}
