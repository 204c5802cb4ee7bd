// What an audit record changed: the fields whose value differs between
// `before` and `after`, in a stable order, with values as short text.
import { departmentName, LEVEL_LABELS, roleLabel, type Level } from "./roles";

export type FieldChange = {
  field: string;
  kind: "added" | "removed" | "changed" | "unchanged";
  before: unknown;
  after: unknown;
};

type Snapshot = Record<string, unknown> | null | undefined;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Every field of either side. A creation has only `after` (all "added"), a deletion only
 * `before`. Changed fields come first, then the unchanged ones, each in the record's order.
 */
export function diffRecords(before: Snapshot, after: Snapshot): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes = fields.map((field): FieldChange => {
    const hasBefore = before != null && field in before;
    const hasAfter = after != null && field in after;
    const b = hasBefore ? before[field] : undefined;
    const a = hasAfter ? after[field] : undefined;
    const kind =
      !hasBefore && before == null ? "added" : !hasAfter && after == null ? "removed" : same(b, a) ? "unchanged" : "changed";
    return { field, kind, before: b, after: a };
  });
  return [...changes.filter((c) => c.kind !== "unchanged"), ...changes.filter((c) => c.kind === "unchanged")];
}

/** Only what changed; for a creation, what was set. */
export function changedFields(before: Snapshot, after: Snapshot): FieldChange[] {
  return diffRecords(before, after).filter((c) => c.kind !== "unchanged");
}

/** A value as one line of text: "—" for nothing, lists joined, objects as JSON. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number")) {
    return value.length === 0 ? "—" : value.join(", ");
  }
  return JSON.stringify(value);
}

/**
 * The words the admin uses for recorded fields: the organisation settings' keys as their form
 * labels them, abbreviations kept upper case. Others are spelled out from their key.
 */
const FIELD_LABELS: Record<string, string> = {
  timeZone: "Time zone",
  churnDays: "Churn after (days)",
  complaintSlaHours: "Complaint SLA (hours)",
  currency: "Currency",
  locale: "Locale",
  pyramidTopPercent: "Top customers (%)",
  pyramidBigPercent: "Top and big customers (%)",
  pyramidMediumPercent: "Top, big and medium customers (%)",
  onTimePaymentThreshold: "On-time payment threshold (%)",
  industryFocus: "Industry focus",
  lastUsedAt: "Last used",
  createdAt: "Created",
  revokedAt: "Revoked",
  managerId: "Account manager",
  id: "ID",
};

/** "complaintSlaHours" → "Complaint SLA (hours)", "passwordChanged" → "Password changed", "entity_id" → "Entity ID". */
export function fieldLabel(field: string): string {
  const known = FIELD_LABELS[field];
  if (known) return known;
  const words = field
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_.]+/g, " ")
    .trim()
    .toLowerCase()
    .replace(/\b(id|sla|api|url|csat|nps)\b/g, (word) => word.toUpperCase());
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type Names = { departments?: readonly { key: string; name: string }[] };

/**
 * A recorded value as the admin shows it elsewhere: roles and levels in words, departments by
 * name; anything else as one line (formatAuditValue).
 */
export function auditValue(field: string, value: unknown, names: Names = {}): string {
  if (typeof value === "string" && value) {
    if (field === "role") return roleLabel(value);
    if (field === "level") return LEVEL_LABELS[value as Level] ?? value;
    if (field === "department") return departmentName(value, names.departments);
  }
  return formatAuditValue(value);
}

const VERBS: Record<string, string> = {
  create: "created",
  update: "updated",
  deactivate: "deactivated",
  revoke: "revoked",
  assign: "assigned",
  ensure_admin: "ensured as admin",
  approve: "approved",
  reject: "rejected",
  delete: "deleted",
};

/** "user.deactivate" → "User deactivated", "api_key.create" → "API key created". */
export function actionLabel(action: string): string {
  const dot = action.lastIndexOf(".");
  if (dot < 0) return fieldLabel(action);
  const entity = entityLabel(action.slice(0, dot));
  const verb = action.slice(dot + 1);
  return `${entity} ${VERBS[verb] ?? fieldLabel(verb).toLowerCase()}`;
}

export function entityLabel(entityType: string): string {
  if (entityType === "api_key") return "API key";
  return fieldLabel(entityType);
}

/** A readable name for the record's entity: its name or email, else its id. */
export function entityName(record: { entityId: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }): string {
  for (const snapshot of [record.after, record.before]) {
    for (const field of ["name", "email"]) {
      const value = snapshot?.[field];
      if (typeof value === "string" && value) return value;
    }
  }
  return record.entityId;
}

/** Actions recorded today, for the filter's suggestions; others can be typed. */
export const KNOWN_ACTIONS = [
  "user.create",
  "user.update",
  "user.deactivate",
  "user.ensure_admin",
  "api_key.create",
  "api_key.revoke",
  "settings.update",
  "customer.assign",
] as const;

export const KNOWN_ENTITY_TYPES = ["user", "api_key", "settings", "customer", "goal", "roadmap"] as const;
