import type { ManagerLevel, Ownership, Tier } from "@retain/db";
import { byCodePoint } from "./pyramid";

export const assignmentMethods = ["level", "relationship", "specialty", "industry"] as const;
export type AssignmentMethod = (typeof assignmentMethods)[number];

export type ManagerForAssignment = {
  id: string;
  email: string;
  level: ManagerLevel;
  specialties: readonly string[];
  industries: readonly string[];
  ownerships: readonly Ownership[];
  capacity: number;
  /** Customers served now. */
  served: number;
  active: boolean;
};

/** Who referred the customer, resolved by the caller: a user (by id) or a customer (its current manager). */
export type Referral = { kind: "user"; userId: string } | { kind: "customer"; managerId: string | null } | null;

export type CustomerForAssignment = {
  id: string;
  tier: Tier;
  industry: string | null;
  ownership: Ownership | null;
  specialty: string | null;
  referral: Referral;
};

/** Why a manager is proposed: the rule of the method that matched. */
export type ProposalReason = "level" | "relationship" | "specialty" | "industry" | "ownership";
export type UnassignedReason = "no_capacity" | "no_match" | "no_relationship";

export type Proposal = {
  customerId: string;
  managerId: string;
  accountManager: string;
  reason: ProposalReason;
  /** The manager's load once this and the proposals before it are applied: (served + proposed) ÷ capacity. */
  loadAfter: number;
};
export type Unassigned = { customerId: string; reason: UnassignedReason };
export type Proposals = { proposals: Proposal[]; unassigned: Unassigned[] };

const tierOrder: Record<Tier, number> = { vip: 0, key: 1, regular: 2 };

/** Customers in the order they are served: tier (vip, key, regular), then id. */
export function assignmentOrder<C extends { id: string; tier: Tier }>(customers: readonly C[]): C[] {
  return [...customers].sort((a, b) => tierOrder[a.tier] - tierOrder[b.tier] || byCodePoint(a.id, b.id));
}

type Match = { managers: ManagerForAssignment[]; reason: (m: ManagerForAssignment) => ProposalReason } | { none: UnassignedReason };

/** The managers a method makes eligible for a customer (before activity and capacity). */
function eligible(method: AssignmentMethod, c: CustomerForAssignment, managers: readonly ManagerForAssignment[]): Match {
  switch (method) {
    case "level": {
      const levels: ManagerLevel[] = c.tier === "regular" ? ["intermediate", "junior"] : ["senior"];
      return { managers: managers.filter((m) => levels.includes(m.level)), reason: () => "level" };
    }
    case "relationship": {
      const referral = c.referral;
      if (!referral) return { none: "no_relationship" };
      const id = referral.kind === "user" ? referral.userId : referral.managerId;
      if (id === null) return { none: "no_relationship" };
      return { managers: managers.filter((m) => m.id === id), reason: () => "relationship" };
    }
    case "specialty": {
      const specialty = c.specialty;
      return {
        managers: specialty === null ? [] : managers.filter((m) => m.specialties.includes(specialty)),
        reason: () => "specialty",
      };
    }
    case "industry": {
      const { industry, ownership } = c;
      const byIndustry = (m: ManagerForAssignment) => industry !== null && m.industries.includes(industry);
      const byOwnership = (m: ManagerForAssignment) => ownership !== null && m.ownerships.includes(ownership);
      return {
        managers: managers.filter((m) => byIndustry(m) || byOwnership(m)),
        reason: (m) => (byIndustry(m) ? "industry" : "ownership"),
      };
    }
  }
}

/**
 * SPEC §8 proposals: customers taken in tier-then-id order; among the eligible active managers with
 * room (served + proposed so far < capacity) the lowest load (served + proposed) ÷ capacity wins,
 * ties by email. None eligible → no_match (or no_relationship); eligible but full → no_capacity.
 */
export function proposeAssignments(
  method: AssignmentMethod,
  customers: readonly CustomerForAssignment[],
  managers: readonly ManagerForAssignment[],
): Proposals {
  const proposed = new Map<string, number>();
  const load = (m: ManagerForAssignment) => m.served + (proposed.get(m.id) ?? 0);
  const result: Proposals = { proposals: [], unassigned: [] };
  for (const customer of assignmentOrder(customers)) {
    const match = eligible(method, customer, managers);
    if ("none" in match) {
      result.unassigned.push({ customerId: customer.id, reason: match.none });
      continue;
    }
    const candidates = match.managers.filter((m) => m.active);
    if (candidates.length === 0) {
      result.unassigned.push({ customerId: customer.id, reason: "no_match" });
      continue;
    }
    const withRoom = candidates.filter((m) => load(m) < m.capacity);
    if (withRoom.length === 0) {
      result.unassigned.push({ customerId: customer.id, reason: "no_capacity" });
      continue;
    }
    // Lowest load, compared exactly (a/b < c/d ⇔ a·d < c·b for positive capacities), then email.
    const best = withRoom.reduce((a, b) => {
      const diff = load(a) * b.capacity - load(b) * a.capacity;
      if (diff !== 0) return diff < 0 ? a : b;
      return byCodePoint(a.email, b.email) <= 0 ? a : b;
    });
    proposed.set(best.id, (proposed.get(best.id) ?? 0) + 1);
    result.proposals.push({
      customerId: customer.id,
      managerId: best.id,
      accountManager: best.email,
      reason: match.reason(best),
      loadAfter: Math.round((10_000 * load(best)) / best.capacity) / 10_000,
    });
  }
  return result;
}
