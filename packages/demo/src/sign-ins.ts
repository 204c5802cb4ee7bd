import type { DemoUser } from "./types";

/** Why an account is one of the demo's advertised sign-ins. */
export type DemoSignIn = { email: string; role: DemoUser["role"]; department: string | null; label: string };

/**
 * One demo account per role to try the admin with: the heads of quality (a department whose home
 * metric, the defect rate, is company-wide) and of sales, a senior account manager (who has key
 * and VIP customers) and a company-wide viewer. The people are the same at every scale.
 */
export function demoSignIns(users: readonly DemoUser[]): DemoSignIn[] {
  const active = users.filter((u) => u.active !== false);
  const picks: [string, (u: DemoUser) => boolean][] = [
    ["Department head, quality", (u) => u.role === "department_head" && u.department === "quality"],
    ["Department head, sales", (u) => u.role === "department_head" && u.department === "sales"],
    ["Account manager (senior)", (u) => u.role === "account_manager" && u.level === "senior"],
    ["Viewer (company-wide)", (u) => u.role === "viewer" && u.department === null],
  ];
  return picks.flatMap(([label, test]) => {
    const user = active.find(test);
    return user ? [{ email: user.email, role: user.role, department: user.department, label }] : [];
  });
}
