import { z } from "zod";
import { text } from "@retain/validation";
import { rebuildRollups } from "@retain/warehouse";
import { actorOf } from "../context";
import { isValidTimeZone } from "../env";
import { adminProcedure, protectedProcedure, publicProcedure, router } from "../trpc";
import { percentSetting, settingsSchema, updateSettings } from "../settings";

/** Whether Intl formats numbers in `locale` (a malformed tag is simply not supported). */
function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}

export const systemRouter = router({
  health: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/health",
        tags: ["system"],
        summary: "Ready once the database is migrated",
      },
    })
    .input(z.void())
    .output(z.object({ status: z.literal("ok") }))
    .query(async ({ ctx }) => {
      await ctx.db.selectFrom("departments").select("key").limit(1).execute();
      return { status: "ok" as const };
    }),
});

export const settingsRouter = router({
  public: protectedProcedure
    .meta({
      openapi: { method: "GET", path: "/settings", tags: ["settings"], summary: "Organisation settings" },
    })
    .input(z.void())
    .output(settingsSchema)
    .query(({ ctx }) => ctx.settings()),

  update: adminProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/settings",
        tags: ["settings"],
        summary: "Change organisation settings (admin)",
      },
    })
    .input(
      z.object({
        timeZone: text().refine(isValidTimeZone, "is not a known IANA time zone").optional(),
        churnDays: z.number().int().min(1).max(3650).optional(),
        complaintSlaHours: z
          .number()
          .positive()
          .max(24 * 365)
          .optional(),
        currency: text()
          .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR")
          .optional(),
        locale: text().min(2).max(35).refine(isSupportedLocale, "is not a supported locale").optional(),
        // §8, in percent; top ≤ big ≤ medium is checked against the stored values as well.
        pyramidTopPercent: percentSetting().optional(),
        pyramidBigPercent: percentSetting().optional(),
        pyramidMediumPercent: percentSetting().optional(),
        onTimePaymentThreshold: percentSetting().optional(),
      }),
    )
    .output(settingsSchema)
    .mutation(async ({ ctx, input }) => {
      const before = await ctx.settings();
      const settings = await updateSettings(ctx.db, actorOf(ctx), input);
      ctx.invalidateSettings();
      // Rollups are cut in local days: a new zone means recomputing them (reads use raw events meanwhile).
      if (settings.timeZone !== before.timeZone)
        await rebuildRollups(ctx.db, { timeZone: settings.timeZone });
      return settings;
    }),
});
