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

export type DemoUser = {
  email: string;
  name: string;
  role: "admin" | "department_head" | "account_manager" | "viewer";
  department: string | null;
  level?: ManagerLevel;
  specialty?: string;
  industryFocus?: string;
  /** false for account managers who left the company (their customers were handed over). */
  active?: boolean;
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
  accountManager: string;
  /** The manager before the change (the one assigned at creation for the first reassignment). */
  from: string;
  /** Why: a manager left (`staff_change`) or the customer rose to key/VIP (`level`). */
  method: "staff_change" | "level";
};

export type DemoData = {
  users: DemoUser[];
  /** Current state: `tier` and `accountManager` equal the last tier change / reassignment. */
  customers: CustomerInput[];
  tierChanges: DemoTierChange[];
  reassignments: DemoReassignment[];
  goals: DemoGoal[];
  /** Exactly the number of events `events()` yields. */
  eventCount: number;
  /** A fresh, lazy pass over the events, ordered by `occurredAt`; every call yields the same events. */
  events: () => Iterable<EventInput>;
};
