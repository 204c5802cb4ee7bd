/*
 * The initiative state machine of SPEC §6 "Roadmaps" as one pure function
 * `(initiative, action, actor) → initiative | refusal`. No database, no clock: the moment of an
 * action travels in the action. Refusals are values; the API maps them to HTTP statuses.
 *
 * Sign-offs are kept in rounds. Every submit, and every scope change in review or approved, opens a
 * new round: one pending sign-off per participating department for the current version. Earlier
 * rounds stay as history, so approvals of an earlier round never count for a later one.
 */

export const initiativeStatuses = ["draft", "in_review", "approved", "in_progress", "done", "cancelled"] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];

export const signoffDecisions = ["pending", "approved", "rejected"] as const;
export type SignoffDecision = (typeof signoffDecisions)[number];

/** The parts of an initiative whose change is a change of scope (SPEC §6): they raise the version. */
export type Scope = {
  title: string;
  description: string;
  departments: readonly string[];
  /** Calendar date `YYYY-MM-DD`. */
  launchAt: string;
};
export const scopeFields = ["title", "description", "departments", "launchAt"] as const;

export type Signoff = {
  department: string;
  version: number;
  round: number;
  decision: SignoffDecision;
  comment: string | null;
  /** Who decided (email or label); null while pending. */
  by: string | null;
  /** ISO instant of the decision; null while pending. */
  at: string | null;
};

export type Initiative = Scope & {
  ownerDepartment: string;
  status: InitiativeStatus;
  version: number;
  /** The current sign-off round; 0 before the first submit. */
  round: number;
  /** Every sign-off of every round, oldest first. */
  signoffs: readonly Signoff[];
};

export type MachineActor = {
  role: "admin" | "department_head" | "account_manager" | "viewer" | "api_key";
  department: string | null;
  /** What the history shows as "by": a user's email, `api key <name>`. */
  label: string;
};

export type Action =
  | { type: "submit"; at: string }
  | { type: "signoff"; department: string; decision: "approve" | "reject"; comment?: string | null; at: string }
  /** `scope`: the scope fields to set; `plan`: milestones, budget or linked goals change too. */
  | { type: "edit"; scope: Partial<Scope>; plan?: boolean; at: string }
  | { type: "start"; at: string }
  | { type: "complete"; at: string }
  | { type: "cancel"; at: string };
export type ActionType = Action["type"];
/** What the admin may offer: the actions, plus `plan` (milestones, budget, goals) apart from scope. */
export type OfferedAction = ActionType | "plan";

export type RefusalCode = "BAD_REQUEST" | "FORBIDDEN" | "CONFLICT";
export type Refusal = { refused: RefusalCode; field?: string; message: string };

export type Outcome = { ok: true; initiative: Initiative; changed: boolean } | { ok: false; refusal: Refusal };

const refuse = (refused: RefusalCode, message: string, field?: string): Outcome => ({
  ok: false,
  refusal: { refused, message, ...(field ? { field } : {}) },
});

/** Scope is frozen once work has started, and for good once it is done or cancelled. */
export const frozenStatuses: readonly InitiativeStatus[] = ["in_progress", "done", "cancelled"];
/**
 * Milestones, budget and linked goals are the plan, not the scope: they change without a new
 * version (progress and spending are entered while work runs) until the initiative is closed.
 */
export const closedStatuses: readonly InitiativeStatus[] = ["done", "cancelled"];

const isAdmin = (actor: MachineActor) => actor.role === "admin";
const headOf = (actor: MachineActor, department: string) =>
  actor.role === "department_head" && actor.department === department;

/** Admins and the owner department's head run an initiative: edit, submit, start, complete, cancel. */
export function mayManage(initiative: Pick<Initiative, "ownerDepartment">, actor: MachineActor): boolean {
  return isAdmin(actor) || headOf(actor, initiative.ownerDepartment);
}

/** Admins (naming the department) and that department's head sign off for a department. */
export function maySignOff(department: string, actor: MachineActor): boolean {
  return isAdmin(actor) || headOf(actor, department);
}

/** The sign-offs of the current round (empty before the first submit). */
export function currentSignoffs(initiative: Pick<Initiative, "signoffs" | "round">): Signoff[] {
  if (initiative.round === 0) return [];
  return initiative.signoffs.filter((s) => s.round === initiative.round);
}

/** Every participating department approved the current version in the current round. */
export function allApproved(initiative: Initiative): boolean {
  const current = currentSignoffs(initiative);
  return initiative.departments.every((d) =>
    current.some((s) => s.department === d && s.version === initiative.version && s.decision === "approved"),
  );
}

function openRound(initiative: Initiative): Initiative {
  const round = initiative.round + 1;
  const fresh: Signoff[] = initiative.departments.map((department) => ({
    department,
    version: initiative.version,
    round,
    decision: "pending",
    comment: null,
    by: null,
    at: null,
  }));
  return { ...initiative, status: "in_review", round, signoffs: [...initiative.signoffs, ...fresh] };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/** The scope fields of `changes` that differ from the initiative's. */
export function changedScope(initiative: Scope, changes: Partial<Scope>): (keyof Scope)[] {
  return scopeFields.filter((field) => {
    const next = changes[field];
    if (next === undefined) return false;
    if (field === "departments") return !sameList(initiative.departments, next as readonly string[]);
    return initiative[field] !== next;
  });
}

const statusWord: Record<InitiativeStatus, string> = {
  draft: "a draft",
  in_review: "in review",
  approved: "approved",
  in_progress: "in progress",
  done: "done",
  cancelled: "cancelled",
};

/**
 * One step of the machine. Refusals, in the order they are checked:
 * 400 a sign-off for a department that does not take part, a rejection without a comment;
 * 403 the actor may not do this (manage: admin or owner head; sign off: admin or that head);
 * 409 the initiative is in the wrong status, or the department decided this round already.
 * Scope rules (owner among the departments, …) are checked by `checkScope` before.
 */
export function step(initiative: Initiative, action: Action, actor: MachineActor): Outcome {
  const status = initiative.status;
  switch (action.type) {
    case "submit": {
      if (!mayManage(initiative, actor)) {
        return refuse("FORBIDDEN", `only an admin or the head of ${initiative.ownerDepartment} submits this initiative`);
      }
      if (status !== "draft") return refuse("CONFLICT", `the initiative is ${statusWord[status]}; only a draft is submitted`);
      return { ok: true, initiative: openRound(initiative), changed: true };
    }
    case "signoff": {
      const { department } = action;
      if (!initiative.departments.includes(department)) {
        return refuse("BAD_REQUEST", `department: ${department} does not take part in this initiative`, "department");
      }
      if (!maySignOff(department, actor)) {
        return refuse("FORBIDDEN", `only the head of ${department} or an admin signs off for ${department}`);
      }
      const comment = action.comment?.trim() ? action.comment.trim() : null;
      if (action.decision === "reject" && comment === null) {
        return refuse("BAD_REQUEST", "comment: a rejection needs a comment saying what to change", "comment");
      }
      if (status !== "in_review") {
        return refuse("CONFLICT", `the initiative is ${statusWord[status]}; sign-offs are given while it is in review`);
      }
      const open = initiative.signoffs.findIndex(
        (s) => s.round === initiative.round && s.department === department && s.decision === "pending",
      );
      if (open < 0) return refuse("CONFLICT", `${department} has decided on version ${initiative.version} already`);
      const decided: Signoff = {
        ...initiative.signoffs[open]!,
        decision: action.decision === "approve" ? "approved" : "rejected",
        comment,
        by: actor.label,
        at: action.at,
      };
      const signoffs = initiative.signoffs.map((s, i) => (i === open ? decided : s));
      const next: Initiative = { ...initiative, signoffs };
      if (decided.decision === "rejected") return { ok: true, initiative: { ...next, status: "draft" }, changed: true };
      return { ok: true, initiative: allApproved(next) ? { ...next, status: "approved" } : next, changed: true };
    }
    case "edit": {
      if (!mayManage(initiative, actor)) {
        return refuse("FORBIDDEN", `only an admin or the head of ${initiative.ownerDepartment} changes this initiative`);
      }
      const changed = changedScope(initiative, action.scope);
      if (frozenStatuses.includes(status) && changed.length > 0) {
        return refuse("CONFLICT", `the initiative is ${statusWord[status]}; its scope is frozen`, changed[0]);
      }
      if (closedStatuses.includes(status) && action.plan) {
        return refuse("CONFLICT", `the initiative is ${statusWord[status]}; its plan is closed`);
      }
      if (changed.length === 0) return { ok: true, initiative, changed: action.plan === true };
      const scoped: Initiative = { ...initiative, ...pick(action.scope, changed), version: initiative.version + 1 };
      if (status === "in_review" || status === "approved") return { ok: true, initiative: openRound(scoped), changed: true };
      return { ok: true, initiative: scoped, changed: true };
    }
    case "start":
    case "complete":
    case "cancel": {
      if (!mayManage(initiative, actor)) {
        return refuse("FORBIDDEN", `only an admin or the head of ${initiative.ownerDepartment} may ${action.type} this initiative`);
      }
      const from: Record<typeof action.type, readonly InitiativeStatus[]> = {
        start: ["approved"],
        complete: ["in_progress"],
        cancel: ["draft", "in_review", "approved", "in_progress"],
      };
      const to: Record<typeof action.type, InitiativeStatus> = { start: "in_progress", complete: "done", cancel: "cancelled" };
      if (!from[action.type].includes(status)) {
        const needs = from[action.type].map((s) => statusWord[s]).join(" or ");
        return refuse("CONFLICT", `the initiative is ${statusWord[status]}; ${action.type} needs it ${needs}`);
      }
      return { ok: true, initiative: { ...initiative, status: to[action.type] }, changed: true };
    }
  }
}

function pick(changes: Partial<Scope>, fields: readonly (keyof Scope)[]): Partial<Scope> {
  const out: Partial<Scope> = {};
  for (const field of fields) Object.assign(out, { [field]: changes[field] });
  return out;
}

/** The actions `actor` may take on `initiative` now (what the admin offers, and only that). */
export function availableActions(initiative: Initiative, actor: MachineActor): OfferedAction[] {
  const probe = "1970-01-01T00:00:00.000Z";
  const actions: OfferedAction[] = [];
  for (const type of ["submit", "start", "complete", "cancel"] as const) {
    if (step(initiative, { type, at: probe }, actor).ok) actions.push(type);
  }
  if (mayManage(initiative, actor) && !frozenStatuses.includes(initiative.status)) actions.push("edit");
  if (mayManage(initiative, actor) && !closedStatuses.includes(initiative.status)) actions.push("plan");
  const pending = currentSignoffs(initiative).some(
    (s) => s.decision === "pending" && initiative.status === "in_review" && maySignOff(s.department, actor),
  );
  if (pending) actions.push("signoff");
  return actions;
}
