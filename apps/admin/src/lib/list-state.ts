// The settings pages' state as URL search params, so a link opens the same
// filtered list, selected user or expanded audit record.
import { isIsoDate, type IsoDate } from "./dates";
import { ROLES, type Role } from "./roles";


function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return allowed.find((item) => item === value) ?? null;
}

function text(value: string | null, max = 200): string {
  return (value ?? "").trim().slice(0, max);
}

/** Writes `patch` into a copy of `params`; empty values leave the URL. */
export function patchParams(params: URLSearchParams, patch: Record<string, string | number | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  return next;
}

// Users & roles -------------------------------------------------------------

export type UserStatus = "all" | "active" | "inactive";
export type SortState = { id: string; desc: boolean };
export type UserListState = {
  q: string;
  role: Role | null;
  department: string | null;
  status: UserStatus;
  sort: SortState;
  /** The user open in the drawer. */
  user: string | null;
  tab: "details" | "history";
};

const USER_SORTS = ["name", "email", "role", "department", "level", "active"] as const;
/** The list reads as sorted by name, and is, unless the URL names another order. */
export const DEFAULT_USER_SORT: SortState = { id: "name", desc: false };
const isDefaultSort = (sort: SortState | null) =>
  sort === null || (sort.id === DEFAULT_USER_SORT.id && sort.desc === DEFAULT_USER_SORT.desc);

export function parseUserListState(params: URLSearchParams): UserListState {
  const sortParam = params.get("sort") ?? "";
  const desc = sortParam.startsWith("-");
  const sortId = oneOf(desc ? sortParam.slice(1) : sortParam, USER_SORTS);
  return {
    q: text(params.get("q")),
    role: oneOf(params.get("role"), ROLES),
    department: text(params.get("department"), 40) || null,
    status: oneOf(params.get("status"), ["all", "active", "inactive"] as const) ?? "all",
    sort: sortId ? { id: sortId, desc } : DEFAULT_USER_SORT,
    user: text(params.get("user"), 64) || null,
    tab: params.get("tab") === "history" ? "history" : "details",
  };
}

export function writeUserListState(params: URLSearchParams, patch: Partial<UserListState>): URLSearchParams {
  const state = { ...parseUserListState(params), ...patch };
  return patchParams(params, {
    q: state.q,
    role: state.role,
    department: state.department,
    status: state.status === "all" ? null : state.status,
    sort: state.sort && !isDefaultSort(state.sort) ? `${state.sort.desc ? "-" : ""}${state.sort.id}` : null,
    user: state.user,
    tab: state.user && state.tab !== "details" ? state.tab : null,
  });
}

// Audit log -----------------------------------------------------------------

export type AuditListState = {
  entityType: string | null;
  actor: string;
  action: string;
  /** Calendar days in the organisation's time zone, both included. */
  from: IsoDate | null;
  to: IsoDate | null;
  /** Cursor: records older than this id. */
  before: number | null;
  /** The records shown expanded. */
  open: number[];
};

function ids(value: string | null): number[] {
  return (value ?? "")
    .split(",")
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);
}

export function parseAuditListState(params: URLSearchParams): AuditListState {
  const from = params.get("from") ?? "";
  const to = params.get("to") ?? "";
  const before = Number(params.get("before"));
  const validFrom = isIsoDate(from) ? from : null;
  const validTo = isIsoDate(to) && (!validFrom || to >= validFrom) ? to : null;
  return {
    entityType: text(params.get("entity"), 40) || null,
    actor: text(params.get("actor"), 254),
    action: text(params.get("action"), 60),
    from: validFrom,
    to: validTo,
    before: Number.isSafeInteger(before) && before > 0 ? before : null,
    open: ids(params.get("open")),
  };
}

/** Changing a filter starts again from the newest records. */
export function writeAuditListState(params: URLSearchParams, patch: Partial<AuditListState>): URLSearchParams {
  const filterChanged = ["entityType", "actor", "action", "from", "to"].some((key) => key in patch);
  const state = { ...parseAuditListState(params), ...(filterChanged ? { before: null, open: [] } : {}), ...patch };
  return patchParams(params, {
    entity: state.entityType,
    actor: state.actor,
    action: state.action,
    from: state.from,
    to: state.to,
    before: state.before,
    open: state.open.join(","),
  });
}

export function toggleId(list: readonly number[], id: number): number[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

// Navigation ----------------------------------------------------------------

const VIEW_PARAMS = ["period", "from", "to", "compare", "grain", "department"] as const;

/**
 * The params that follow the user between dashboard sections (period, comparison, department);
 * a settings page's own filters stay behind. `from`/`to` only travel with a custom period.
 */
export function carriedSearch(search: string, fromDashboard: boolean): string {
  if (!fromDashboard) return "";
  const params = new URLSearchParams(search);
  const next = new URLSearchParams();
  for (const key of VIEW_PARAMS) {
    const value = params.get(key);
    if (value !== null) next.set(key, value);
  }
  const text = next.toString();
  return text ? `?${text}` : "";
}
