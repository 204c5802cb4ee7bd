import { z } from "zod";
import { text } from "@retain/validation";
import { readPreferences, writePreference } from "@retain/access";
import { getMetric } from "@retain/metrics";
import { protectedProcedure, router } from "../trpc";

/** The most metrics an overview shows (cards and trends). */
export const MAX_OVERVIEW_METRICS = 12;
const OVERVIEW_METRICS = "overview.metrics";

const metricKeys = z
  .array(
    text()
      .max(64)
      .refine((key) => getMetric(key) !== undefined, "is not a metric of the catalog (GET /metrics)"),
  )
  .min(1, "must name at least one metric")
  .max(MAX_OVERVIEW_METRICS, `must name at most ${MAX_OVERVIEW_METRICS} metrics`)
  .refine((keys) => new Set(keys).size === keys.length, "must not name a metric twice");

const preferences = z.object({
  /** The metric keys the overview's cards and trends show, in order; null: the role's default (home metrics). */
  overviewMetrics: z.array(z.string()).nullable(),
});
type Preferences = z.infer<typeof preferences>;

function overviewMetricsOf(value: unknown): string[] | null {
  // A metric removed from the catalog since is left out; nothing left is the default again.
  const keys = z.array(z.string()).safeParse(value);
  const known = keys.success ? keys.data.filter((key) => getMetric(key) !== undefined) : [];
  return known.length > 0 ? known : null;
}

/**
 * Personal preferences of the signed-in user, stored on the server so they follow the user from
 * browser to browser. Personal choices change no one else's data, so they are not audited.
 */
export const preferencesRouter = router({
  get: protectedProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/me/preferences",
        tags: ["users"],
        summary: "The signed-in user's preferences",
      },
    })
    .input(z.void())
    .output(preferences)
    .query(async ({ ctx }): Promise<Preferences> => {
      const stored = await readPreferences(ctx.db, ctx.user.id);
      return { overviewMetrics: overviewMetricsOf(stored.get(OVERVIEW_METRICS)) };
    }),

  update: protectedProcedure
    .meta({
      openapi: {
        method: "PATCH",
        path: "/me/preferences",
        tags: ["users"],
        summary: "Change the signed-in user's preferences",
      },
    })
    .input(z.object({ overviewMetrics: metricKeys.nullable().optional() }))
    .output(preferences)
    .mutation(async ({ ctx, input }): Promise<Preferences> => {
      if (input.overviewMetrics !== undefined)
        await writePreference(ctx.db, ctx.user.id, OVERVIEW_METRICS, input.overviewMetrics);
      const stored = await readPreferences(ctx.db, ctx.user.id);
      return { overviewMetrics: overviewMetricsOf(stored.get(OVERVIEW_METRICS)) };
    }),
});
