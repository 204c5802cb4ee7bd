/*
 * The plan of an initiative (SPEC §6): scope checks, milestones and the lead-time warning, budget
 * lines with exact money and their totals, linked goals. Pure functions over plain data.
 */

import type { Refusal, Scope } from "./machine";

export const milestoneKinds = ["communication", "education", "incentive", "launch", "other"] as const;
export type MilestoneKind = (typeof milestoneKinds)[number];
export const milestoneStatuses = ["planned", "in_progress", "done"] as const;
export type MilestoneStatus = (typeof milestoneStatuses)[number];

export type Milestone = {
  id: string;
  title: string;
  kind: MilestoneKind;
  department: string;
  /** Calendar dates `YYYY-MM-DD`. */
  startAt: string;
  dueAt: string;
  status: MilestoneStatus;
};

/** Money is an exact decimal string with two decimals (`"1250.50"`), never a float. */
export type BudgetLine = { year: number; department: string; planned: string; spent: string };
export type LinkedGoal = { goalId: string; baseline: number; target: number };

export type LeadTimeWarning = { code: "lead_time"; milestoneId: string; days: number };

/** Plans that must start 3 to 6 months before launch (SPEC §2): at least this many days ahead. */
export const LEAD_TIME_DAYS = 90;
export const leadTimeKinds: readonly MilestoneKind[] = ["communication", "education", "incentive"];

export class PlanRefusal extends Error {
  override name = "PlanRefusal";
  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}
const bad = (field: string, rule: string) =>
  new PlanRefusal({ refused: "BAD_REQUEST", field, message: `${field}: ${rule}` });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real calendar date `YYYY-MM-DD`, or null (2026-02-30 is not a date). */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

export function checkDate(value: string, field: string): number {
  const day = dayNumber(value);
  if (day === null) throw bad(field, `must be a calendar date like 2027-03-01, got "${value}"`);
  return day;
}

/** Calendar days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return checkDate(to, "to") - checkDate(from, "from");
}

/**
 * SPEC §6: a communication, education or incentive milestone starting less than 90 days before the
 * launch (or after it) warns with `days` = launch − start; exactly 90 days is fine.
 */
export function leadTimeWarnings(launchAt: string, milestones: readonly Milestone[]): LeadTimeWarning[] {
  return milestones
    .filter((m) => leadTimeKinds.includes(m.kind))
    .map((m) => ({ milestone: m, days: daysBetween(m.startAt, launchAt) }))
    .filter(({ days }) => days < LEAD_TIME_DAYS)
    .map(({ milestone, days }) => ({ code: "lead_time" as const, milestoneId: milestone.id, days }));
}

/**
 * A scope as it will be after a change: title present, a real launch date, departments known and
 * unique, the owner among them.
 */
export function checkScope(scope: Scope, ownerDepartment: string, known: ReadonlySet<string>): void {
  if (!scope.title.trim()) throw bad("title", "must not be empty");
  checkDate(scope.launchAt, "launchAt");
  if (!known.has(ownerDepartment)) throw bad("ownerDepartment", `no department "${ownerDepartment}"`);
  scope.departments.forEach((d, i) => {
    if (!known.has(d)) throw bad(`departments.${i}`, `no department "${d}"`);
    if (scope.departments.indexOf(d) !== i) throw bad(`departments.${i}`, `${d} is listed twice`);
  });
  if (!scope.departments.includes(ownerDepartment)) {
    throw bad("departments", `must include the owner department ${ownerDepartment}`);
  }
}

export function checkMilestones(milestones: readonly Milestone[], departments: readonly string[]): void {
  milestones.forEach((m, i) => {
    const at = `milestones.${i}`;
    if (!m.title.trim()) throw bad(`${at}.title`, "must not be empty");
    if (!departments.includes(m.department)) {
      throw bad(`${at}.department`, `${m.department} does not take part in this initiative`);
    }
    const start = checkDate(m.startAt, `${at}.startAt`);
    const due = checkDate(m.dueAt, `${at}.dueAt`);
    if (due < start) throw bad(`${at}.dueAt`, `is before the start (${m.startAt})`);
    if (milestones.findIndex((o) => o.id === m.id) !== i) throw bad(`${at}.id`, "is listed twice");
  });
}

const MONEY = /^(0|[1-9]\d{0,13})(\.\d{1,2})?$/;

/** A money amount as its canonical two-decimal text; ≥ 0, at most 2 decimals (never rounded). */
export function canonicalMoney(value: string | number, field: string): string {
  if (typeof value === "number" && !Number.isFinite(value)) throw bad(field, "must be a finite amount");
  const text = typeof value === "number" ? String(value) : value.trim();
  if (text.startsWith("-")) throw bad(field, "must be ≥ 0");
  const normalised = text.replace(/^0+(?=\d)/, "");
  if (!MONEY.test(normalised)) {
    throw bad(field, "must be an amount ≥ 0 with at most 2 decimals, such as 1250.50");
  }
  const [whole = "0", fraction = ""] = normalised.split(".");
  return `${whole}.${fraction.padEnd(2, "0")}`;
}

const toCents = (money: string) => BigInt(money.replace(".", ""));
const fromCents = (cents: bigint) => {
  const text = cents.toString().padStart(3, "0");
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
};

/** Exact sum of money strings. */
export function sumMoney(amounts: readonly string[]): string {
  return fromCents(amounts.reduce((sum, a) => sum + toCents(a), 0n));
}

export type BudgetLineDraft = { year: number; department: string; planned: string | number; spent: string | number };

export function checkBudget(lines: readonly BudgetLineDraft[], departments: readonly string[]): BudgetLine[] {
  const seen = new Set<string>();
  return lines.map((line, i) => {
    const at = `budget.${i}`;
    if (!Number.isInteger(line.year) || line.year < 2000 || line.year > 2100) {
      throw bad(`${at}.year`, "must be a year between 2000 and 2100");
    }
    if (!departments.includes(line.department)) {
      throw bad(`${at}.department`, `${line.department} does not take part in this initiative`);
    }
    const key = `${line.year}/${line.department}`;
    if (seen.has(key)) throw bad(`${at}.department`, `${line.department} has a line for ${line.year} already`);
    seen.add(key);
    return {
      year: line.year,
      department: line.department,
      planned: canonicalMoney(line.planned, `${at}.planned`),
      spent: canonicalMoney(line.spent, `${at}.spent`),
    };
  });
}

export type BudgetTotal = { planned: string; spent: string };
export type BudgetSummary = {
  lines: BudgetLine[];
  total: BudgetTotal;
  byYear: ({ year: number } & BudgetTotal)[];
  byDepartment: ({ department: string } & BudgetTotal)[];
};

function totalOf(lines: readonly BudgetLine[]): BudgetTotal {
  return { planned: sumMoney(lines.map((l) => l.planned)), spent: sumMoney(lines.map((l) => l.spent)) };
}

/** Lines ordered by year and department, with exact totals per year, per department and overall. */
export function budgetSummary(lines: readonly BudgetLine[]): BudgetSummary {
  const sorted = [...lines].sort((a, b) => a.year - b.year || a.department.localeCompare(b.department));
  const years = [...new Set(sorted.map((l) => l.year))];
  const departments = [...new Set(sorted.map((l) => l.department))].sort();
  return {
    lines: sorted,
    total: totalOf(sorted),
    byYear: years.map((year) => ({ year, ...totalOf(sorted.filter((l) => l.year === year)) })),
    byDepartment: departments.map((department) => ({
      department,
      ...totalOf(sorted.filter((l) => l.department === department)),
    })),
  };
}

export function checkLinkedGoals(goals: readonly LinkedGoal[]): void {
  goals.forEach((g, i) => {
    const at = `goals.${i}`;
    if (!Number.isFinite(g.baseline)) throw bad(`${at}.baseline`, "must be a number");
    if (!Number.isFinite(g.target)) throw bad(`${at}.target`, "must be a number");
    if (goals.findIndex((o) => o.goalId === g.goalId) !== i) throw bad(`${at}.goalId`, "is linked twice");
  });
}
