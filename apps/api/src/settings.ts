import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "@retain/db";
import { recordAudit, type Actor } from "@retain/access";

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

export type SettingsChanges = Partial<OrgSettings>;

/** Changes settings in one transaction with one audit record. */
export async function updateSettings(
  db: Kysely<Database>,
  actor: Actor,
  changes: SettingsChanges,
): Promise<OrgSettings> {
  return db.transaction().execute(async (trx) => {
    const before = await readSettings(trx);
    const after = settingsSchema.parse({ ...before, ...changes });
    const changed = Object.entries(after).filter(([key, value]) => before[key as keyof OrgSettings] !== value);
    if (changed.length === 0) return before;
    await trx
      .insertInto("settings")
      .values(changed.map(([key, value]) => ({ key, value: JSON.stringify(value) })))
      .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), updated_at: new Date() })))
      .execute();
    await recordAudit(trx, actor, {
      action: "settings.update",
      entityType: "settings",
      entityId: "organisation",
      before: Object.fromEntries(changed.map(([key]) => [key, before[key as keyof OrgSettings]])),
      after: Object.fromEntries(changed),
    });
    return after;
  });
}
