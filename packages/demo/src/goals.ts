import type { ActivityStats, QuarterActivity } from "./activity-stats";
import { quarterBounds } from "./calendar";
import type { CustomerProfile } from "./customers";
import type { DepartmentKey } from "./departments";
import type { Random } from "./random";
import type { DemoGoal, GoalPerspective } from "./types";

type Unit = "money" | "count" | "percent" | "score" | "hours";

type GoalSpec = {
  department: DepartmentKey;
  metric: string;
  perspective: GoalPerspective;
  kind: "internal" | "external";
  weight: number;
  direction: "higher" | "lower";
  unit: Unit;
  /** Sums and counts of events (SPEC §6 `additive`): they grow in proportion to the elapsed period. */
  additive: boolean;
  /** Distinct counts also grow through a period, though not in proportion. */
  distinct?: boolean;
  /** The metric's value for a quarter, or null when it has no denominator. */
  value: (q: QuarterActivity) => number | null;
  /** Used when the data cannot tell (a tiny demo without any survey, say). */
  fallback: number;
  title: (target: string) => string;
  /** External goals: the promise customers read. */
  promise?: string;
  /** company: a department answering for a company-wide figure (SPEC §6). */
  scope?: "company";
};

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : (100 * part) / whole);

/** Each department's goals, on the SPEC §5 metrics at home in that department. */
const goalSpecs: readonly GoalSpec[] = [
  {
    department: "sales",
    metric: "revenue",
    perspective: "financial",
    kind: "internal",
    weight: 3,
    direction: "higher",
    unit: "money",
    additive: true,
    value: (q) => q.revenueCents / 100,
    fallback: 0,
    title: (target) => `Revenue of ${target}`,
  },
  {
    department: "sales",
    metric: "orders",
    perspective: "financial",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "count",
    additive: true,
    value: (q) => q.orders,
    fallback: 0,
    title: (target) => `${target} orders`,
  },
  {
    department: "sales",
    metric: "active_customers",
    perspective: "customer",
    kind: "internal",
    weight: 2,
    direction: "higher",
    unit: "count",
    additive: false,
    distinct: true,
    value: (q) => q.activeCustomers.size,
    fallback: 0,
    title: (target) => `${target} customers ordering in the quarter`,
  },
  {
    department: "sales",
    metric: "on_time_payment_rate",
    perspective: "financial",
    kind: "internal",
    weight: 2,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.paymentsOnTime, q.paymentsWithDue),
    fallback: 90,
    title: (target) => `${target} % of invoices paid by the due date`,
  },
  {
    department: "sales",
    metric: "win_rate",
    perspective: "process",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.won, q.won + q.lost),
    fallback: 45,
    title: (target) => `Win ${target} % of opportunities`,
  },
  {
    department: "customer_service",
    metric: "complaints",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "lower",
    unit: "count",
    additive: true,
    value: (q) => q.complaints,
    fallback: 0,
    title: (target) => `At most ${target} complaints`,
  },
  {
    department: "customer_service",
    metric: "complaints_within_sla_rate",
    perspective: "customer",
    kind: "external",
    weight: 3,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.complaintsWithinSla, q.complaints),
    fallback: 85,
    title: (target) => `Every complaint answered within 24 h (${target} % of them)`,
    promise: "Every complaint is answered within 24 hours.",
  },
  {
    department: "customer_service",
    metric: "follow_up_rate",
    perspective: "process",
    kind: "external",
    weight: 2,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.complaintsFollowedUp, q.complaints),
    fallback: 65,
    title: (target) => `A follow-up visit within 7 days of a complaint (${target} %)`,
    promise: "After a complaint, we visit you within 7 days to make sure it is put right.",
  },
  {
    department: "customer_service",
    metric: "csat",
    perspective: "customer",
    kind: "internal",
    weight: 2,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.csatGood, q.csatAll),
    fallback: 80,
    title: (target) => `CSAT of ${target} %`,
  },
  {
    department: "customer_service",
    metric: "nps",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "score",
    additive: false,
    value: (q) => (q.npsAll === 0 ? null : (100 * (q.promoters - q.detractors)) / q.npsAll),
    fallback: 20,
    title: (target) => `NPS of ${target}`,
  },
  {
    department: "marketing",
    metric: "campaign_reach",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "count",
    additive: false,
    distinct: true,
    value: (q) => q.reach.size,
    fallback: 0,
    title: (target) => `Reach ${target} customers with campaigns`,
  },
  {
    department: "marketing",
    metric: "campaign_conversion_rate",
    perspective: "financial",
    kind: "internal",
    weight: 2,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.converted.size, q.reach.size),
    fallback: 30,
    title: (target) => `${target} % of reached customers order within 30 days`,
  },
  {
    department: "rnd",
    metric: "feedback_items",
    perspective: "learning",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "count",
    additive: true,
    value: (q) => q.feedback,
    fallback: 0,
    title: (target) => `Collect ${target} product suggestions from customers`,
  },
  {
    department: "production",
    metric: "on_time_delivery_rate",
    perspective: "process",
    kind: "external",
    weight: 2,
    direction: "higher",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.deliveriesOnTime, q.deliveries),
    fallback: 92,
    title: (target) => `Delivered on the promised date (${target} %)`,
    promise: "Your order arrives on the date we promised.",
  },
  {
    department: "procurement",
    metric: "supplier_issues",
    perspective: "process",
    kind: "internal",
    weight: 1,
    direction: "lower",
    unit: "count",
    additive: true,
    value: (q) => q.supplierIssues,
    fallback: 0,
    title: (target) => `At most ${target} supplier issues`,
  },
  {
    department: "quality",
    metric: "defect_rate",
    perspective: "process",
    kind: "internal",
    weight: 2,
    direction: "lower",
    unit: "percent",
    additive: false,
    value: (q) => rate(q.defects, q.orders),
    fallback: 2.5,
    title: (target) => `Defect rate at most ${target} % of orders`,
    // Orders are attributed to sales: quality answers for the company's defect rate.
    scope: "company",
  },
  {
    department: "quality",
    metric: "complaints",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "lower",
    unit: "count",
    additive: true,
    value: (q) => q.complaints,
    fallback: 0,
    title: (target) => `At most ${target} complaints about products and service, company-wide`,
    scope: "company",
  },
  {
    department: "production",
    metric: "supplier_issues",
    perspective: "process",
    kind: "internal",
    weight: 1,
    direction: "lower",
    unit: "count",
    additive: true,
    value: (q) => q.supplierIssues,
    fallback: 0,
    title: (target) => `At most ${target} supplier issues holding up orders, company-wide`,
    // Supplier issues are procurement's events: production answers for them as they hold up its orders.
    scope: "company",
  },
  {
    department: "hr",
    metric: "training_hours",
    perspective: "learning",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "hours",
    additive: true,
    value: (q) => q.trainingHours,
    fallback: 0,
    title: (target) => `${target} hours of customer-care training`,
  },
];

/** Goals department heads have proposed for the current quarter, waiting in the admins' queue. */
const proposedSpecs: readonly GoalSpec[] = [
  {
    department: "sales",
    metric: "visits",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "count",
    additive: true,
    value: (q) => q.visits,
    fallback: 0,
    title: (target) => `${target} customer visits`,
  },
  {
    department: "customer_service",
    metric: "praise",
    perspective: "customer",
    kind: "internal",
    weight: 1,
    direction: "higher",
    unit: "count",
    additive: true,
    value: (q) => q.praise,
    fallback: 0,
    title: (target) => `${target} words of praise from customers`,
  },
];

const numbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

const shownTarget = (spec: GoalSpec, target: number): string =>
  spec.unit === "percent" || spec.unit === "score" ? String(target) : numbers.format(target);

/**
 * The title of a demo goal of `department` on `metric` with another target (for a start-up seed that
 * sets a running quarter's targets against the activity it has loaded); undefined for other goals.
 */
export function goalTitle(department: string, metric: string, target: number): string | undefined {
  const spec = [...goalSpecs, ...proposedSpecs].find(
    (g) => g.department === department && g.metric === metric,
  );
  return spec ? spec.title(shownTarget(spec, target)) : undefined;
}

/** The on-time payment promise of the newest customer: nothing is due yet, so there is nothing to divide. */
const NEW_CUSTOMER_PAYMENT_TARGET = 95;

/** Rounds to a figure a person would write (3 significant digits, or half points), toward `way`. */
function round(value: number, unit: Unit, way: "up" | "down"): number {
  const step =
    unit === "percent"
      ? value < 10
        ? 0.1
        : 0.5
      : unit === "score"
        ? 1
        : Math.max(1, 10 ** (Math.floor(Math.log10(Math.max(Math.abs(value), 1))) - 2));
  const rounded = (way === "up" ? Math.ceil(value / step) : Math.floor(value / step)) * step;
  const limited =
    unit === "percent"
      ? Math.min(100, Math.max(0, rounded))
      : unit === "score"
        ? rounded
        : Math.max(0, rounded);
  return Number(limited.toFixed(2));
}

/**
 * A target the department can be judged against: `reachable` ones sit a little below what was (or is
 * heading to be) achieved, the others a little above it, so scorecards show both met and missed goals.
 */
function targetFor(spec: GoalSpec, expected: number, reachable: boolean, random: Random): number {
  const ease = (spec.direction === "higher") === reachable ? -1 : 1;
  const way = ease < 0 ? "down" : "up";
  if (spec.unit === "score") return round(expected + ease * random.between(2, 8), spec.unit, way);
  if (spec.unit === "percent") {
    // a few points, less near the ends of the scale (a 2 % defect rate does not move by 5 points)
    const room = way === "up" ? 100 - expected : expected;
    const delta = random.between(1, 6) * Math.min(1, expected / 20, Math.max(room, 0) / 12);
    return round(expected + ease * delta, spec.unit, way);
  }
  return round(expected * (1 + ease * random.between(0.03, 0.15)), spec.unit, way);
}

/**
 * Goals of every department for the current quarter and the four before it; in the current one also
 * a sales goal on the newest customer's payments (no invoice is due yet: `no_data`).
 */
export function planGoals(
  random: Random,
  stats: ActivityStats,
  today: number,
  customers: readonly Pick<CustomerProfile, "id" | "name" | "role">[] = [],
): DemoGoal[] {
  const goals: DemoGoal[] = [];
  for (let offset = -4; offset <= 0; offset += 1) {
    const quarter = quarterBounds(today, offset);
    const previous = stats.quarter(quarterBounds(today, offset - 1).label);
    const activity = stats.quarter(quarter.label);
    const elapsed = Math.min(1, (today - quarter.start) / (quarter.end - quarter.start));
    const specs = offset === 0 ? [...goalSpecs, ...proposedSpecs] : goalSpecs;
    for (const spec of specs) {
      const actual = activity ? spec.value(activity) : null;
      const before = previous ? spec.value(previous) : null;
      let expected: number | null = actual;
      if (offset === 0) {
        // a running quarter: project the whole quarter from what has happened so far
        if (spec.additive) expected = elapsed >= 0.3 && actual !== null ? actual / elapsed : before;
        else if (spec.distinct || elapsed < 0.3) expected = before ?? actual;
      }
      const target = targetFor(spec, expected ?? before ?? spec.fallback, random.chance(0.6), random);
      const shown = shownTarget(spec, target);
      goals.push({
        department: spec.department,
        metric: spec.metric,
        period: quarter.label,
        target,
        weight: spec.weight,
        perspective: spec.perspective,
        kind: spec.kind,
        title: spec.title(shown),
        ...(spec.promise ? { promise: spec.promise } : {}),
        ...(spec.scope ? { scope: spec.scope } : {}),
        ...(proposedSpecs.includes(spec) ? { state: "proposed" as const } : {}),
      });
    }
  }
  const newest = customers.find((c) => c.role === "prospect");
  if (newest) {
    goals.push({
      department: "sales",
      metric: "on_time_payment_rate",
      period: quarterBounds(today, 0).label,
      target: NEW_CUSTOMER_PAYMENT_TARGET,
      weight: 1,
      perspective: "financial",
      kind: "internal",
      title: `New customer ${newest.name} pays ${NEW_CUSTOMER_PAYMENT_TARGET} % of invoices by the due date`,
      filter: { customer: newest.id },
    });
  }
  return goals;
}
