import type { MetricScope } from "./definition";
import { periodContaining, type Grain, type Period } from "./periods";
import { defaultDepartment, voidOf, type EventFixture } from "./test-support";

/*
 * A straightforward in-memory reading of SPEC §5, event by event, for tests: the SQL of the
 * definitions must give the same numbers on any data set. Slow and simple on purpose.
 */

type Ev = {
  seq: number;
  type: string;
  id: string;
  source: string;
  customer: string;
  department: string;
  manager: string | undefined;
  at: number;
  amountCents: number;
  hoursCents: number;
  ref: string | undefined;
  dueAt: number | undefined;
  promisedAt: number | undefined;
  scale: number | undefined;
  score: number | undefined;
};

export type ReferenceOptions = {
  grain: Grain;
  timeZone: string;
  scope: MetricScope;
  churnDays: number;
  complaintSlaHours: number;
  now: Date;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cents = (value: string | undefined) => (value === undefined ? 0 : Math.round(Number(value) * 100));

function normalise(fixtures: EventFixture[]): Ev[] {
  return fixtures.map((f, seq) => ({
    seq,
    type: f.type,
    id: f.id ?? `missing-${seq}`,
    source: f.source ?? "test",
    customer: f.customer ?? (f.type === "training" ? "" : "c1"),
    department: f.department ?? "",
    manager: f.manager,
    at: Date.parse(f.at),
    amountCents: cents(f.amount),
    hoursCents: cents(f.hours),
    ref: f.ref,
    dueAt: f.dueAt === undefined ? undefined : Date.parse(f.dueAt),
    promisedAt: f.promisedAt === undefined ? undefined : Date.parse(f.promisedAt),
    scale: f.scale,
    score: f.score,
  }));
}

const labels = new Map<string, string>();

function periodLabel(at: number, grain: Grain, timeZone: string): string {
  const key = `${grain} ${timeZone} ${at}`;
  let label = labels.get(key);
  if (label === undefined) {
    label = periodContaining(new Date(at), grain, timeZone).label;
    labels.set(key, label);
  }
  return label;
}

/** The reference values of `metric` for `periods`; fixtures must carry explicit ids and departments. */
export function referenceValues(
  fixtures: EventFixture[],
  metric: string,
  periods: Period[],
  options: ReferenceOptions,
): Record<string, number | null> {
  const all = normalise(fixtures);
  const voided = new Set(all.filter((e) => e.type === "void").map((e) => `${e.source}\u0000${e.ref}`));
  const live = all.filter((e) => e.type !== "void" && !voided.has(`${e.source}\u0000${e.id}`));
  const { scope } = options;
  const inScope = (e: Ev) =>
    (scope.department === undefined || e.department === scope.department) &&
    (scope.accountManagerId === undefined || e.manager === scope.accountManagerId) &&
    (scope.customerId === undefined || e.customer === scope.customerId);
  const of = (...types: string[]) => live.filter((e) => types.includes(e.type));
  const wanted = new Set(periods.map((p) => p.label));
  const labelOf = (at: number) => {
    const label = periodLabel(at, options.grain, options.timeZone);
    return wanted.has(label) ? label : undefined;
  };
  const groups = <T>(items: T[], at: (item: T) => number): Map<string, T[]> => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const label = labelOf(at(item));
      if (label !== undefined) map.set(label, [...(map.get(label) ?? []), item]);
    }
    return map;
  };
  const per = <T>(
    items: T[],
    at: (item: T) => number,
    value: (group: T[]) => number | null,
    empty: number | null,
  ) => {
    const g = groups(items, at);
    return Object.fromEntries(periods.map((p) => [p.label, g.has(p.label) ? value(g.get(p.label)!) : empty]));
  };
  const share = (group: Ev[], hit: (e: Ev) => boolean, counted: (e: Ev) => boolean = () => true) => {
    const total = group.filter(counted).length;
    return total === 0 ? null : (100 * group.filter((e) => counted(e) && hit(e)).length) / total;
  };
  const sameTarget = (target: Ev) => (e: Ev) =>
    e.ref === target.id && e.source === target.source && e.customer === target.customer;
  const firstOf = (items: Ev[]) => [...items].sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
  const distinct = (group: Ev[]) => new Set(group.map((e) => e.customer)).size;
  const inScopeOf = (...types: string[]) => of(...types).filter(inScope);

  const resolutionHours = (openedType: string, resolvedType: string) => {
    const resolved = of(resolvedType);
    const firsts = of(openedType).flatMap((opened) => {
      const first = firstOf(resolved.filter(sameTarget(opened)));
      return first ? [{ first, hours: (first.at - opened.at) / HOUR }] : [];
    });
    return per(
      firsts.filter((x) => inScope(x.first)),
      (x) => x.first.at,
      (g) => g.reduce((s, x) => s + x.hours, 0) / g.length,
      null,
    );
  };

  switch (metric) {
    case "revenue":
      return per(
        inScopeOf("order"),
        (e) => e.at,
        (g) => g.reduce((s, e) => s + e.amountCents, 0) / 100,
        0,
      );
    case "payments_collected":
      return per(
        inScopeOf("payment"),
        (e) => e.at,
        (g) => g.reduce((s, e) => s + e.amountCents, 0) / 100,
        0,
      );
    case "training_hours":
      return per(
        inScopeOf("training"),
        (e) => e.at,
        (g) => g.reduce((s, e) => s + e.hoursCents, 0) / 100,
        0,
      );
    case "orders":
    case "visits":
    case "complaints":
    case "praise":
    case "feedback_items":
    case "supplier_issues": {
      const type = {
        orders: "order",
        visits: "visit",
        complaints: "complaint",
        praise: "praise",
        feedback_items: "feedback",
        supplier_issues: "supplier_issue",
      }[metric];
      return per(
        inScopeOf(type),
        (e) => e.at,
        (g) => g.length,
        0,
      );
    }
    case "avg_order_value":
      return per(
        inScopeOf("order"),
        (e) => e.at,
        (g) => Math.round(g.reduce((s, e) => s + e.amountCents, 0) / g.length) / 100,
        null,
      );
    case "active_customers":
      return per(inScopeOf("order"), (e) => e.at, distinct, 0);
    case "campaign_reach":
      return per(inScopeOf("campaign_touch"), (e) => e.at, distinct, 0);
    case "purchase_frequency":
      return per(
        inScopeOf("order"),
        (e) => e.at,
        (g) => g.length / distinct(g),
        null,
      );
    case "new_customers": {
      const first = new Map<string, number>();
      for (const e of inScopeOf("order"))
        first.set(e.customer, Math.min(first.get(e.customer) ?? Infinity, e.at));
      return per(
        [...first.values()],
        (at) => at,
        (g) => g.length,
        0,
      );
    }
    case "churned_customers": {
      const window = options.churnDays * DAY;
      const moments: { at: number; customer: string }[] = [];
      const orders = inScopeOf("order").sort((a, b) => a.at - b.at || a.seq - b.seq);
      for (const [i, o] of orders.entries()) {
        const next = orders.slice(i + 1).find((n) => n.customer === o.customer);
        const moment = o.at + window;
        if ((next === undefined || next.at > moment) && moment <= options.now.getTime()) {
          moments.push({ at: moment, customer: o.customer });
        }
      }
      return per(
        moments,
        (m) => m.at,
        (g) => new Set(g.map((m) => m.customer)).size,
        0,
      );
    }
    case "on_time_payment_rate":
      return per(
        inScopeOf("payment").filter((e) => e.dueAt !== undefined),
        (e) => e.at,
        (g) => share(g, (e) => e.at <= e.dueAt!),
        null,
      );
    case "win_rate":
      return per(
        inScopeOf("opportunity_won", "opportunity_lost"),
        (e) => e.at,
        (g) => share(g, (e) => e.type === "opportunity_won"),
        null,
      );
    case "campaign_conversion_rate": {
      const orders = of("order");
      const touches = inScopeOf("campaign_touch");
      return per(
        touches,
        (e) => e.at,
        (g) => {
          const reached = new Set(g.map((e) => e.customer));
          const converted = new Set(
            g
              .filter((t) =>
                orders.some((o) => o.customer === t.customer && o.at > t.at && o.at <= t.at + 30 * DAY),
              )
              .map((t) => t.customer),
          );
          return (100 * converted.size) / reached.size;
        },
        null,
      );
    }
    case "complaint_resolution_hours":
      return resolutionHours("complaint", "complaint_resolved");
    case "service_resolution_hours":
      return resolutionHours("service_request", "service_resolved");
    case "complaints_within_sla_rate": {
      const resolved = of("complaint_resolved");
      return per(
        inScopeOf("complaint"),
        (e) => e.at,
        (g) =>
          share(g, (c) => {
            const first = firstOf(resolved.filter(sameTarget(c)));
            return first !== undefined && first.at - c.at <= options.complaintSlaHours * HOUR;
          }),
        null,
      );
    }
    case "follow_up_rate": {
      const visits = of("visit");
      return per(
        inScopeOf("complaint"),
        (e) => e.at,
        (g) =>
          share(g, (c) => visits.some((v) => sameTarget(c)(v) && v.at >= c.at && v.at <= c.at + 7 * DAY)),
        null,
      );
    }
    case "csat":
      return per(
        inScopeOf("survey").filter((e) => e.scale === 5),
        (e) => e.at,
        (g) => share(g, (e) => e.score! >= 4),
        null,
      );
    case "nps":
      return per(
        inScopeOf("survey").filter((e) => e.scale === 10),
        (e) => e.at,
        (g) =>
          (100 * (g.filter((e) => e.score! >= 9).length - g.filter((e) => e.score! <= 6).length)) / g.length,
        null,
      );
    case "on_time_delivery_rate":
      return per(
        inScopeOf("delivery"),
        (e) => e.at,
        (g) => share(g, (e) => e.promisedAt !== undefined && e.at <= e.promisedAt),
        null,
      );
    case "defect_rate":
      return per(
        inScopeOf("defect", "order"),
        (e) => e.at,
        (g) => {
          const orders = g.filter((e) => e.type === "order").length;
          return orders === 0 ? null : (100 * g.filter((e) => e.type === "defect").length) / orders;
        },
        null,
      );
    default:
      throw new Error(`no reference for ${metric}`);
  }
}

/** A deterministic pseudo-random generator (mulberry32), so a data set is the same on every run. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type RandomDataSet = {
  events: EventFixture[];
  tiers: {
    customer: string;
    at: string;
    from: "regular" | "key" | "vip" | null;
    to: "regular" | "key" | "vip";
  }[];
};

/**
 * About 1,300 events of every type from late 2025 to April 2026, at minute resolution, some
 * voided; resolutions and follow-up visits refer to their complaint or request; plus tier history.
 */
export function randomDataSet(seed: number, managers: readonly string[]): RandomDataSet {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const types = [
    "order",
    "order",
    "order",
    "payment",
    "visit",
    "complaint",
    "praise",
    "feedback",
    "supplier_issue",
    "training",
    "campaign_touch",
    "campaign_touch",
    "opportunity_won",
    "opportunity_lost",
    "defect",
    "survey",
    "delivery",
    "service_request",
  ] as const;
  const from = Date.parse("2025-12-20T00:00:00Z");
  const span = Date.parse("2026-04-10T00:00:00Z") - from;
  const events: EventFixture[] = [];
  const event = (e: EventFixture) => {
    const withDefaults = {
      ...e,
      department:
        e.department ?? (next() < 0.25 ? pick(["sales", "marketing", "quality"]) : defaultDepartment(e.type)),
      manager: e.manager ?? (next() < 0.5 ? pick(managers) : undefined),
    };
    events.push(withDefaults);
    return withDefaults;
  };
  for (let i = 0; i < 1000; i++) {
    const type = pick(types);
    const t0 = from + Math.floor((next() * span) / 60000) * 60000;
    const at = new Date(t0).toISOString();
    const later = (maxHours: number) =>
      new Date(t0 + Math.floor(next() * maxHours * 60) * 60000).toISOString();
    const customer = type === "training" ? "" : `c${1 + Math.floor(next() * 25)}`;
    const e: EventFixture = { type, id: `e${i}`, at, customer };
    if (type === "order" || type === "payment") e.amount = (Math.floor(next() * 100000) / 100).toFixed(2);
    if (type === "payment" && next() < 0.8) e.dueAt = later(48);
    if (type === "training") e.hours = (Math.floor(next() * 800) / 100 + 0.25).toFixed(2);
    if (type === "survey")
      [e.scale, e.score] = next() < 0.5 ? [5, 1 + Math.floor(next() * 5)] : [10, Math.floor(next() * 11)];
    if (type === "delivery") e.promisedAt = later(30);
    event(e);
    if (type === "complaint") {
      const resolutions = next() < 0.7 ? 1 + Math.floor(next() * 2) : 0;
      for (let r = 0; r < resolutions; r++)
        event({ type: "complaint_resolved", id: `r${i}-${r}`, ref: e.id, customer, at: later(72) });
      if (next() < 0.5) event({ type: "visit", id: `f${i}`, ref: e.id, customer, at: later(240) });
    }
    if (type === "service_request" && next() < 0.7) {
      event({ type: "service_resolved", id: `s${i}`, ref: e.id, customer, at: later(100) });
    }
  }
  const targets = [...events];
  for (let i = 0; i < 80; i++) {
    const target = pick(targets);
    events.push({
      ...voidOf(target.id!, "2026-04-20T00:00:00Z", { customer: target.customer }),
      id: `void${i}`,
      department: "sales",
    });
  }
  const tiers = Array.from({ length: 80 }, () => {
    const order = ["regular", "key", "vip"] as const;
    return {
      customer: `c${1 + Math.floor(next() * 25)}`,
      at: new Date(from + Math.floor(next() * span)).toISOString(),
      from: next() < 0.1 ? null : pick(order),
      to: pick(order),
    };
  });
  return { events, tiers };
}
