// The four roles of SPEC §7, their names and badge colours. Role colours stay
// clear of the status colours (green, amber, red, grey).
export const ROLES = ["admin", "department_head", "account_manager", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Administrator",
  department_head: "Department head",
  account_manager: "Account manager",
  viewer: "Viewer",
};

export const ROLE_COLORS: Record<Role, string> = {
  admin: "brand",
  department_head: "violet",
  account_manager: "cyan",
  viewer: "gray",
};

export const LEVELS = ["senior", "intermediate", "junior"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { senior: "Senior", intermediate: "Intermediate", junior: "Junior" };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** Status colours shared by every page: on/met green, at risk amber, off/missed red, inactive grey. */
export const STATUS_COLORS = { good: "green", warning: "yellow", bad: "red", neutral: "gray" } as const;

/** A department's name from the departments list; its key only while the list is not there. */
export function departmentName(key: string, departments: readonly { key: string; name: string }[] | undefined): string {
  return departments?.find((d) => d.key === key)?.name ?? key;
}

/** "Department head · Customer service", "Administrator": the role in words, the department by name. */
export function roleLine(
  user: { role: string; department: string | null },
  departments: readonly { key: string; name: string }[] | undefined,
): string {
  const role = roleLabel(user.role);
  return user.department ? `${role} · ${departmentName(user.department, departments)}` : role;
}
