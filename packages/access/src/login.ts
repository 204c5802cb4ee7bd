import type { Kysely } from "kysely";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { Database } from "@retain/db";
import { AccessError } from "./errors";
import { verifyPassword } from "./passwords";
import { createSession } from "./sessions";
import { findUserByEmail, toPublicUser, type PublicUser } from "./users";

export type LoginThrottle = { limiter: RateLimiterMemory };

/** Failed logins per account and address: 5 in 15 minutes, then 429 until the window passes. */
export function createLoginThrottle(points = 5, durationSeconds = 15 * 60): LoginThrottle {
  return { limiter: new RateLimiterMemory({ points, duration: durationSeconds, keyPrefix: "login" }) };
}

export async function login(
  db: Kysely<Database>,
  throttle: LoginThrottle,
  input: { email: string; password: string; address: string },
): Promise<{ token: string; user: PublicUser }> {
  const email = input.email.trim().toLowerCase();
  const key = `${email}|${input.address}`;
  const state = await throttle.limiter.get(key);
  if (state && state.remainingPoints <= 0) {
    throw new AccessError(
      "TOO_MANY_REQUESTS",
      `too many failed sign-ins; try again in ${Math.ceil(state.msBeforeNext / 1000)} s`,
    );
  }
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(user?.password_hash ?? null, input.password);
  if (!user || !ok || !user.active) {
    await throttle.limiter.consume(key).catch((error: unknown) => {
      if (!(error instanceof RateLimiterRes)) throw error;
    });
    throw new AccessError("UNAUTHORIZED", "wrong email or password");
  }
  await throttle.limiter.delete(key);
  const token = await createSession(db, user.id);
  return { token, user: toPublicUser(user) };
}
