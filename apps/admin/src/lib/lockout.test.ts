import { describe, expect, it } from "vitest";
import { createLoginThrottle } from "@retain/access";
import { lockoutMessage, LOCKOUT_ATTEMPTS, LOCKOUT_MINUTES, retryAfterSeconds } from "./lockout";

describe("the sign-in lockout message", () => {
  it("states the server's real throttle", async () => {
    const { limiter } = createLoginThrottle();
    expect(limiter.points).toBe(LOCKOUT_ATTEMPTS);
    expect(limiter.duration).toBe(LOCKOUT_MINUTES * 60);
  });

  it("says how long is left, rounded up to whole minutes", () => {
    expect(retryAfterSeconds("too many failed sign-ins; try again in 840 s")).toBe(840);
    expect(lockoutMessage("too many failed sign-ins; try again in 840 s")).toBe(
      "Too many failed sign-ins (5 in 15 minutes) for this email. Try again in 14 minutes.",
    );
    expect(lockoutMessage("too many failed sign-ins; try again in 61 s")).toContain(
      "Try again in 2 minutes.",
    );
    expect(lockoutMessage("too many failed sign-ins; try again in 3 s")).toContain("Try again in 1 minute.");
  });

  it("falls back to the whole window when the server names no time", () => {
    expect(retryAfterSeconds("too many requests")).toBeNull();
    expect(lockoutMessage("too many requests")).toContain("Try again in up to 15 minutes.");
    expect(lockoutMessage("too many requests")).not.toMatch(/a minute/);
  });
});
