import { industries } from "./company-names";
import { specialties } from "./people";
import type { Random } from "./random";
import type { DemoUser, ManagerLevel, Ownership } from "./types";

/** Ownerships a specialty serves (SPEC §8 `ownerships`): the export desk foreign firms, the tender desk the state. */
const ownershipsOf: Record<string, Ownership[]> = {
  export: ["foreign"],
  "public sector tenders": ["state", "collective"],
  "key accounts": ["group"],
};

/** Room above today's book, as a share of it, by level: seniors run nearly full, small books of key accounts. */
const room: Record<ManagerLevel, readonly [number, number]> = {
  senior: [0, 0.12],
  intermediate: [0.08, 0.25],
  junior: [0.12, 0.3],
};
/** A book's floor of free places by level: everyone but the one full senior can take a few more. */
const minimumRoom: Record<ManagerLevel, number> = { senior: 2, intermediate: 2, junior: 3 };

/**
 * Each account manager's SPEC §8 profile: the story's specialty and industry focus first, sometimes a
 * second of each, the ownerships their specialty serves, and a capacity a little above the book they
 * serve today (`served`, by email) — the first senior's book is full, so a few key customers find no
 * room. Writes `profile` on each account manager.
 */
export function planProfiles(
  random: Random,
  users: readonly DemoUser[],
  served: ReadonlyMap<string, number>,
): void {
  let fullSenior = false;
  for (const user of users) {
    if (user.role !== "account_manager") continue;
    const level = user.level ?? "junior";
    const main = user.specialty ?? random.pick(specialties);
    const focus = user.industryFocus ?? random.pick(industries);
    const mySpecialties = [main];
    if (random.chance(0.35)) {
      const second = random.pick(specialties);
      if (second !== main) mySpecialties.push(second);
    }
    const myIndustries = [focus];
    if (random.chance(0.4)) {
      const second = random.pick(industries);
      if (second !== focus) myIndustries.push(second);
    }
    const ownerships = [...new Set(mySpecialties.flatMap((s) => ownershipsOf[s] ?? []))];
    const book = served.get(user.email) ?? 0;
    const [low, high] = room[level];
    let capacity = book + Math.max(minimumRoom[level], Math.round(book * random.between(low, high)));
    if (level === "senior" && user.active !== false && !fullSenior && book > 0) {
      capacity = book;
      fullSenior = true;
    }
    // a manager who left keeps the profile of their last day; one with an empty book the default
    if (book === 0) capacity = Math.max(capacity, 50);
    user.profile = { specialties: mySpecialties, industries: myIndustries, ownerships, capacity };
  }
}
