// What an admin's edit of a manager's profile changes, as `accountManagers.update` takes it.
import type { OWNERSHIPS } from "../customers/words";

export const LEVELS = ["senior", "intermediate", "junior"] as const;
export type Level = (typeof LEVELS)[number];
export type Ownership = (typeof OWNERSHIPS)[number];
export type Profile = {
  email: string;
  level: Level;
  specialties: string[];
  industries: string[];
  ownerships: Ownership[];
  capacity: number;
};
/** The form's values: the capacity is "" while its field is empty. */
export type Draft = Omit<Profile, "email" | "capacity"> & { capacity: number | string };

const same = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The fields of `draft` that differ from `saved` (an empty capacity is no value, so no change). */
export function profileChanges(saved: Profile, draft: Draft): Partial<Omit<Profile, "email">> {
  const changes: Partial<Omit<Profile, "email">> = {};
  if (draft.level !== saved.level) changes.level = draft.level;
  if (!same(draft.specialties, saved.specialties)) changes.specialties = draft.specialties;
  if (!same(draft.industries, saved.industries)) changes.industries = draft.industries;
  if (!same(draft.ownerships, saved.ownerships)) changes.ownerships = draft.ownerships;
  if (draft.capacity !== "" && Number(draft.capacity) !== saved.capacity)
    changes.capacity = Number(draft.capacity);
  return changes;
}
