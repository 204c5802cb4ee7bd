import type { Random } from "./random";
import type { DemoUser, ManagerLevel, Tier } from "./types";

/** What the assignment rules look at (SPEC §2: by level, specialty, industry / ownership). */
export type AssignmentSubject = {
  tier: Tier;
  size: "large" | "medium" | "small";
  industry: string;
  ownership: string;
};

/**
 * An account manager who leaves the company at `at`: their customers are handed over to colleagues,
 * or (`handedOver: false`, a departure of last week) wait without a manager for an admin to assign them.
 */
export type Departure = { email: string; at: number; handedOver: boolean };

export type ManagerPool = {
  managers: readonly DemoUser[];
  departures: readonly Departure[];
  levelOf(email: string): ManagerLevel | undefined;
  employedAt(email: string, at: number): boolean;
  /** Whether the level may serve the customer (senior managers serve VIP and key customers). */
  fits(email: string, subject: AssignmentSubject): boolean;
  assign(subject: AssignmentSubject, at: number): string;
};

function levelFor(subject: AssignmentSubject, random: Random): ManagerLevel {
  if (subject.tier !== "regular") return "senior";
  if (subject.size === "large") return "intermediate";
  if (subject.size === "medium") return random.chance(0.5) ? "intermediate" : "junior";
  return random.chance(0.8) ? "junior" : "intermediate";
}

/** Specialties that make a manager the natural choice for a customer. */
function specialtyFor(subject: AssignmentSubject): string | undefined {
  if (subject.ownership === "foreign") return "export";
  if (subject.ownership === "state") return "public sector tenders";
  if (subject.tier === "vip") return "key accounts";
  return undefined;
}

export function createManagerPool(
  random: Random,
  users: readonly DemoUser[],
  departures: Departure[],
): ManagerPool {
  const managers = users.filter((user) => user.role === "account_manager");
  const levels = new Map(managers.map((manager) => [manager.email, manager.level]));
  const leaving = new Map(departures.map((departure) => [departure.email, departure.at]));
  const load = new Map<string, number>(managers.map((manager) => [manager.email, 0]));
  const employedAt = (email: string, at: number): boolean => (leaving.get(email) ?? Infinity) > at;
  const loadOf = (email: string): number => load.get(email) ?? 0;

  return {
    managers,
    departures,
    levelOf: (email) => levels.get(email),
    employedAt,
    fits: (email, subject) => {
      const level = levels.get(email);
      return subject.tier === "regular" ? level !== undefined : level === "senior";
    },
    assign: (subject, at) => {
      const level = levelFor(subject, random);
      const candidates = managers.filter(
        (manager) => manager.level === level && employedAt(manager.email, at),
      );
      const pool =
        candidates.length > 0 ? candidates : managers.filter((manager) => employedAt(manager.email, at));
      const specialty = specialtyFor(subject);
      const specialists = pool.filter((manager) => manager.specialty === specialty);
      const focused = pool.filter((manager) => manager.industryFocus === subject.industry);
      let choices = pool;
      if (specialists.length > 0 && random.chance(0.7)) choices = specialists;
      else if (focused.length > 0 && random.chance(0.6)) choices = focused;
      // two random choices, the less loaded wins: keeps books balanced without looking planned
      const a = random.pick(choices).email;
      const b = random.pick(choices).email;
      const chosen = loadOf(a) <= loadOf(b) ? a : b;
      load.set(chosen, loadOf(chosen) + 1);
      return chosen;
    },
  };
}

/**
 * A few managers leave mid-way (one per level, at 40 %, 65 % and 85 % of the history) and their
 * customers are handed over; a fourth, a junior, left a week or so before today and their customers
 * have no manager yet.
 */
export function planDepartures(
  random: Random,
  users: readonly DemoUser[],
  start: number,
  end: number,
): Departure[] {
  const plan: readonly (readonly [ManagerLevel, number])[] = [
    ["intermediate", 0.4],
    ["junior", 0.65],
    ["senior", 0.85],
  ];
  const departures: Departure[] = plan.flatMap(([level, fraction]) => {
    const candidates = users.filter((user) => user.role === "account_manager" && user.level === level);
    // keep at least two managers per level
    if (candidates.length < 3) return [];
    const leaver = random.pick(candidates.slice(1));
    const at = start + (end - start) * fraction + random.between(-10, 10) * 86_400_000;
    return [{ email: leaver.email, at: Math.round(at / 60_000) * 60_000, handedOver: true }];
  });
  const leaving = new Set(departures.map((departure) => departure.email));
  const juniors = users.filter(
    (user) => user.role === "account_manager" && user.level === "junior" && !leaving.has(user.email),
  );
  if (juniors.length >= 3) {
    const at = end - random.between(5, 12) * 86_400_000;
    if (at > start) {
      departures.push({
        email: random.pick(juniors.slice(1)).email,
        at: Math.round(at / 60_000) * 60_000,
        handedOver: false,
      });
    }
  }
  return departures;
}
