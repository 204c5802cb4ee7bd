import { IconLayoutDashboard, type Icon } from "@tabler/icons-react";

export type Role = "admin" | "department_head" | "account_manager" | "viewer";
export type NavItem = { label: string; to: string; icon: Icon; roles: readonly Role[] };

const everyone: readonly Role[] = ["admin", "department_head", "account_manager", "viewer"];

/** Sections of the admin; a role sees only those it may use. */
export const NAV_ITEMS: readonly NavItem[] = [{ label: "Overview", to: "/", icon: IconLayoutDashboard, roles: everyone }];
