import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../trpc";
import { settingsSchema } from "../settings";

export const systemRouter = router({
  health: publicProcedure
    .meta({ openapi: { method: "GET", path: "/health", tags: ["system"], summary: "Ready once the database is migrated" } })
    .input(z.void())
    .output(z.object({ status: z.literal("ok") }))
    .query(async ({ ctx }) => {
      await ctx.db.selectFrom("departments").select("key").limit(1).execute();
      return { status: "ok" as const };
    }),
});

export const settingsRouter = router({
  public: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/settings", tags: ["settings"], summary: "Organisation settings" } })
    .input(z.void())
    .output(settingsSchema)
    .query(({ ctx }) => ctx.settings()),
});
