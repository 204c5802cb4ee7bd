import type { ManagerPool } from "./account-assignment";
import { DAY, HOUR, MINUTE } from "./calendar";
import { companyNameFactory, regions, type Industry } from "./company-names";
import type { Random } from "./random";
import type { Ownership, Tier } from "./types";

type Size = "large" | "medium" | "small";

export type TierSpan = { at: number; tier: Tier };
/** `email: null`: no manager (a recent sign-up not yet assigned, or the manager left last week). */
export type ManagerSpan = { at: number; email: string | null; method: "initial" | "staff_change" | "level" };

/**
 * Something a customer of the cast does at a fixed moment, whatever the dice say: an order (its
 * amount scaled by `factor`, followed by payment and delivery as any order) or a complaint resolved
 * after `resolveHours` (null: still open today).
 */
export type ScriptedEvent =
  | { at: number; kind: "order"; factor: number }
  | { at: number; kind: "complaint"; resolveHours: number | null };

/**
 * Customers whose recent history is written so that every SPEC §8 case occurs at any scale: a credit
 * policy of each kind, every pyramid segment, moves up and down, each problem reason.
 */
export type CastRole =
  | "strict_payer"
  | "stopped_payer"
  | "punctual"
  | "rising_complaints"
  | "open_complaint"
  | "falling_spend"
  | "lapsed"
  | "first_order"
  | "prospect";

/** Everything the event simulation needs to know about one customer, including its future. */
export type CustomerProfile = {
  index: number;
  id: string;
  name: string;
  industry: Industry;
  region: string;
  ownership: Ownership;
  size: Size;
  createdAt: number;
  referredBy?: string;
  /** The line of business the customer mainly needs, in the words of the managers' specialties. */
  specialty: string;
  role?: CastRole;
  /** Fixed-time events on top of the simulated ones (the cast's). */
  script: ScriptedEvent[];
  /** The tier over time; the first entry is the tier at creation. */
  tiers: TierSpan[];
  /** The account manager over time; the first entry is the assignment at creation. */
  managers: ManagerSpan[];
  /** Mean orders per month at the regular tier, before seasonality and growth. */
  orderRate: number;
  /** Median order amount. */
  orderMedian: number;
  /** Many complaints, late payments, more defects. */
  problem: boolean;
  /** 0–1: how happy the customer is; drives survey scores and praise. */
  satisfaction: number;
  /** Stops ordering at `churnAt`; comes back at `returnAt` (if ever). */
  churnAt: number | null;
  returnAt: number | null;
  /** Credit policy from the payment record (SPEC §2). */
  paymentTermsDays: number;
  lateRate: number;
  defaultRate: number;
};

const industryWeights: readonly (readonly [Industry, number])[] = [
  ["manufacturing", 18],
  ["retail", 14],
  ["healthcare", 8],
  ["construction", 10],
  ["logistics", 9],
  ["energy", 5],
  ["food & beverage", 9],
  ["automotive", 7],
  ["technology", 9],
  ["education", 4],
  ["public administration", 4],
  ["hospitality", 6],
];

const regionWeights: readonly (readonly [string, number])[] = regions.map((region) => [
  region,
  region === "International" ? 1 : region === "Central" ? 3 : 2,
]);

function ownershipFor(random: Random, industry: Industry): Ownership {
  if (industry === "public administration" || industry === "education") {
    return random.weighted([
      ["state", 8],
      ["collective", 1],
      ["private", 1],
    ]);
  }
  return random.weighted([
    ["private", 60],
    ["group", 14],
    ["foreign", 13],
    ["state", 6],
    ["collective", 7],
  ]);
}

function sizeFor(random: Random, industry: Industry): Size {
  const large = industry === "public administration" || industry === "energy" ? 25 : 11;
  return random.weighted([
    ["large", large],
    ["medium", 30],
    ["small", 100 - large - 30],
  ]);
}

function tierAtCreation(random: Random, size: Size): Tier {
  if (size === "large")
    return random.weighted([
      ["vip", 20],
      ["key", 40],
      ["regular", 40],
    ]);
  if (size === "medium")
    return random.weighted([
      ["key", 14],
      ["regular", 86],
    ]);
  return random.chance(0.015) ? "key" : "regular";
}

const rank: Record<Tier, number> = { regular: 0, key: 1, vip: 2 };
const tierUp: Record<Tier, Tier> = { regular: "key", key: "vip", vip: "vip" };
const tierDown: Record<Tier, Tier> = { regular: "regular", key: "regular", vip: "key" };

export function tierAt(profile: CustomerProfile, t: number): Tier {
  let tier = profile.tiers[0]?.tier ?? "regular";
  for (const span of profile.tiers) {
    if (span.at > t) break;
    tier = span.tier;
  }
  return tier;
}

export function currentTier(profile: CustomerProfile): Tier {
  return profile.tiers[profile.tiers.length - 1]?.tier ?? "regular";
}

/** The manager serving the customer today; null when it waits for one. */
export function currentManager(profile: CustomerProfile): string | null {
  const last = profile.managers[profile.managers.length - 1];
  if (!last) throw new Error(`customer ${profile.id} has no assignment history`);
  return last.email;
}

const technical = new Set<Industry>(["manufacturing", "automotive", "energy", "technology"]);
const trade = new Set<Industry>(["retail", "food & beverage", "hospitality"]);

/** What a customer needs most from its manager, in the managers' specialty words (no dice). */
function specialtyNeeded(
  profile: Pick<CustomerProfile, "ownership" | "industry" | "createdAt">,
  tier: Tier,
  end: number,
): string {
  if (profile.ownership === "foreign") return "export";
  if (profile.ownership === "state") return "public sector tenders";
  if (tier !== "regular") return "key accounts";
  if (profile.createdAt > end - 120 * DAY) return "new business";
  if (technical.has(profile.industry)) return "technical solutions";
  if (trade.has(profile.industry)) return "channel partners";
  return "renewals";
}

const minute = (t: number): number => Math.round(t / MINUTE) * MINUTE;

/** When customers join: the existing book at go-live, then steady acquisition that grows over time. */
function creationTimes(random: Random, count: number, start: number, end: number): number[] {
  const goLive = start + 42 * DAY;
  const last = end - 14 * DAY;
  const times: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const t = random.chance(0.4)
      ? random.between(start + HOUR, goLive)
      : goLive + (last - goLive) * Math.pow(random.next(), 0.85);
    times.push(minute(Math.min(Math.max(t, start + HOUR), last)));
  }
  return times.sort((a, b) => a - b);
}

function planChurn(random: Random, profile: CustomerProfile, end: number): void {
  const { createdAt, size, problem } = profile;
  if (createdAt > end - 240 * DAY) return;
  const tier = profile.tiers[0]?.tier ?? "regular";
  // credit policy: small customers with a poor payment record get no new contracts
  const creditStop = problem && size === "small";
  const probability = creditStop ? 0.7 : problem ? 0.4 : tier === "vip" ? 0.05 : tier === "key" ? 0.1 : 0.2;
  if (!random.chance(probability)) return;
  const churnAt = creditStop
    ? Math.min(createdAt + random.between(180, 330) * DAY, end - 45 * DAY)
    : random.between(createdAt + 150 * DAY, end - 45 * DAY);
  profile.churnAt = minute(churnAt);
  if (random.chance(problem ? 0.05 : 0.5)) {
    const returnAt = churnAt + random.between(190, 330) * DAY;
    if (returnAt < end - 14 * DAY) profile.returnAt = minute(returnAt);
  }
}

function planTiers(random: Random, profile: CustomerProfile, end: number): void {
  const latest = end - DAY;
  const push = (at: number, tier: Tier): void => {
    const last = profile.tiers[profile.tiers.length - 1];
    if (!last || at <= last.at + 30 * DAY || at > latest || last.tier === tier) return;
    profile.tiers.push({ at: minute(at), tier });
  };
  const earliest = profile.createdAt + 90 * DAY;
  if (earliest >= latest) return;
  const first = currentTier(profile);
  if (profile.churnAt !== null) {
    // a customer that walks away loses its status a few months later
    if (first !== "regular") push(profile.churnAt + random.between(60, 150) * DAY, tierDown[first]);
    return;
  }
  if (!profile.problem) {
    const growth =
      first === "regular"
        ? profile.size === "small"
          ? 0.02
          : profile.size === "medium"
            ? 0.1
            : 0.3
        : first === "key" && profile.size === "large"
          ? 0.15
          : 0;
    if (random.chance(growth)) {
      const at = random.between(earliest, latest);
      push(at, tierUp[first]);
      const now = currentTier(profile);
      if (now === "key" && profile.size === "large" && random.chance(0.2)) {
        push(random.between(at + 120 * DAY, latest + 120 * DAY), "vip");
      }
      return;
    }
  }
  if (first !== "regular" && random.chance(profile.problem ? 0.3 : 0.05)) {
    push(random.between(earliest, latest), tierDown[first]);
  }
}

function planManagers(
  random: Random,
  profile: CustomerProfile,
  pool: ManagerPool,
  initial: string | null,
  end: number,
): void {
  profile.managers.push({ at: profile.createdAt, email: initial, method: "initial" });
  type Trigger = { at: number; leaver?: string; handedOver?: boolean; tier?: Tier };
  const triggers: Trigger[] = [
    ...pool.departures
      .filter((departure) => departure.at > profile.createdAt)
      .map((departure) => ({ at: departure.at, leaver: departure.email, handedOver: departure.handedOver })),
    ...profile.tiers
      .slice(1)
      .filter((span, i) => rank[span.tier] > rank[profile.tiers[i]?.tier ?? "regular"])
      .map((span) => ({ at: span.at, tier: span.tier })),
  ].sort((a, b) => a.at - b.at);
  const subject = { size: profile.size, industry: profile.industry, ownership: profile.ownership };
  for (const trigger of triggers) {
    const current = currentManager(profile);
    // a customer without a manager waits for an admin's assignment
    if (current === null) return;
    const last = profile.managers[profile.managers.length - 1]?.at ?? profile.createdAt;
    if (trigger.leaver === current && trigger.handedOver === false) {
      // left last week: the customers are not handed over yet
      if (trigger.at < end) profile.managers.push({ at: trigger.at, email: null, method: "staff_change" });
      return;
    }
    if (trigger.leaver === current) {
      // the handover happens in the days around the last working day
      const at = Math.max(last + HOUR, trigger.at - random.between(0, 5) * DAY);
      const email = pool.assign({ ...subject, tier: tierAt(profile, at) }, trigger.at);
      if (at < end) profile.managers.push({ at: minute(at), email, method: "staff_change" });
    } else if (trigger.tier !== undefined && pool.levelOf(current) !== "senior") {
      // a senior manager takes over within a few weeks (sooner when the upgrade is recent)
      const handover = Math.min(random.between(3, 20) * DAY, (end - trigger.at) / 2);
      const at = Math.max(last + HOUR, trigger.at + handover);
      const email = pool.assign({ ...subject, tier: trigger.tier }, at);
      if (at < end) profile.managers.push({ at: minute(at), email, method: "level" });
    }
  }
}

/** Ten in the morning (UTC) of the day `days` before `end`: when the cast's scripted events happen. */
function daysBefore(end: number, days: number): number {
  const t = end - days * DAY;
  return t - (t % DAY) + 10 * HOUR;
}

/** Who plays which part: the early book for the parts that need a history, the newest two for the rest. */
function castFor(times: readonly number[], end: number): Map<number, CastRole> {
  const cast = new Map<number, CastRole>();
  const count = times.length;
  if (count >= 2) {
    cast.set(count - 1, "prospect");
    cast.set(count - 2, "first_order");
  }
  const withHistory: CastRole[] = [
    "lapsed",
    "strict_payer",
    "stopped_payer",
    "punctual",
    "falling_spend",
    "rising_complaints",
    "open_complaint",
  ];
  const early = times.flatMap((t, i) => (t < end - 420 * DAY && !cast.has(i) ? [i] : []));
  const parts = withHistory.slice(0, early.length);
  parts.forEach((role, k) => {
    const index = early[Math.floor((k * early.length) / parts.length)];
    if (index !== undefined) cast.set(index, role);
  });
  return cast;
}

const castSize: Partial<Record<CastRole, Size>> = {
  strict_payer: "large",
  stopped_payer: "small",
  punctual: "large",
  rising_complaints: "small",
  open_complaint: "medium",
  falling_spend: "large",
};

/** The cast's written parts: payment habits, churn and the scripted events of the last months. */
function playRole(profile: CustomerProfile, role: CastRole, end: number): void {
  profile.role = role;
  switch (role) {
    case "strict_payer":
    case "stopped_payer":
      // poor payment record: most invoices paid late
      profile.lateRate = 0.85;
      profile.defaultRate = 0.02;
      profile.paymentTermsDays = role === "stopped_payer" ? 14 : 30;
      profile.orderRate = Math.max(profile.orderRate, 1.2);
      return;
    case "punctual":
      profile.lateRate = 0;
      profile.defaultRate = 0;
      return;
    case "rising_complaints":
      // complaints pile up in the last 90 days after a quiet 90 before them
      for (const days of [80, 55, 30, 8]) {
        profile.script.push({ at: daysBefore(end, days), kind: "complaint", resolveHours: 5 });
      }
      return;
    case "open_complaint":
      profile.script.push({ at: daysBefore(end, 3), kind: "complaint", resolveHours: null });
      return;
    case "falling_spend":
      // orders thin out and stop three months ago; one small order since
      profile.churnAt = end - 92 * DAY;
      for (const days of [170, 140, 110])
        profile.script.push({ at: daysBefore(end, days), kind: "order", factor: 1 });
      profile.script.push({ at: daysBefore(end, 30), kind: "order", factor: 0.15 });
      return;
    case "lapsed":
      // the last order a little over a year ago: inactive now, still in the pyramid 90 days ago
      profile.churnAt = end - 380 * DAY;
      profile.script.push({ at: daysBefore(end, 395), kind: "order", factor: 1 });
      return;
    case "first_order":
      profile.script.push({ at: daysBefore(end, 10), kind: "order", factor: 1 });
      return;
    case "prospect":
      profile.orderRate = 0;
      return;
  }
}

/** The customer book: who they are, how they will behave, who serves them and how that changes. */
export function generateCustomers(
  random: Random,
  count: number,
  start: number,
  end: number,
  pool: ManagerPool,
): CustomerProfile[] {
  const nameFor = companyNameFactory(random);
  const times = creationTimes(random, count, start, end);
  // the newest two joined recently: one has placed a first order, the other not yet
  if (count >= 2) {
    times[count - 1] = Math.max(times[count - 1] ?? 0, minute(end - 20 * DAY));
    times[count - 2] = Math.min(
      Math.max(times[count - 2] ?? 0, minute(end - 60 * DAY)),
      times[count - 1] ?? end,
    );
  }
  const cast = castFor(times, end);
  const profiles: CustomerProfile[] = [];
  times.forEach((createdAt, index) => {
    const role = cast.get(index);
    const industry = random.weighted(industryWeights);
    const size = (role && castSize[role]) ?? sizeFor(random, industry);
    const problem = role
      ? role === "strict_payer" || role === "stopped_payer"
      : random.chance(size === "small" ? 0.08 : 0.05);
    const sizeRate = size === "large" ? 2.75 : size === "medium" ? 1.4 : 0.65;
    const sizeAmount = size === "large" ? 9_000 : size === "medium" ? 2_200 : 500;
    const ownership = ownershipFor(random, industry);
    const tier = tierAtCreation(random, size);
    const profile: CustomerProfile = {
      index,
      id: `cust-${String(index + 1).padStart(5, "0")}`,
      name: nameFor(industry),
      industry,
      region: random.weighted(regionWeights),
      ownership,
      size,
      createdAt,
      specialty: specialtyNeeded({ ownership, industry, createdAt }, tier, end),
      script: [],
      tiers: [{ at: createdAt, tier }],
      managers: [],
      orderRate: sizeRate * random.logNormal(1, 0.35),
      orderMedian: sizeAmount * random.logNormal(1, 0.3),
      problem,
      satisfaction: problem ? random.between(0.1, 0.45) : random.between(0.45, 0.98),
      churnAt: null,
      returnAt: null,
      // preferential terms for a good record, strict ones for a poor record
      paymentTermsDays: problem ? (size === "small" ? 14 : 30) : size === "large" ? 60 : 45,
      lateRate: problem ? random.between(0.4, 0.75) : Math.min(0.25, random.logNormal(0.025, 0.6)),
      defaultRate: problem ? 0.06 : 0.003,
    };
    if (role) playRole(profile, role, end);
    else planChurn(random, profile, end);
    planTiers(random, profile, end);

    const subject = { tier: firstTier(profile), size, industry, ownership: profile.ownership };
    // most customers who signed up in the last weeks wait for an admin to assign them a manager
    let waiting = role === "prospect" || (createdAt > end - 40 * DAY && random.chance(0.6));
    let initial: string | undefined;
    if (index > 20 && random.chance(0.08)) {
      // relationship assignment: who brought the customer in serves it, if the level fits
      const referrer = profiles[random.int(0, index - 1)];
      const manager = referrer?.managers[0]?.email;
      if (referrer) profile.referredBy = referrer.id;
      if (manager && pool.employedAt(manager, createdAt) && pool.fits(manager, subject)) initial = manager;
    } else if (random.chance(0.05)) {
      // who develops the customer serves it from the start (ingestion assigns a referring manager too)
      const developer = pool.assign(subject, createdAt);
      profile.referredBy = developer;
      initial = developer;
      waiting = false;
    }
    planManagers(random, profile, pool, waiting ? null : (initial ?? pool.assign(subject, createdAt)), end);
    profiles.push(profile);
  });
  return profiles;
}

/** The tier the customer joined with. */
function firstTier(profile: CustomerProfile): Tier {
  return profile.tiers[0]?.tier ?? "regular";
}
