import type { Role } from "@retain/db";

export const roles = ["admin", "department_head", "account_manager", "viewer"] as const satisfies readonly Role[];
export type { Role };
