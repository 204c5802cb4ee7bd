import type { CustomerInput } from "@retain/warehouse";
import { isoTimestamp } from "./calendar";
import { currentManager, currentTier, type CustomerProfile } from "./customers";
import type { DemoReassignment, DemoTierChange } from "./types";

/** The customer as the REST API takes it, in its current state. */
export function toCustomerInput(profile: CustomerProfile): CustomerInput {
  const input: CustomerInput = {
    id: profile.id,
    name: profile.name,
    industry: profile.industry,
    region: profile.region,
    ownership: profile.ownership,
    size: profile.size,
    tier: currentTier(profile),
    accountManager: currentManager(profile),
    specialty: profile.specialty,
    createdAt: isoTimestamp(profile.createdAt),
  };
  if (profile.referredBy !== undefined) input.referredBy = profile.referredBy;
  return input;
}

/** Every tier change of every customer, in time order. */
export function tierChangesOf(profiles: readonly CustomerProfile[]): DemoTierChange[] {
  const changes = profiles.flatMap((profile) =>
    profile.tiers.slice(1).map((span, i) => ({
      customerId: profile.id,
      t: span.at,
      at: isoTimestamp(span.at),
      tier: span.tier,
      from: profile.tiers[i]?.tier ?? "regular",
    })),
  );
  return changes.sort((a, b) => a.t - b.t).map(({ t: _t, ...change }) => change);
}

/** Every hand-over of a customer to another account manager (or to none), in time order. */
export function reassignmentsOf(profiles: readonly CustomerProfile[]): DemoReassignment[] {
  const changes = profiles.flatMap((profile) =>
    profile.managers.slice(1).flatMap((span, i) => {
      // a customer without a manager is never handed on (it waits for an admin), so `from` is a person
      const from = profile.managers[i]?.email;
      if (!from) return [];
      return [
        {
          customerId: profile.id,
          t: span.at,
          at: isoTimestamp(span.at),
          accountManager: span.email,
          from,
          method: span.method === "level" ? ("level" as const) : ("staff_change" as const),
        },
      ];
    }),
  );
  return changes.sort((a, b) => a.t - b.t).map(({ t: _t, ...change }) => change);
}

/**
 * The customers as they were when they joined: their first tier and first account manager. A loader
 * that keeps history ingests these, then replays `tierChanges` and `reassignments` in time order,
 * and ends with exactly `customers`.
 */
export function customersAtCreation(data: {
  customers: readonly CustomerInput[];
  tierChanges: readonly DemoTierChange[];
  reassignments: readonly DemoReassignment[];
}): CustomerInput[] {
  const firstTier = new Map<string, DemoTierChange["from"]>();
  for (const change of data.tierChanges)
    if (!firstTier.has(change.customerId)) firstTier.set(change.customerId, change.from);
  const firstManager = new Map<string, string>();
  for (const move of data.reassignments)
    if (!firstManager.has(move.customerId)) firstManager.set(move.customerId, move.from);
  return data.customers.map((customer) => ({
    ...customer,
    tier: firstTier.get(customer.id) ?? customer.tier,
    accountManager: firstManager.get(customer.id) ?? customer.accountManager,
  }));
}
