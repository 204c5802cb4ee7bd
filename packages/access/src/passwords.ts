import { hash, verify } from "@node-rs/argon2";

// OWASP password storage cheat sheet: Argon2id (the library's default algorithm), 19 MiB, 2 iterations, 1 lane.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

let dummyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  // Without a stored hash still spend the same work, so timing does not reveal which accounts exist.
  dummyHash ??= hashPassword("retain-timing-equaliser");
  const target = passwordHash ?? (await dummyHash);
  const ok = await verify(target, password).catch(() => false);
  return ok && passwordHash !== null;
}
