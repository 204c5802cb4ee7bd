import type { Kysely } from "kysely";
import type { Database, ManagerLevel, Role, User } from "@retain/db";
import { AccessError } from "./errors";
import { hashPassword } from "./passwords";

export type NewUserInput = {
  email: string;
  name: string;
  password?: string | null;
  /** An Argon2id hash computed earlier, e.g. shared by demo accounts. */
  passwordHash?: string | null;
  role: Role;
  department?: string | null;
  level?: ManagerLevel | null;
  specialty?: string | null;
  industryFocus?: string | null;
};

export type PublicUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  department: string | null;
  level: ManagerLevel | null;
  active: boolean;
};

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    department: user.department,
    level: user.level,
    active: user.active,
  };
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("email", "=", email.trim().toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function createUser(db: Kysely<Database>, input: NewUserInput): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  if (input.role === "department_head" && !input.department) {
    throw new AccessError("BAD_REQUEST", "department is required for a department_head", "department");
  }
  if (input.department) {
    const department = await db
      .selectFrom("departments")
      .select("key")
      .where("key", "=", input.department)
      .executeTakeFirst();
    if (!department) throw new AccessError("BAD_REQUEST", `unknown department ${input.department}`, "department");
  }
  if (await findUserByEmail(db, email)) {
    throw new AccessError("CONFLICT", `a user with email ${email} already exists`, "email");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : (input.passwordHash ?? null);
  const user = await db
    .insertInto("users")
    .values({
      email,
      name: input.name.trim(),
      password_hash: passwordHash,
      role: input.role,
      department: input.department ?? null,
      level: input.level ?? null,
      specialty: input.specialty ?? null,
      industry_focus: input.industryFocus ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toPublicUser(user);
}

export type EnsuredAdmin = { email: string; created: boolean; generatedPassword: string | null };

/**
 * Makes sure the configured admin exists and is active. A configured password is (re)applied; without
 * one, a new admin gets a generated password that the caller prints once.
 */
export async function ensureAdmin(
  db: Kysely<Database>,
  options: { email: string; password?: string; generatePassword: () => string },
): Promise<EnsuredAdmin> {
  const email = options.email.trim().toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing) {
    const updates: Partial<{ password_hash: string; role: Role; active: boolean }> = {};
    if (existing.role !== "admin") updates.role = "admin";
    if (!existing.active) updates.active = true;
    if (options.password) updates.password_hash = await hashPassword(options.password);
    if (Object.keys(updates).length > 0) {
      await db.updateTable("users").set(updates).where("id", "=", existing.id).execute();
    }
    return { email, created: false, generatedPassword: null };
  }
  const generatedPassword = options.password ? null : options.generatePassword();
  await createUser(db, {
    email,
    name: "Administrator",
    password: options.password ?? generatedPassword,
    role: "admin",
  });
  return { email, created: true, generatedPassword };
}
