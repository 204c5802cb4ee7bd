import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@retain/db";

export const settingsSchema = z.object({
  timeZone: z.string(),
  churnDays: z.number().int().min(1).max(3650),
  complaintSlaHours: z.number().positive().max(24 * 365),
  currency: z.string().length(3),
  locale: z.string().min(2),
});
export type OrgSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: OrgSettings = {
  timeZone: "UTC",
  churnDays: 180,
  complaintSlaHours: 24,
  currency: "USD",
  locale: "en-US",
};

export async function readSettings(db: Kysely<Database>): Promise<OrgSettings> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return settingsSchema.parse({ ...defaultSettings, ...stored });
}

/** Writes the settings that are not stored yet; stored ones win (RETAIN_TIMEZONE applies on first start). */
export async function initialiseSettings(db: Kysely<Database>, initial: Partial<OrgSettings>): Promise<void> {
  const values = Object.entries({ ...defaultSettings, ...initial }).map(([key, value]) => ({
    key,
    value: JSON.stringify(value),
  }));
  await db.insertInto("settings").values(values).onConflict((oc) => oc.column("key").doNothing()).execute();
}
