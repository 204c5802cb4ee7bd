import { describe, expect, it } from "vitest";
import { actionLabel, auditValue, changedFields, diffRecords, entityLabel, entityName, fieldLabel, formatAuditValue } from "./audit-diff";

describe("audit diffs", () => {
  const before = { name: "Ann", role: "viewer", department: null, active: true };
  const after = { name: "Ann", role: "department_head", department: "sales", active: true, passwordChanged: true };

  it("lists changed fields first, then unchanged ones", () => {
    expect(diffRecords(before, after)).toEqual([
      { field: "role", kind: "changed", before: "viewer", after: "department_head" },
      { field: "department", kind: "changed", before: null, after: "sales" },
      { field: "passwordChanged", kind: "changed", before: undefined, after: true },
      { field: "name", kind: "unchanged", before: "Ann", after: "Ann" },
      { field: "active", kind: "unchanged", before: true, after: true },
    ]);
    expect(changedFields(before, after).map((c) => c.field)).toEqual(["role", "department", "passwordChanged"]);
  });

  it("treats a creation as added fields and a deletion as removed ones", () => {
    expect(diffRecords(null, { a: 1 })).toEqual([{ field: "a", kind: "added", before: undefined, after: 1 }]);
    expect(diffRecords({ a: 1 }, null)).toEqual([{ field: "a", kind: "removed", before: 1, after: undefined }]);
    expect(diffRecords(null, null)).toEqual([]);
  });

  it("compares lists and objects by value", () => {
    expect(changedFields({ scopes: ["read"] }, { scopes: ["read"] })).toEqual([]);
    expect(changedFields({ scopes: ["read"] }, { scopes: ["read", "ingest"] })).toHaveLength(1);
  });

  it("formats values as one line", () => {
    expect(formatAuditValue(null)).toBe("—");
    expect(formatAuditValue(undefined)).toBe("—");
    expect(formatAuditValue(false)).toBe("no");
    expect(formatAuditValue(24)).toBe("24");
    expect(formatAuditValue(["ingest", "read"])).toBe("ingest, read");
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
  });

  it("labels fields, entities and actions", () => {
    expect(fieldLabel("passwordChanged")).toBe("Password changed");
    expect(fieldLabel("complaintSlaHours")).toBe("Complaint SLA (hours)");
    expect(fieldLabel("churnDays")).toBe("Churn after (days)");
    expect(fieldLabel("onTimePaymentThreshold")).toBe("On-time payment threshold (%)");
    expect(fieldLabel("timeZone")).toBe("Time zone");
    expect(fieldLabel("complaint_sla_hours")).toBe("Complaint SLA hours");
    expect(fieldLabel("entity_id")).toBe("Entity ID");
    expect(entityLabel("api_key")).toBe("API key");
    expect(actionLabel("user.deactivate")).toBe("User deactivated");
    expect(actionLabel("api_key.create")).toBe("API key created");
    expect(actionLabel("settings.update")).toBe("Settings updated");
    expect(actionLabel("goal.sign_off")).toBe("Goal sign off");
  });
});

describe("recorded values in words", () => {
  const departments = [{ key: "customer_service", name: "Customer service" }];
  it("shows roles, levels and departments as the rest of the admin does", () => {
    expect(auditValue("role", "department_head")).toBe("Department head");
    expect(auditValue("level", "senior")).toBe("Senior");
    expect(auditValue("department", "customer_service", { departments })).toBe("Customer service");
    expect(auditValue("department", null, { departments })).toBe("—");
    expect(auditValue("churnDays", 180)).toBe("180");
  });
});

describe("entity names", () => {
  it("prefers a name, then an email, then the id", () => {
    expect(entityName({ entityId: "u1", before: null, after: { name: "Ann", email: "a@x" } })).toBe("Ann");
    expect(entityName({ entityId: "u1", before: { email: "a@x" }, after: null })).toBe("a@x");
    expect(entityName({ entityId: "organisation", before: { timeZone: "UTC" }, after: { timeZone: "Europe/Berlin" } })).toBe(
      "organisation",
    );
  });
});
