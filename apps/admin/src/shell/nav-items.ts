import {
  IconFileCertificate,
  IconHistory,
  IconKey,
  IconLayoutDashboard,
  IconSettings,
  IconUsers,
  IconBuilding,
  IconLayoutGrid,
  IconTargetArrow,
  IconTimelineEvent,
  IconAddressBook,
  IconPyramid,
  IconUserStar,
  type Icon,
} from "@tabler/icons-react";
import type { Role } from "../lib/roles";

export type { Role };
export type NavChild = { label: string; to: string; icon: Icon };
export type NavItem = {
  label: string;
  to: string;
  icon: Icon;
  roles: readonly Role[];
  /** Dashboard sections carry the period and department along; settings pages do not. */
  dashboard: boolean;
  /** Goal pages choose a goal period of their own (`?period=2026-Q4`), not the top bar's range. */
  ownPeriod?: boolean;
  /** A role's own name for the section ("My department" for a head). */
  roleLabels?: Partial<Record<Role, string>>;
  /** Where the section opens for a head: their own department's page, without a redirect. */
  headTo?: (department: string) => string;
  /** Where the section opens for an account manager: their own page. */
  managerTo?: (email: string) => string;
  children?: readonly NavChild[];
};

const everyone: readonly Role[] = ["admin", "department_head", "account_manager", "viewer"];

/** Sections of the admin; a role sees only those it may use (and the server refuses the rest anyway). */
export const NAV_ITEMS: readonly NavItem[] = [
  // An account manager's first page is their home: their customers, problem customers first, and their KPIs.
  { label: "Overview", to: "/", icon: IconLayoutDashboard, roles: everyone, dashboard: true, roleLabels: { account_manager: "Home" } },
  {
    // A head's goes straight to their own department (SPEC §7: nothing of other departments).
    label: "Departments",
    to: "/departments",
    icon: IconLayoutGrid,
    roles: ["admin", "department_head"],
    dashboard: false,
    ownPeriod: true,
    roleLabels: { department_head: "My department" },
    headTo: (department) => `/departments/${department}`,
  },
  { label: "Goals", to: "/goals", icon: IconTargetArrow, roles: ["admin", "department_head"], dashboard: false, ownPeriod: true },
  { label: "Roadmaps", to: "/roadmaps", icon: IconTimelineEvent, roles: ["admin", "department_head"], dashboard: false },
  {
    label: "Customers",
    to: "/customers",
    icon: IconAddressBook,
    roles: ["admin", "department_head", "account_manager"],
    dashboard: false,
    ownPeriod: true,
    roleLabels: { account_manager: "My customers" },
    children: [
      { label: "Registry", to: "/customers", icon: IconAddressBook },
      { label: "Value pyramid", to: "/customers/value", icon: IconPyramid },
    ],
  },
  {
    label: "Account managers",
    to: "/account-managers",
    icon: IconUserStar,
    roles: ["admin", "account_manager"],
    dashboard: false,
    ownPeriod: true,
    roleLabels: { account_manager: "My results" },
    managerTo: (email) => `/account-managers/${encodeURIComponent(email)}`,
  },
  { label: "Bill of rights", to: "/bill-of-rights", icon: IconFileCertificate, roles: everyone, dashboard: false, ownPeriod: true },
  {
    label: "Settings",
    to: "/settings",
    icon: IconSettings,
    roles: ["admin"],
    dashboard: false,
    children: [
      { label: "Users & roles", to: "/settings/users", icon: IconUsers },
      { label: "API keys", to: "/settings/api-keys", icon: IconKey },
      { label: "Audit log", to: "/settings/audit", icon: IconHistory },
      { label: "Organisation", to: "/settings/organisation", icon: IconBuilding },
    ],
  },
];

export function navItemsFor(role: Role, department: string | null = null, email: string | null = null): NavItem[] {
  const own = (item: NavItem) =>
    role === "department_head" && department && item.headTo
      ? item.headTo(department)
      : role === "account_manager" && email && item.managerTo
        ? item.managerTo(email)
        : item.to;
  return NAV_ITEMS.filter((item) => item.roles.includes(role)).map((item) => ({ ...item, label: item.roleLabels?.[role] ?? item.label, to: own(item) }));
}

/** Whether the top bar's period and comparison apply to `pathname` (not on settings, not on goal pages). */
export function hasViewControls(pathname: string): boolean {
  const section = NAV_ITEMS.find((item) => item.to !== "/" && (pathname === item.to || pathname.startsWith(`${item.to}/`)));
  return !pathname.startsWith("/settings") && !section?.ownPeriod;
}

/** Whether a role may open `pathname`: the section it belongs to must be one of the role's. */
export function mayOpen(role: Role, pathname: string): boolean {
  const section = NAV_ITEMS.find((item) => item.to !== "/" && (pathname === item.to || pathname.startsWith(`${item.to}/`)));
  return section ? section.roles.includes(role) : true;
}
