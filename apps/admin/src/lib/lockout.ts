// What the sign-in page says when the server stops accepting attempts: the
// server's throttle (packages/access/src/login.ts) allows 5 failed sign-ins per
// account and address in 15 minutes, then refuses until that window has passed,
// and says how long is left ("… try again in 840 s").
import { countOf, MINUTE } from "./plural";

/** The throttle's window, as docs/security.md states it. */
export const LOCKOUT_MINUTES = 15;
export const LOCKOUT_ATTEMPTS = 5;

/** The seconds the server says are left, if its message says so. */
export function retryAfterSeconds(message: string): number | null {
  const match = /try again in (\d+) s\b/.exec(message);
  return match?.[1] ? Number(match[1]) : null;
}

export function lockoutMessage(serverMessage: string): string {
  const seconds = retryAfterSeconds(serverMessage);
  const minutes = seconds === null ? LOCKOUT_MINUTES : Math.max(1, Math.ceil(seconds / 60));
  return (
    `Too many failed sign-ins (${LOCKOUT_ATTEMPTS} in ${LOCKOUT_MINUTES} minutes) for this email. ` +
    `Try again in ${seconds === null ? "up to " : ""}${countOf(minutes, MINUTE)}.`
  );
}
