import { DAY, quarterBounds, quarterLabel } from "./calendar";
import type { Draft } from "./event-draft";

/** What happened in a quarter, in the terms of the SPEC §5 metrics that goals are set on. */
export type QuarterActivity = {
  revenueCents: number;
  orders: number;
  activeCustomers: Set<number>;
  paymentsWithDue: number;
  paymentsOnTime: number;
  won: number;
  lost: number;
  reach: Set<number>;
  converted: Set<number>;
  lastTouch: Map<number, number>;
  complaints: number;
  complaintsWithinSla: number;
  complaintsFollowedUp: number;
  visits: number;
  praise: number;
  csatGood: number;
  csatAll: number;
  promoters: number;
  detractors: number;
  npsAll: number;
  feedback: number;
  deliveries: number;
  deliveriesOnTime: number;
  supplierIssues: number;
  defects: number;
  trainingHours: number;
};

function emptyQuarter(): QuarterActivity {
  return {
    revenueCents: 0,
    orders: 0,
    activeCustomers: new Set(),
    paymentsWithDue: 0,
    paymentsOnTime: 0,
    won: 0,
    lost: 0,
    reach: new Set(),
    converted: new Set(),
    lastTouch: new Map(),
    complaints: 0,
    complaintsWithinSla: 0,
    complaintsFollowedUp: 0,
    visits: 0,
    praise: 0,
    csatGood: 0,
    csatAll: 0,
    promoters: 0,
    detractors: 0,
    npsAll: 0,
    feedback: 0,
    deliveries: 0,
    deliveriesOnTime: 0,
    supplierIssues: 0,
    defects: 0,
    trainingHours: 0,
  };
}

const SLA = DAY;
const FOLLOW_UP = 7 * DAY;
const CONVERSION = 30 * DAY;

export type ActivityStats = {
  /** Drafts must come in time order, as the simulation emits them. */
  add(draft: Draft): void;
  quarter(label: string): QuarterActivity | undefined;
};

/** Per-quarter activity, collected in the same pass that counts the events. */
export function createActivityStats(): ActivityStats {
  const quarters = new Map<string, QuarterActivity>();
  const get = (label: string): QuarterActivity => {
    let quarter = quarters.get(label);
    if (!quarter) {
      quarter = emptyQuarter();
      quarters.set(label, quarter);
    }
    return quarter;
  };
  // the quarter (and the one before it) of each day, worked out once per day
  const days = new Map<number, { quarter: QuarterActivity; previous: QuarterActivity }>();
  const day = (t: number): { quarter: QuarterActivity; previous: QuarterActivity } => {
    const key = Math.floor(t / DAY);
    let entry = days.get(key);
    if (!entry) {
      entry = { quarter: get(quarterLabel(t)), previous: get(quarterBounds(t, -1).label) };
      days.set(key, entry);
    }
    return entry;
  };
  const at = (t: number): QuarterActivity => day(t).quarter;

  return {
    quarter: (label) => quarters.get(label),
    add: (draft) => {
      const q = at(draft.t);
      const spec = draft.spec;
      switch (spec.type) {
        case "order": {
          if (spec.voided) return;
          q.revenueCents += spec.cents;
          q.orders += 1;
          q.activeCustomers.add(draft.customer);
          // a touch of this quarter or the one before can convert this order
          for (const touched of [q, day(draft.t).previous]) {
            const touch = touched.lastTouch.get(draft.customer);
            if (touch !== undefined && draft.t - touch <= CONVERSION) touched.converted.add(draft.customer);
          }
          return;
        }
        case "payment":
          q.paymentsWithDue += 1;
          if (draft.t <= spec.dueAt) q.paymentsOnTime += 1;
          return;
        case "opportunity_won":
          q.won += 1;
          return;
        case "opportunity_lost":
          q.lost += 1;
          return;
        case "campaign_touch":
          q.reach.add(draft.customer);
          q.lastTouch.set(draft.customer, draft.t);
          return;
        case "complaint":
          q.complaints += 1;
          return;
        case "complaint_resolved":
          if (draft.t - spec.ref.t <= SLA) at(spec.ref.t).complaintsWithinSla += 1;
          return;
        case "visit":
          q.visits += 1;
          if (spec.ref && draft.t - spec.ref.t <= FOLLOW_UP) at(spec.ref.t).complaintsFollowedUp += 1;
          return;
        case "survey":
          if (spec.scale === 5) {
            q.csatAll += 1;
            if (spec.score >= 4) q.csatGood += 1;
          } else {
            q.npsAll += 1;
            if (spec.score >= 9) q.promoters += 1;
            else if (spec.score <= 6) q.detractors += 1;
          }
          return;
        case "feedback":
          q.feedback += 1;
          return;
        case "praise":
          q.praise += 1;
          return;
        case "delivery":
          q.deliveries += 1;
          if (draft.t <= spec.promisedAt) q.deliveriesOnTime += 1;
          return;
        case "supplier_issue":
          q.supplierIssues += 1;
          return;
        case "defect":
          q.defects += 1;
          return;
        case "training":
          q.trainingHours += spec.hours;
          return;
        default:
          return;
      }
    },
  };
}
