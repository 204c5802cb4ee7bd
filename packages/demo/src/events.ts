import { campaignsIn, type Campaign } from "./campaigns";
import { DAY, HOUR, MINUTE, MONTH, YEAR, monthSlots, weekday, type MonthSlot } from "./calendar";
import { tierAt, type CustomerProfile } from "./customers";
import type { Draft, DraftSpec } from "./event-draft";
import { createRandom, deriveSeed, type Random } from "./random";
import type { Tier } from "./types";

/** Someone who can attend training, until they leave. */
export type Employee = { email: string; leftAt: number | null };

export type SimulationInput = {
  seed: number;
  scale: number;
  start: number;
  end: number;
  customers: readonly CustomerProfile[];
  employees: readonly Employee[];
};

/** Orders by calendar month: a summer dip and a Q4 peak. */
const seasonality = [0.9, 0.95, 1.05, 1, 1, 0.95, 0.85, 0.75, 1, 1.1, 1.25, 1.2] as const;
/** Training is planned at the start of the year and after the summer. */
const trainingSeason = [1.6, 1.3, 1, 0.9, 0.9, 0.7, 0.4, 0.3, 1.4, 1.2, 0.9, 0.5] as const;
const ANNUAL_GROWTH = 1.1;
/** Training sessions per month at scale 1. */
const TRAINING_SESSIONS = 30;

const tierOrders: Record<Tier, number> = { regular: 1, key: 1.45, vip: 2.1 };
const tierAmount: Record<Tier, number> = { regular: 1, key: 1.15, vip: 1.4 };
const tierContacts: Record<Tier, number> = { regular: 0.75, key: 1.6, vip: 3 };
const tierVisits: Record<Tier, number> = { regular: 0.08, key: 0.4, vip: 1 };

const channels = [
  ["phone", 35],
  ["email", 35],
  ["meeting", 10],
  ["sms", 10],
  ["letter", 10],
] as const;
const severities = [
  ["low", 40],
  ["medium", 45],
  ["high", 15],
] as const;
const complaintTopics = ["billing", "delivery", "product quality", "service", "communication"] as const;
const feedbackTopics = [
  "packaging",
  "feature request",
  "product range",
  "documentation",
  "ordering portal",
  "spare parts",
] as const;
const requestStages = [
  ["presale", 20],
  ["delivery", 20],
  ["care", 25],
  ["settlement", 15],
  ["repair", 20],
] as const;
const trainingHours = [
  [1.5, 2],
  [2, 3],
  [3, 2],
  [4, 3],
  [7.5, 2],
  [8, 2],
  [16, 1],
] as const;

const minute = (t: number): number => Math.round(t / MINUTE) * MINUTE;
const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * The company's history, month by month. Each month's events and what they set in motion
 * (payments, deliveries, resolutions, follow-ups) are put in the month they happen in; a month is
 * sorted and emitted once nothing more can land in it, so only a few months are ever in memory.
 * Ids are given in emission order, so they follow `occurredAt`.
 */
export function* simulateDrafts(input: SimulationInput): Generator<Draft> {
  // whole minutes throughout, so a minute count and an arrival number make an exact sort key
  const start = Math.ceil(input.start / MINUTE) * MINUTE;
  const end = Math.floor(input.end / MINUTE) * MINUTE;
  const random = createRandom(deriveSeed(input.seed, "events"));
  const slots = monthSlots(start, end + MINUTE);
  const buckets: Bucket[] = slots.map(() => ({ drafts: [], keys: [] }));
  let emitted = 0;
  let current = 0;
  const add = (customer: CustomerProfile | null, t: number, spec: DraftSpec): Draft => {
    const draft: Draft = {
      t,
      n: 0,
      customer: customer ? customer.index : -1,
      customerId: customer?.id,
      spec,
    };
    // what would happen after `today` has not happened yet (open complaints, unpaid invoices)
    if (t > end) return draft;
    let k = current;
    while (k < slots.length - 1 && t >= (slots[k]?.end ?? Infinity)) k += 1;
    const bucket = buckets[k];
    if (bucket) {
      if (bucket.drafts.length >= ARRIVALS)
        throw new RangeError("too many events in one month; lower the scale");
      bucket.keys.push((t / MINUTE) * ARRIVALS + bucket.drafts.length);
      bucket.drafts.push(draft);
    }
    return draft;
  };

  for (const slot of slots) {
    current = slot.index;
    const month = new MonthSimulation(random, slot, start, end, add);
    for (const customer of input.customers) {
      if (customer.createdAt >= slot.end) break;
      month.customer(customer);
    }
    month.training(input.employees, input.scale);

    const bucket = buckets[slot.index];
    buckets[slot.index] = { drafts: [], keys: [] };
    if (!bucket) continue;
    // numeric sort of plain keys: far faster than a comparator over drafts of many shapes
    const keys = new Float64Array(bucket.keys).sort();
    for (const key of keys) {
      const draft = bucket.drafts[(key - Math.floor(key / ARRIVALS) * ARRIVALS) | 0];
      if (!draft) continue;
      emitted += 1;
      draft.n = emitted;
      yield draft;
    }
  }
}

/** Upper bound of events landing in one month; ties in time keep their arrival order. */
const ARRIVALS = 2 ** 22;

type Bucket = { drafts: Draft[]; keys: number[] };

/** What a customer does on its own initiative (orders and contacts aside). */
const activities = [
  "visit",
  "complaint",
  "praise",
  "survey",
  "service_request",
  "feedback",
  "opportunity",
] as const;
type Activity = (typeof activities)[number];

type Add = (customer: CustomerProfile | null, t: number, spec: DraftSpec) => Draft;

/** One month of activity: the behaviour of every customer, written as plain rules. */
class MonthSimulation {
  private readonly random: Random;
  private readonly slot: MonthSlot;
  private readonly start: number;
  private readonly end: number;
  private readonly add: Add;
  private readonly season: number;
  private readonly growth: number;
  /** A supplier crisis around the middle of the history. */
  private readonly supplyCrunch: number;
  private readonly campaigns: readonly Campaign[];

  constructor(random: Random, slot: MonthSlot, start: number, end: number, add: Add) {
    this.random = random;
    this.slot = slot;
    this.start = start;
    this.end = end;
    this.add = add;
    const mid = (slot.start + slot.end) / 2;
    this.season = seasonality[slot.month] ?? 1;
    this.growth = Math.pow(ANNUAL_GROWTH, (mid - start) / YEAR);
    const position = this.progress(mid);
    this.supplyCrunch = position > 0.45 && position < 0.56 ? 3 : 1;
    this.campaigns = campaignsIn(slot);
  }

  /** 0 at the start of the history, 1 at its end: service and production get better over time. */
  private progress(t: number): number {
    return (t - this.start) / (this.end - this.start);
  }

  /** A moment in [from, to), usually on a weekday during office hours. */
  private businessTime(from: number, to: number): number {
    const { random } = this;
    let t = random.between(from, to);
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const day = weekday(t);
      if ((day !== 0 && day !== 6) || random.chance(0.1)) break;
      t = random.between(from, to);
    }
    const office = t - (t % DAY) + 7 * HOUR + random.int(0, 11 * 60 - 1) * MINUTE;
    return office >= from && office < to ? office : Math.min(Math.ceil(t / MINUTE) * MINUTE, to - MINUTE);
  }

  /** Between churn and return the customer does not order, and hardly talks to the company. */
  private lapsed(c: CustomerProfile, t: number): boolean {
    return c.churnAt !== null && t >= c.churnAt && (c.returnAt === null || t < c.returnAt);
  }

  /** How many times something with a monthly `rate` happens in this month from `from` on. */
  private occurrences(rate: number, from: number): number {
    return this.random.poisson((rate * (this.slot.end - from)) / MONTH);
  }

  customer(c: CustomerProfile): void {
    const { random, slot } = this;
    const from = Math.max(slot.start, c.createdAt);
    if (from >= slot.end) return;
    const tier = tierAt(c, (from + slot.end) / 2);
    // the months before a customer walks away: fewer orders, more complaints
    const leaving = c.churnAt !== null && slot.end > c.churnAt - 90 * DAY && slot.start < c.churnAt;

    let boost = 1;
    for (const campaign of this.campaigns) {
      if (campaign.sendAt < from) continue;
      const away = this.lapsed(c, campaign.sendAt);
      if (!campaign.targets({ tier, size: c.size, industry: c.industry, lapsed: away })) continue;
      if (!random.chance(campaign.reach)) continue;
      this.add(c, minute(campaign.sendAt + random.int(0, 36 * 60) * MINUTE), {
        type: "campaign_touch",
        campaignId: campaign.id,
      });
      if (!away) boost = 1.2;
    }

    const orderRate =
      c.orderRate * tierOrders[tier] * this.season * this.growth * boost * (leaving ? 0.5 : 1);
    for (let n = this.occurrences(orderRate, from); n > 0; n -= 1) {
      const t = this.businessTime(from, slot.end);
      if (!this.lapsed(c, t)) this.order(c, t, tier);
    }

    for (let n = this.occurrences(tierContacts[tier], from); n > 0; n -= 1) {
      const t = this.businessTime(from, slot.end);
      if (this.lapsed(c, t) && !random.chance(0.2)) continue;
      const channel = random.weighted(channels);
      // a few mailings come from marketing rather than the account manager
      const department = channel === "email" && random.chance(0.06) ? "marketing" : undefined;
      this.add(c, t, department ? { type: "contact", channel, department } : { type: "contact", channel });
    }

    const large = c.size === "large";
    const rates: Record<Activity, number> = {
      visit: tierVisits[tier],
      complaint: (c.problem ? 0.45 : 0.045) * (leaving ? 4 : 1),
      praise: 0.015 + 0.07 * c.satisfaction * (tier === "regular" ? 1 : 1.8),
      // relationship surveys all year; the yearly NPS survey goes out in October
      survey: 0.05 + (slot.month === 9 ? 0.35 : 0),
      service_request: large ? 0.2 : 0.08,
      feedback: large ? 0.08 : 0.03,
      opportunity: large ? 0.25 : c.size === "medium" ? 0.12 : 0.05,
    };
    for (const activity of activities) {
      for (let n = this.occurrences(rates[activity], from); n > 0; n -= 1) {
        const t = this.businessTime(from, slot.end);
        if (!this.lapsed(c, t)) this.activity(c, t, activity);
      }
    }

    for (const scripted of c.script) {
      if (scripted.at < from || scripted.at >= slot.end) continue;
      if (scripted.kind === "order") this.order(c, scripted.at, tierAt(c, scripted.at), scripted.factor);
      else this.scriptedComplaint(c, scripted.at, scripted.resolveHours);
    }
  }

  /** A complaint of the cast: resolved after `resolveHours`, or still open today (null). */
  private scriptedComplaint(c: CustomerProfile, t: number, resolveHours: number | null): void {
    const complaint = this.add(c, t, { type: "complaint", severity: "medium", topic: "delivery" });
    if (resolveHours !== null) {
      this.add(c, minute(t + resolveHours * HOUR), { type: "complaint_resolved", ref: complaint });
    }
  }

  private activity(c: CustomerProfile, t: number, activity: Activity): void {
    const { random } = this;
    switch (activity) {
      case "visit":
        this.add(c, t, { type: "visit", ref: undefined });
        return;
      case "complaint":
        this.complaint(c, t, random.weighted(severities), random.pick(complaintTopics));
        return;
      case "praise":
        this.add(c, t, { type: "praise" });
        return;
      case "survey":
        this.survey(c, t, this.slot.month === 9 ? 10 : undefined, 0);
        return;
      case "service_request":
        this.serviceRequest(c, t, random.weighted(requestStages));
        return;
      case "feedback":
        this.add(c, t, { type: "feedback", topic: random.pick(feedbackTopics) });
        return;
      case "opportunity":
        this.opportunity(c, t);
        return;
    }
  }

  private order(c: CustomerProfile, t: number, tier: Tier, factor = 1): void {
    const { random } = this;
    const amount = factor * c.orderMedian * tierAmount[tier] * this.growth * random.logNormal(1, 0.45);
    const cents = Math.max(5_000, Math.round(amount * 100));
    const voided = random.chance(0.004);
    const order = this.add(c, t, { type: "order", cents, voided });
    if (voided) {
      // entered twice or cancelled: the source system voids it, nothing follows
      this.add(c, minute(t + random.int(10, 48 * 60) * MINUTE), { type: "void", ref: order });
      return;
    }

    const dueAt = minute(t + c.paymentTermsDays * DAY);
    if (!random.chance(c.defaultRate)) {
      const late = random.chance(c.lateRate);
      const paidAt = late
        ? dueAt + random.between(1, 45) * DAY
        : t + random.between(2, c.paymentTermsDays * 0.95) * DAY;
      this.add(c, minute(paidAt), { type: "payment", cents, dueAt });
    }

    const lead = c.size === "large" ? random.int(14, 28) : random.int(5, 14);
    const promisedAt = minute(t + lead * DAY);
    const progress = this.progress(t);
    let onTime = (0.86 + 0.07 * progress) * (this.slot.month >= 10 ? 0.96 : 1);
    if (random.chance(0.012 * this.supplyCrunch)) {
      this.add(c, minute(t + random.between(1, lead * 0.6) * DAY), { type: "supplier_issue" });
      onTime = 0.35;
    }
    const deliveredAt = minute(
      random.chance(onTime)
        ? promisedAt - random.between(0, Math.min(3, lead - 2)) * DAY
        : promisedAt + random.between(0.1, 10) * DAY,
    );
    this.add(c, deliveredAt, { type: "delivery", promisedAt });
    if (deliveredAt > promisedAt && random.chance(0.15)) {
      this.complaint(
        c,
        minute(deliveredAt + random.between(1, 48) * HOUR),
        random.weighted(severities),
        "delivery",
      );
    }

    if (random.chance((0.03 - 0.012 * progress) * (c.problem ? 2.5 : 1))) {
      const defectAt = minute(deliveredAt + random.between(1, 20) * DAY);
      this.add(c, defectAt, { type: "defect" });
      if (random.chance(0.55)) {
        const severity = random.chance(0.4) ? "high" : "medium";
        this.complaint(c, minute(defectAt + random.between(1, 72) * HOUR), severity, "product quality");
      }
    }

    if (random.chance(0.06)) {
      // production scheduling of the order: received → allocated → monitored → feedback
      const requestAt = minute(t + random.between(2, 72) * HOUR);
      const request = this.add(c, requestAt, {
        type: "service_request",
        stage: "scheduling",
        department: "production",
      });
      if (random.chance(0.92)) {
        const resolvedAt = minute(requestAt + random.between(4, 96) * HOUR);
        this.add(c, resolvedAt, { type: "service_resolved", ref: request, department: "production" });
      }
    }
  }

  private complaint(c: CustomerProfile, t: number, severity: "low" | "medium" | "high", topic: string): void {
    const { random } = this;
    const complaint = this.add(c, t, { type: "complaint", severity, topic });
    const progress = this.progress(t);
    const withinSla = 0.7 + 0.18 * progress + (severity === "high" ? 0.05 : 0) - (c.problem ? 0.12 : 0);
    let resolvedAt: number | null = null;
    let slow = false;
    if (random.chance(withinSla)) resolvedAt = t + random.between(0.5, 23.5) * HOUR;
    else if (random.chance(0.88)) {
      resolvedAt = t + random.between(25, 240) * HOUR;
      slow = true;
    }
    if (resolvedAt !== null) {
      resolvedAt = minute(resolvedAt);
      this.add(c, resolvedAt, { type: "complaint_resolved", ref: complaint });
      if (random.chance(0.3)) {
        const surveyAt = minute(resolvedAt + random.between(1, 5) * DAY);
        this.survey(c, surveyAt, undefined, slow ? 0.25 : 0.05);
      }
      if (!slow && random.chance(0.05))
        this.add(c, minute(resolvedAt + random.between(1, 7) * DAY), { type: "praise" });
    }
    if (random.chance(0.45 + 0.27 * progress)) {
      // the account manager visits to make sure the problem is gone; mostly within the 7-day promise
      const delay = random.chance(0.9) ? random.between(4, 7 * 24 - 1) : random.between(7 * 24 + 1, 14 * 24);
      this.add(c, minute(t + delay * HOUR), { type: "visit", ref: complaint });
    }
  }

  private survey(c: CustomerProfile, t: number, scale: 5 | 10 | undefined, penalty: number): void {
    const { random } = this;
    const chosen = scale ?? (random.chance(0.6) ? 5 : 10);
    const mood = clamp01(c.satisfaction + 0.08 * this.progress(t) - penalty + 0.15 * random.normal());
    const score = chosen === 5 ? 1 + Math.round(4 * mood ** 0.75) : Math.round(10 * mood ** 0.6);
    this.add(c, t, { type: "survey", scale: chosen, score });
  }

  private serviceRequest(
    c: CustomerProfile,
    t: number,
    stage: "presale" | "delivery" | "care" | "settlement" | "repair",
  ): void {
    const { random } = this;
    const request = this.add(c, t, { type: "service_request", stage });
    if (random.chance(0.9)) {
      const hours = stage === "repair" ? random.between(8, 168) : random.between(2, 72);
      this.add(c, minute(t + hours * HOUR), { type: "service_resolved", ref: request });
    }
  }

  private opportunity(c: CustomerProfile, t: number): void {
    const { random } = this;
    const won = random.chance(0.38 + 0.1 * this.progress(t));
    const cents = random.chance(0.85) ? Math.round(c.orderMedian * random.between(2, 8) * 100) : undefined;
    this.add(c, t, { type: won ? "opportunity_won" : "opportunity_lost", cents });
  }

  training(employees: readonly Employee[], scale: number): void {
    const { random, slot } = this;
    const sessions = random.poisson(TRAINING_SESSIONS * scale * (trainingSeason[slot.month] ?? 1));
    for (let n = 0; n < sessions; n += 1) {
      const t = this.businessTime(slot.start, slot.end);
      const present = employees.filter((employee) => employee.leftAt === null || employee.leftAt > t);
      if (present.length === 0) return;
      const employee = random.pick(present).email;
      this.add(null, t, { type: "training", hours: random.weighted(trainingHours), employee });
    }
  }
}
