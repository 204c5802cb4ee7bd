import { createManagerPool, planDepartures } from "./account-assignment";
import { createActivityStats } from "./activity-stats";
import { monthsBefore } from "./calendar";
import { reassignmentsOf, tierChangesOf, toCustomerInput } from "./customer-records";
import { currentManager, generateCustomers } from "./customers";
import { toEventInput } from "./event-draft";
import { simulateDrafts, type SimulationInput } from "./events";
import { planGoals } from "./goals";
import { planProfiles } from "./manager-profiles";
import { generateUsers } from "./people";
import { createRandom, deriveSeed } from "./random";
import type { DemoData, DemoOptions } from "./types";

/** Customers at scale 1. */
const CUSTOMERS = 2_050;
const MIN_CUSTOMERS = 20;

/**
 * A deterministic, realistic data set for a fresh installation: the same options always give the
 * same users, customers, goals and events. Pure: it touches no database.
 */
export function generateDemo(options: DemoOptions): DemoData {
  const seed = options.seed ?? 42;
  const scale = options.scale ?? 1;
  const months = options.months ?? 24;
  const end = options.today.getTime();
  if (!Number.isFinite(end)) throw new RangeError("today must be a valid date");
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError("scale must be a positive number");
  if (!Number.isInteger(months) || months < 1) throw new RangeError("months must be a positive whole number");
  const start = monthsBefore(options.today, months);
  const stream = (label: string) => createRandom(deriveSeed(seed, label));

  const users = generateUsers(stream("users"));
  const departures = planDepartures(stream("departures"), users, start, end);
  const leftAt = new Map(departures.map((departure) => [departure.email, departure.at]));
  for (const user of users) if (leftAt.has(user.email)) user.active = false;

  const pool = createManagerPool(stream("assignment"), users, departures);
  const count = Math.max(MIN_CUSTOMERS, Math.round(CUSTOMERS * scale));
  const profiles = generateCustomers(stream("customers"), count, start, end, pool);
  const served = new Map<string, number>();
  for (const profile of profiles) {
    const manager = currentManager(profile);
    if (manager !== null) served.set(manager, (served.get(manager) ?? 0) + 1);
  }
  planProfiles(stream("profiles"), users, served);

  const simulation: SimulationInput = {
    seed,
    scale,
    start,
    end,
    customers: profiles,
    employees: users.map((user) => ({ email: user.email, leftAt: leftAt.get(user.email) ?? null })),
  };
  // one pass up front: the exact count, and the activity that goal targets are set against
  const stats = createActivityStats();
  let eventCount = 0;
  for (const draft of simulateDrafts(simulation)) {
    eventCount += 1;
    stats.add(draft);
  }

  return {
    users,
    customers: profiles.map(toCustomerInput),
    tierChanges: tierChangesOf(profiles),
    reassignments: reassignmentsOf(profiles),
    goals: planGoals(stream("goals"), stats, end, profiles),
    eventCount,
    events: function* () {
      for (const draft of simulateDrafts(simulation)) yield toEventInput(draft);
    },
  };
}
