import type { CustomerInput, EventInput } from "@retain/warehouse";

export type DemoOptions = {
  /** Same seed, same data. Default 42. */
  seed?: number;
  /** Multiplies customers and activity; 1 ≈ 2,050 customers and ~220k events. Default 1. */
  scale?: number;
  /** The last moment of the data; nothing happens after it. */
  today: Date;
  /** Length of the history. Default 24. */
  months?: number;
};

export type Tier = "vip" | "key" | "regular";
export type ManagerLevel = "senior" | "intermediate" | "junior";
export type Ownership = "state" | "private" | "foreign" | "collective" | "group";

/** An account manager's SPEC §8 profile (the level is the user's `level`). */
export type DemoManagerProfile = {
  specialties: string[];
  industries: string[];
  ownerships: Ownership[];
  /** The most customers they serve: a little above today's book, none above it for a few. */
  capacity: number;
};

export type DemoUser = {
  email: string;
  name: string;
  role: "admin" | "department_head" | "account_manager" | "viewer";
  department: string | null;
  level?: ManagerLevel;
  specialty?: string;
  industryFocus?: string;
  /** false for account managers who left the company (their customers were handed over, or wait for a new manager). */
  active?: boolean;
  /** Account managers: the profile the assignment proposals read. */
  profile?: DemoManagerProfile;
};

export type GoalPerspective = "financial" | "customer" | "process" | "learning";

export type DemoGoal = {
  department: string;
  metric: string;
  /** `2026-Q3`. */
  period: string;
  target: number;
  weight: number;
  perspective: GoalPerspective;
  kind: "internal" | "external";
  title: string;
  /** The sentence customers read (external goals). */
  promise?: string;
  /** department (default): the department's own events; company: the company's. */
  scope?: "department" | "company";
  /** active (default), or proposed by the department's head and waiting for an admin. */
  state?: "active" | "proposed";
  /** Narrows the metric to one customer (SPEC §6 `filter`). */
  filter?: { customer: string };
};

export type DemoTierChange = {
  customerId: string;
  at: string;
  tier: Tier;
  /** The tier before the change (the customer's tier at creation for its first change). */
  from: Tier;
};

export type DemoReassignment = {
  customerId: string;
  at: string;
  /** null: the manager left and the customer waits for a new one. */
  accountManager: string | null;
  /** The manager before the change (the one assigned at creation for the first reassignment). */
  from: string;
  /** Why: a manager left (`staff_change`) or the customer rose to key/VIP (`level`). */
  method: "staff_change" | "level";
};

export type DemoData = {
  users: DemoUser[];
  /**
   * Current state: `tier` and `accountManager` equal the last tier change / reassignment;
   * `accountManager: null` for recent sign-ups not yet assigned and the customers of a manager who
   * left last week.
   */
  customers: CustomerInput[];
  tierChanges: DemoTierChange[];
  reassignments: DemoReassignment[];
  goals: DemoGoal[];
  /** Exactly the number of events `events()` yields. */
  eventCount: number;
  /** A fresh, lazy pass over the events, ordered by `occurredAt`; every call yields the same events. */
  events: () => Iterable<EventInput>;
};
