import { describe, expect, it } from "vitest";
import {
  carriedSearch,
  parseAuditListState,
  parseUserListState,
  toggleId,
  writeAuditListState,
  writeUserListState,
} from "./list-state";

describe("users list state in the URL", () => {
  it("has calm defaults and ignores unknown values", () => {
    expect(parseUserListState(new URLSearchParams("role=boss&status=maybe&sort=-password"))).toEqual({
      q: "",
      role: null,
      department: null,
      status: "all",
      sort: { id: "name", desc: false },
      user: null,
      tab: "details",
    });
  });

  it("round-trips filters, sorting and the open user", () => {
    const params = writeUserListState(new URLSearchParams("x=1"), {
      role: "department_head",
      department: "sales",
      status: "inactive",
      sort: { id: "name", desc: true },
      user: "u1",
      tab: "history",
    });
    expect(params.toString()).toBe("x=1&role=department_head&department=sales&status=inactive&sort=-name&user=u1&tab=history");
    expect(parseUserListState(params)).toMatchObject({ role: "department_head", sort: { id: "name", desc: true }, tab: "history" });
  });

  it("sorts by name unless the URL names another order, and keeps the default out of the URL", () => {
    expect(parseUserListState(new URLSearchParams("")).sort).toEqual({ id: "name", desc: false });
    expect(parseUserListState(new URLSearchParams("sort=role")).sort).toEqual({ id: "role", desc: false });
    expect(writeUserListState(new URLSearchParams("sort=-role"), { sort: { id: "name", desc: false } }).toString()).toBe("");
    expect(writeUserListState(new URLSearchParams(""), { sort: { id: "role", desc: true } }).toString()).toBe("sort=-role");
  });

  it("drops the drawer's tab with the drawer", () => {
    const params = writeUserListState(new URLSearchParams("user=u1&tab=history"), { user: null });
    expect(params.toString()).toBe("");
  });
});

describe("audit log state in the URL", () => {
  it("reads filters, the cursor and the expanded records", () => {
    const state = parseAuditListState(
      new URLSearchParams("entity=user&actor=admin%40x.com&action=user.update&from=2026-01-01&to=2026-01-31&before=120&open=5,x,7"),
    );
    expect(state).toEqual({
      entityType: "user",
      actor: "admin@x.com",
      action: "user.update",
      from: "2026-01-01",
      to: "2026-01-31",
      before: 120,
      open: [5, 7],
    });
  });

  it("rejects invalid dates, reversed ranges and bad cursors", () => {
    const state = parseAuditListState(new URLSearchParams("from=2026-02-30&to=2025-01-01&before=-3"));
    expect(state).toMatchObject({ from: null, to: "2025-01-01", before: null });
    expect(parseAuditListState(new URLSearchParams("from=2026-02-01&to=2026-01-01")).to).toBeNull();
  });

  it("starts from the newest records when a filter changes", () => {
    const params = writeAuditListState(new URLSearchParams("before=50&open=3&actor=a"), { action: "user.create" });
    expect(params.toString()).toBe("actor=a&action=user.create");
    expect(writeAuditListState(params, { before: 40 }).toString()).toBe("actor=a&action=user.create&before=40");
  });

  it("toggles expanded records", () => {
    expect(toggleId([1, 2], 2)).toEqual([1]);
    expect(toggleId([1], 3)).toEqual([1, 3]);
  });
});

describe("navigation", () => {
  it("carries the dashboard view between dashboard sections only", () => {
    expect(carriedSearch("?period=this_month&role=admin&department=sales", true)).toBe("?period=this_month&department=sales");
    expect(carriedSearch("?period=this_month", false)).toBe("");
    expect(carriedSearch("", true)).toBe("");
  });
});
