import type { Kysely } from "kysely";
import type { Database, ManagerLevel, Role, User } from "@retain/db";
import { recordAudit, systemActor, type Actor } from "./audit";
import { authChanged } from "./caller-cache";
import { AccessError } from "./errors";
import { hashPassword } from "./passwords";
import { deleteUserSessions } from "./sessions";

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

async function checkDepartment(db: Kysely<Database>, role: Role, department: string | null | undefined) {
  if (role === "department_head" && !department) {
    throw new AccessError("BAD_REQUEST", "department: is required for a department_head", "department");
  }
  if (department) {
    const found = await db.selectFrom("departments").select("key").where("key", "=", department).executeTakeFirst();
    if (!found) throw new AccessError("BAD_REQUEST", `department: no department ${department}`, "department");
  }
}

export async function createUser(db: Kysely<Database>, input: NewUserInput, actor?: Actor): Promise<PublicUser> {
  const email = input.email.trim().toLowerCase();
  await checkDepartment(db, input.role, input.department);
  if (await findUserByEmail(db, email)) {
    throw new AccessError("CONFLICT", `email: a user with email ${email} already exists`, "email");
  }
  const passwordHash = input.password ? await hashPassword(input.password) : (input.passwordHash ?? null);
  return db.transaction().execute(async (trx) => {
    const user = await insertUser(trx, input, email, passwordHash);
    if (actor) await recordAudit(trx, actor, { action: "user.create", entityType: "user", entityId: user.id, after: user });
    return user;
  });
}

async function insertUser(db: Kysely<Database>, input: NewUserInput, email: string, passwordHash: string | null) {
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
      await db.transaction().execute(async (trx) => {
        const after = await trx
          .updateTable("users")
          .set(updates)
          .where("id", "=", existing.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordAudit(trx, systemActor, {
          action: "user.ensure_admin",
          entityType: "user",
          entityId: existing.id,
          before: toPublicUser(existing),
          after: { ...toPublicUser(after), ...(updates.password_hash ? { passwordChanged: true } : {}) },
        });
      });
      authChanged();
    }
    return { email, created: false, generatedPassword: null };
  }
  const generatedPassword = options.password ? null : options.generatePassword();
  await createUser(
    db,
    { email, name: "Administrator", password: options.password ?? generatedPassword, role: "admin" },
    systemActor,
  );
  return { email, created: true, generatedPassword };
}

export type UserChanges = {
  name?: string;
  role?: Role;
  department?: string | null;
  level?: ManagerLevel | null;
  active?: boolean;
  password?: string;
};

/**
 * Changes a user. The last active admin can be neither demoted nor deactivated; deactivation ends
 * the user's sessions at once.
 */
export async function updateUser(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  changes: UserChanges,
): Promise<PublicUser> {
  const passwordHash = changes.password ? await hashPassword(changes.password) : undefined;
  const changed = await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom("users").selectAll().where("id", "=", id).forUpdate().executeTakeFirst();
    if (!before) throw new AccessError("NOT_FOUND", `no user ${id}`);
    const role = changes.role ?? before.role;
    const active = changes.active ?? before.active;
    const department = changes.department === undefined ? before.department : changes.department;
    await checkDepartment(trx, role, department);
    if (before.role === "admin" && before.active && (role !== "admin" || !active)) {
      // Lock every admin row so two concurrent demotions cannot both pass this check.
      const admins = await trx
        .selectFrom("users")
        .select("id")
        .where("role", "=", "admin")
        .where("active", "=", true)
        .forUpdate()
        .execute();
      if (admins.filter((a) => a.id !== id).length === 0) {
        throw new AccessError("CONFLICT", "the last active admin can be neither demoted nor deactivated", "role");
      }
    }
    const after = await trx
      .updateTable("users")
      .set({
        name: changes.name?.trim() ?? before.name,
        role,
        department,
        level: changes.level === undefined ? before.level : changes.level,
        active,
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        updated_at: new Date(),
      })
      .where("id", "=", id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (!active || passwordHash) await deleteUserSessions(trx, id);
    const beforeView = toPublicUser(before);
    const afterView = toPublicUser(after);
    await recordAudit(trx, actor, {
      action: !active && before.active ? "user.deactivate" : "user.update",
      entityType: "user",
      entityId: id,
      before: beforeView,
      after: { ...afterView, ...(passwordHash ? { passwordChanged: true } : {}) },
    });
    return afterView;
  });
  authChanged();
  return changed;
}

export async function listUsers(db: Kysely<Database>): Promise<PublicUser[]> {
  const rows = await db.selectFrom("users").selectAll().orderBy("role").orderBy("email").execute();
  return rows.map(toPublicUser);
}
