import type { ColumnType, Generated, Insertable, JSONColumnType, Selectable, Updateable } from "kysely";

/** Timestamps are written as Date or ISO strings and read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings both ways (never floats). */
type Decimal = ColumnType<string, string | number, string | number>;
/** bigint identity columns, normalised to number by the connection factory. */
type BigIntId = ColumnType<number, never, never>;

export type Role = "admin" | "department_head" | "account_manager" | "viewer";
export type ManagerLevel = "senior" | "intermediate" | "junior";
export type Ownership = "state" | "private" | "foreign" | "collective" | "group";
export type CustomerSize = "large" | "medium" | "small";
export type Tier = "vip" | "key" | "regular";

export interface DepartmentsTable {
  key: string;
  name: string;
  description: string | null;
  created_at: GeneratedTimestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  role: Role;
  department: string | null;
  level: ManagerLevel | null;
  specialty: string | null;
  industry_focus: string | null;
  /** Account-manager profile (SPEC §8). */
  specialties: Generated<string[]>;
  industries: Generated<string[]>;
  ownerships: Generated<Ownership[]>;
  /** The most customers the manager serves. */
  capacity: Generated<number>;
  active: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
  last_seen_at: GeneratedTimestamp;
}

export interface SettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: GeneratedTimestamp;
}

export interface CustomersTable {
  id: string;
  name: string;
  industry: string | null;
  region: string | null;
  ownership: Ownership | null;
  size: Generated<CustomerSize>;
  tier: Generated<Tier>;
  account_manager_id: string | null;
  referred_by: string | null;
  /** The line of business the customer mainly needs (matched against managers' specialties). */
  specialty: string | null;
  incomplete: Generated<boolean>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface CustomerTierChangesTable {
  customer_id: string;
  seq: BigIntId;
  changed_at: Timestamp;
  from_tier: Tier | null;
  to_tier: Tier;
}

export interface CustomerAssignmentsTable {
  customer_id: string;
  seq: BigIntId;
  user_id: string;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  method: Generated<string>;
}

export type CreditPolicyValue = "preferential" | "strict" | "standard" | "stop";
export type PaymentRecordValue = "good" | "poor" | "none";

/** A change of a customer's credit policy, seen when it was recomputed for `as_of`. */
export interface CustomerCreditPoliciesTable {
  customer_id: string;
  seq: BigIntId;
  changed_at: GeneratedTimestamp;
  as_of: ColumnType<string, string, string>;
  from_policy: CreditPolicyValue | null;
  to_policy: CreditPolicyValue;
  record: PaymentRecordValue;
  on_time_rate: Decimal | null;
  payments: number;
}

/** A customer's §8 standing as of `customer_standings_state.as_of`. */
export interface CustomerStandingsTable {
  customer_id: string;
  segment: "top" | "big" | "medium" | "small" | "inactive" | "prospect";
  revenue: Decimal;
  credit_policy: CreditPolicyValue;
  record: PaymentRecordValue;
  on_time_rate: Decimal | null;
  payments: number;
}

export interface CustomerStandingsStateTable {
  id: number;
  stamp: string;
  as_of: ColumnType<string, string, string>;
  computed_at: GeneratedTimestamp;
}

export interface EventsTable {
  customer_id: string;
  source: string;
  id: string;
  seq: BigIntId;
  type: string;
  occurred_at: Timestamp;
  department: string;
  account_manager_id: string | null;
  amount: Decimal | null;
  ref_id: string | null;
  due_at: Timestamp | null;
  promised_at: Timestamp | null;
  severity: string | null;
  scale: number | null;
  score: number | null;
  hours: Decimal | null;
  channel: string | null;
  campaign_id: string | null;
  stage: string | null;
  employee: string | null;
  payload: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  content_hash: string;
  ingested_at: GeneratedTimestamp;
}

/** A sum kept by a rollup: exact decimal string (numeric). */
type RollupSum = ColumnType<string, string | number | undefined, string | number>;
/** A count kept by a rollup (integer). */
type RollupCount = ColumnType<number, number | undefined, number>;

/** Manager key of rollup rows whose events have no account manager. */
export const NO_MANAGER = "00000000-0000-0000-0000-000000000000";

/** Event-local measures per local day × department × account manager (NO_MANAGER for none). */
export interface RollupDailyTable {
  department: string;
  day: ColumnType<string, string, string>;
  account_manager_id: string;
  orders: RollupCount;
  revenue: RollupSum;
  payments: RollupCount;
  payments_amount: RollupSum;
  payments_with_due: RollupCount;
  payments_on_time: RollupCount;
  opportunities_won: RollupCount;
  opportunities_lost: RollupCount;
  visits: RollupCount;
  complaints: RollupCount;
  praise: RollupCount;
  csat_surveys: RollupCount;
  csat_positive: RollupCount;
  nps_surveys: RollupCount;
  nps_promoters: RollupCount;
  nps_detractors: RollupCount;
  feedback_items: RollupCount;
  deliveries: RollupCount;
  deliveries_on_time: RollupCount;
  supplier_issues: RollupCount;
  defects: RollupCount;
  training_hours: RollupSum;
}

/** The measures of rollup_daily summed over account managers, per local day × department. */
export type RollupDepartmentDailyTable = Omit<RollupDailyTable, "account_manager_id">;

/** Per customer × local day × department × account manager, for distinct-customer counts. */
export interface RollupCustomerDailyTable {
  customer_id: string;
  day: ColumnType<string, string, string>;
  department: string;
  account_manager_id: string;
  orders: RollupCount;
  campaign_touches: RollupCount;
  /** Order revenue of the day, exact. */
  revenue: RollupSum;
  complaints: RollupCount;
}

/** The department key of order_timeline rows that hold every department's orders. */
export const ANY_DEPARTMENT = "";
/** The manager key of order_timeline rows: every manager's orders (and orders without one); the only scope kept. */
export const ANY_MANAGER = NO_MANAGER;

/**
 * A customer's distinct instants with a live order within one filter scope (ANY_DEPARTMENT and
 * ANY_MANAGER for none), linked to the previous and next one: first orders and churn.
 */
export interface OrderTimelineTable {
  department: string;
  account_manager_id: string;
  customer_id: string;
  at: Date;
  /** Live orders at this instant in this scope. */
  orders: number;
  prev_at: Date | null;
  next_at: Date | null;
  /** Seconds from `at` to `next_at` (generated). */
  gap: ColumnType<string | null, never, never>;
}

/** A live complaint or service request with its first live resolution and, for complaints, its first follow-up visit. */
export interface CaseFactsTable {
  source: string;
  id: string;
  customer_id: string;
  type: "complaint" | "service_request";
  opened_at: Date;
  department: string;
  account_manager_id: string | null;
  resolved_at: Date | null;
  resolved_department: string | null;
  resolved_account_manager_id: string | null;
  /** The first live visit referring to a complaint at or after it. */
  visited_at: Date | null;
}

/** A live campaign touch and whether a live order of its customer came within 30 days after it. */
export interface TouchFactsTable {
  source: string;
  id: string;
  customer_id: string;
  at: Date;
  department: string;
  account_manager_id: string | null;
  converted: boolean;
}

export type GoalPerspective = "financial" | "customer" | "process" | "learning";
export type GoalKind = "internal" | "external";
export type Direction = "higher" | "lower";
export type GoalState = "active" | "proposed" | "archived";
export type GoalScope = "department" | "company";

export interface GoalsTable {
  id: Generated<string>;
  department: string;
  metric: string;
  filter: JSONColumnType<GoalFilter | null, string | null, string | null>;
  /** `2026-03`, `2026-Q1` or `2026`. */
  period: string;
  target: Decimal;
  /** null: the metric's own direction. */
  direction: Direction | null;
  perspective: Generated<GoalPerspective>;
  kind: Generated<GoalKind>;
  weight: ColumnType<string, string | number | undefined, string | number>;
  owner_id: string | null;
  title: string | null;
  /** An admin's goal is active; a head's is proposed until an admin accepts (active) or declines (archived). */
  state: Generated<GoalState>;
  /** department: the goal's department filters the metric; company: no department filter. */
  scope: Generated<GoalScope>;
  /** The sentence customers read; required for external goals. */
  promise: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export type GoalFilter = { accountManager?: string; customer?: string };

export type ApiKeyScope = "ingest" | "read";

export interface ApiKeysTable {
  id: Generated<string>;
  name: string;
  /** Public part of the key, shown in lists (`rk_<prefix>_…`). */
  prefix: string;
  key_hash: string;
  scopes: ApiKeyScope[];
  created_by: string | null;
  created_at: GeneratedTimestamp;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: BigIntId;
  at: GeneratedTimestamp;
  actor_id: string | null;
  /** Who, readable: a user's email or `api key <name>`, or `system`. */
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JSONColumnType<Record<string, unknown> | null, string | null, never>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, never>;
  request_id: string | null;
}

/** A user's personal choice, e.g. `overview.metrics`: the metric keys of their overview. */
export interface UserPreferencesTable {
  user_id: string;
  key: string;
  /** JSON; parsed on read (jsonb), written as JSON text. */
  value: ColumnType<unknown, string, string>;
  updated_at: GeneratedTimestamp;
}

export type InitiativeStatus = "draft" | "in_review" | "approved" | "in_progress" | "done" | "cancelled";
export type SignoffDecision = "pending" | "approved" | "rejected";
export type MilestoneKind = "communication" | "education" | "incentive" | "launch" | "other";
export type MilestoneStatus = "planned" | "in_progress" | "done";
/** `date` columns: read back as `YYYY-MM-DD` text by both drivers. */
type CalendarDate = ColumnType<string, string, string>;

export interface InitiativesTable {
  id: Generated<string>;
  title: string;
  description: Generated<string>;
  owner_department: string;
  /** Participating departments, the owner among them, in the order given. */
  departments: string[];
  launch_at: CalendarDate;
  status: Generated<InitiativeStatus>;
  /** Grows by one with every change of scope. */
  version: Generated<number>;
  /** The current sign-off round (0 before the first submit). */
  round: Generated<number>;
  created_by: string | null;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

/** One sign-off per department and round, kept for good. */
export interface InitiativeSignoffsTable {
  initiative_id: string;
  round: number;
  department: string;
  version: number;
  decision: Generated<SignoffDecision>;
  comment: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
}

export interface InitiativeMilestonesTable {
  id: Generated<string>;
  initiative_id: string;
  position: number;
  title: string;
  kind: MilestoneKind;
  department: string;
  start_at: CalendarDate;
  due_at: CalendarDate;
  status: Generated<MilestoneStatus>;
}

export interface InitiativeBudgetLinesTable {
  initiative_id: string;
  year: number;
  department: string;
  planned: Decimal;
  spent: Decimal;
}

export interface InitiativeGoalsTable {
  initiative_id: string;
  goal_id: string;
  position: number;
  baseline: Decimal;
  target: Decimal;
}

/** Append-only: every version, sign-off, comment and transition of an initiative. */
export interface InitiativeHistoryTable {
  id: BigIntId;
  initiative_id: string;
  at: GeneratedTimestamp;
  actor: string;
  action: string;
  version: number;
  status: InitiativeStatus;
  department: string | null;
  comment: string | null;
  changes: JSONColumnType<Record<string, unknown> | null, string | null, never>;
}

export interface Database {
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  settings: SettingsTable;
  customers: CustomersTable;
  customer_tier_changes: CustomerTierChangesTable;
  customer_assignments: CustomerAssignmentsTable;
  customer_credit_policies: CustomerCreditPoliciesTable;
  customer_standings: CustomerStandingsTable;
  customer_standings_state: CustomerStandingsStateTable;
  events: EventsTable;
  goals: GoalsTable;
  rollup_daily: RollupDailyTable;
  rollup_department_daily: RollupDepartmentDailyTable;
  rollup_customer_daily: RollupCustomerDailyTable;
  order_timeline: OrderTimelineTable;
  case_facts: CaseFactsTable;
  touch_facts: TouchFactsTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  user_preferences: UserPreferencesTable;
  initiatives: InitiativesTable;
  initiative_signoffs: InitiativeSignoffsTable;
  initiative_milestones: InitiativeMilestonesTable;
  initiative_budget_lines: InitiativeBudgetLinesTable;
  initiative_goals: InitiativeGoalsTable;
  initiative_history: InitiativeHistoryTable;
}

export type Department = Selectable<DepartmentsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Session = Selectable<SessionsTable>;
export type Customer = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type Event = Selectable<EventsTable>;
export type NewEvent = Insertable<EventsTable>;
export type Goal = Selectable<GoalsTable>;
export type NewGoal = Insertable<GoalsTable>;
export type ApiKey = Selectable<ApiKeysTable>;
export type AuditRecord = Selectable<AuditLogTable>;
