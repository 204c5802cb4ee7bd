import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import { defaultOnTimeThreshold } from "./credit";
import { defaultPyramidPercents } from "./pyramid";
import type { AccountSettings } from "./sql";

/** The settings keys of §8 (stored in `settings` like the others; absent → the SPEC's defaults). */
export const accountSettingKeys = {
  pyramidTopPercent: "pyramidTopPercent",
  pyramidBigPercent: "pyramidBigPercent",
  pyramidMediumPercent: "pyramidMediumPercent",
  onTimeThreshold: "onTimePaymentThreshold",
} as const;

const percent = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 100 ? value : fallback;

/** §8 settings on top of the organisation's zone and SLA. */
export async function readAccountSettings(
  db: Kysely<Database>,
  base: { timeZone: string; complaintSlaHours: number },
): Promise<AccountSettings> {
  const keys = Object.values(accountSettingKeys);
  const rows = await db.selectFrom("settings").select(["key", "value"]).where("key", "in", keys).execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  return {
    timeZone: base.timeZone,
    complaintSlaHours: base.complaintSlaHours,
    pyramid: {
      top: percent(stored.get(accountSettingKeys.pyramidTopPercent), defaultPyramidPercents.top),
      big: percent(stored.get(accountSettingKeys.pyramidBigPercent), defaultPyramidPercents.big),
      medium: percent(stored.get(accountSettingKeys.pyramidMediumPercent), defaultPyramidPercents.medium),
    },
    onTimeThreshold: percent(stored.get(accountSettingKeys.onTimeThreshold), defaultOnTimeThreshold),
  };
}
