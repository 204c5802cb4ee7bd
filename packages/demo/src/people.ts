import { departmentKeys } from "./departments";
import { industries } from "./company-names";
import type { Random } from "./random";
import type { DemoUser, ManagerLevel } from "./types";

const firstNames = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elena",
  "Felix",
  "Grace",
  "Hugo",
  "Ines",
  "Jonas",
  "Karin",
  "Lars",
  "Maria",
  "Nico",
  "Olivia",
  "Paul",
  "Rosa",
  "Simon",
  "Tara",
  "Umar",
  "Vera",
  "William",
  "Yara",
  "Zoe",
  "Aaron",
  "Bianca",
  "Carlos",
  "Dana",
  "Emil",
  "Fatima",
  "Georg",
  "Hanna",
  "Ivan",
  "Julia",
  "Kai",
  "Lena",
  "Marco",
  "Nora",
  "Oscar",
  "Priya",
  "Quentin",
  "Ruth",
  "Sofia",
  "Tom",
  "Ulla",
  "Victor",
  "Wen",
  "Xavier",
] as const;

const lastNames = [
  "Adams",
  "Berger",
  "Castillo",
  "Dubois",
  "Eriksen",
  "Fischer",
  "Garcia",
  "Hansen",
  "Ito",
  "Jensen",
  "Keller",
  "Larsen",
  "Meyer",
  "Novak",
  "Olsen",
  "Petrov",
  "Quinn",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Ueda",
  "Vogel",
  "Walsh",
  "Young",
  "Zimmer",
  "Bauer",
  "Costa",
  "Dahl",
  "Engel",
  "Ferreira",
  "Gruber",
  "Horvat",
  "Kowalski",
  "Lindqvist",
  "Moreau",
  "Nilsen",
  "Okafor",
  "Patel",
  "Reyes",
  "Silva",
  "Torres",
] as const;

export const specialties = [
  "key accounts",
  "new business",
  "technical solutions",
  "public sector tenders",
  "export",
  "renewals",
  "channel partners",
] as const;

/** Head count of the sales force by level (SPEC §2: senior managers serve VIP and key customers). */
const managerLevels: readonly (readonly [ManagerLevel, number])[] = [
  ["senior", 6],
  ["intermediate", 10],
  ["junior", 12],
];

/** Company-wide readers and a few department staff who read dashboards. */
const viewerDepartments: readonly (string | null)[] = [
  null,
  null,
  null,
  "customer_service",
  "quality",
  "procurement",
];

export const EMAIL_DOMAIN = "example.com";

/** The people of the demo company: a head per department, the sales force, some viewers. */
export function generateUsers(random: Random): DemoUser[] {
  const taken = new Set<string>();
  const person = (): { name: string; email: string } => {
    for (;;) {
      const first = random.pick(firstNames);
      const last = random.pick(lastNames);
      const email = `${first}.${last}@${EMAIL_DOMAIN}`.toLowerCase();
      if (!taken.has(email)) {
        taken.add(email);
        return { name: `${first} ${last}`, email };
      }
    }
  };

  const users: DemoUser[] = departmentKeys.map((department) => ({
    ...person(),
    role: "department_head",
    department,
  }));
  for (const [level, count] of managerLevels) {
    for (let i = 0; i < count; i += 1) {
      users.push({
        ...person(),
        role: "account_manager",
        department: "sales",
        level,
        specialty: level === "senior" && i === 0 ? "key accounts" : random.pick(specialties),
        industryFocus: random.pick(industries),
      });
    }
  }
  for (const department of viewerDepartments) {
    users.push({ ...person(), role: "viewer", department });
  }
  return users;
}
