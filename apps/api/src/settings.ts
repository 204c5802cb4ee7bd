import { TRPCError } from "@trpc/server";
import type { Kysely } from "kysely";
import { z } from "zod";
import { accountSettingKeys, defaultOnTimeThreshold, defaultPyramidPercents } from "@retain/accounts";
import type { Database } from "@retain/db";
import { recordAudit, type Actor } from "@retain/access";

/** A §8 percentage: more than 0, at most 100, at most 2 decimals (never rounded). */
export const percentSetting = () =>
  z
    .number()
    .gt(0, "must be more than 0")
    .max(100, "must be at most 100")
    .refine((value) => /^-?\d+(\.\d{1,2})?$/.test(String(value)), "must have at most 2 decimals");

export const settingsSchema = z.object({
  timeZone: z.string(),
  churnDays: z.number().int().min(1).max(3650),
  complaintSlaHours: z
    .number()
    .positive()
    .max(24 * 365),
  currency: z.string().length(3),
  locale: z.string().min(2),
  pyramidTopPercent: z
    .number()
    .describe("Value pyramid: the top segment is this percent of the customers with revenue"),
  pyramidBigPercent: z.number().describe("Value pyramid: top and big together are this percent"),
  pyramidMediumPercent: z.number().describe("Value pyramid: top, big and medium together are this percent"),
  onTimePaymentThreshold: z
    .number()
    .describe("A payment record is good when its on-time rate is at least this percent"),
});
export type OrgSettings = z.infer<typeof settingsSchema>;

export const defaultSettings: OrgSettings = {
  timeZone: "UTC",
  churnDays: 180,
  complaintSlaHours: 24,
  currency: "USD",
  locale: "en-US",
  pyramidTopPercent: defaultPyramidPercents.top,
  pyramidBigPercent: defaultPyramidPercents.big,
  pyramidMediumPercent: defaultPyramidPercents.medium,
  onTimePaymentThreshold: defaultOnTimeThreshold,
};

/** The §8 keys, stored where @retain/accounts reads them. */
const accountKeys = [
  accountSettingKeys.pyramidTopPercent,
  accountSettingKeys.pyramidBigPercent,
  accountSettingKeys.pyramidMediumPercent,
  accountSettingKeys.onTimeThreshold,
] as const;

export async function readSettings(db: Kysely<Database>): Promise<OrgSettings> {
  const rows = await db.selectFrom("settings").select(["key", "value"]).execute();
  const stored: Record<string, unknown> = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  // As @retain/accounts reads them: a §8 value that is not a percentage counts as its default.
  for (const key of accountKeys) {
    const value = stored[key];
    if (!(typeof value === "number" && Number.isFinite(value) && value > 0 && value <= 100))
      delete stored[key];
  }
  return settingsSchema.parse({ ...defaultSettings, ...stored });
}

/** The pyramid's cut-offs nest: top ≤ big ≤ medium. */
const pyramidOrder = [
  ["pyramidTopPercent", "pyramidBigPercent"],
  ["pyramidBigPercent", "pyramidMediumPercent"],
] as const;

/**
 * The settings after `changes`, refusing each broken pair of the pyramid's order where a changed
 * value takes part, named by the changed field(s).
 */
function settingsAfter(changes: SettingsChanges) {
  const changed = (key: keyof OrgSettings) => changes[key] !== undefined;
  return settingsSchema.superRefine((after, ctx) => {
    for (const [lower, upper] of pyramidOrder) {
      if (after[lower] <= after[upper]) continue;
      const rule = "the cut-offs nest, top ≤ big ≤ medium";
      if (changed(lower)) {
        ctx.addIssue({
          code: "custom",
          path: [lower],
          message: `must be at most ${upper} (${after[upper]}): ${rule}`,
        });
      }
      if (changed(upper)) {
        ctx.addIssue({
          code: "custom",
          path: [upper],
          message: `must be at least ${lower} (${after[lower]}): ${rule}`,
        });
      }
    }
  });
}

/** Writes the settings that are not stored yet; stored ones win (RETAIN_TIMEZONE applies on first start). */
export async function initialiseSettings(db: Kysely<Database>, initial: Partial<OrgSettings>): Promise<void> {
  const values = Object.entries({ ...defaultSettings, ...initial }).map(([key, value]) => ({
    key,
    value: JSON.stringify(value),
  }));
  await db
    .insertInto("settings")
    .values(values)
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
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
    const parsed = settingsAfter(changes).safeParse({ ...before, ...changes });
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      throw new TRPCError({ code: "BAD_REQUEST", message, cause: parsed.error });
    }
    const after = parsed.data;
    const changed = Object.entries(after).filter(
      ([key, value]) => before[key as keyof OrgSettings] !== value,
    );
    if (changed.length === 0) return before;
    await trx
      .insertInto("settings")
      .values(changed.map(([key, value]) => ({ key, value: JSON.stringify(value) })))
      .onConflict((oc) =>
        oc.column("key").doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), updated_at: new Date() })),
      )
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
