import { TRPCError } from "@trpc/server";
import { RateLimiterRes } from "rate-limiter-flexible";
import { z } from "zod";
import { customerInput, eventInput, ingestCustomers, ingestEvents, MAX_BATCH } from "@retain/warehouse";
import { documentedBatch } from "../http/openapi";
import { actorOf } from "../context";
import { ingestProcedure, router } from "../trpc";
import { rejection } from "./shapes";

// Items are validated one by one inside the warehouse, so one bad item never fails its batch.
const limitedIngest = ingestProcedure.meta({ rateLimited: true }).use(async ({ ctx, next }) => {
  const key = ctx.apiKey ? `key:${ctx.apiKey.id}` : `user:${ctx.user?.id ?? "?"}`;
  try {
    await ctx.ingestLimiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) {
      throw new TRPCError({
        code: "TOO_MANY_REQUESTS",
        message: `ingest rate exceeded; retry in ${Math.ceil(error.msBeforeNext / 1000)} s`,
      });
    }
    throw error;
  }
  return next();
});

export const ingestRouter = router({
  customers: limitedIngest
    .meta({ openapi: { method: "POST", path: "/customers", tags: ["ingest"], summary: "Upsert customers by id (≤ 10,000)" } })
    .input(
      z.object({
        customers: documentedBatch("CustomerInput", customerInput, MAX_BATCH, "Customers, each validated on its own (≤ 10,000; more → 413)"),
      }),
    )
    .output(z.object({ created: z.number().int(), updated: z.number().int(), rejected: z.array(rejection) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ingestCustomers(ctx.db, input.customers, { actor: actorOf(ctx) });
      ctx.statistics.noteWrites(result.created + result.updated);
      return result;
    }),

  events: limitedIngest
    .meta({ openapi: { method: "POST", path: "/events", tags: ["ingest"], summary: "Ingest events idempotently (≤ 10,000)" } })
    .input(
      z.object({
        events: documentedBatch("EventInput", eventInput, MAX_BATCH, "Events, each validated on its own (≤ 10,000; more → 413)"),
      }),
    )
    .output(z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.array(rejection) }))
    .mutation(async ({ ctx, input }) => {
      const result = await ingestEvents(ctx.db, input.events);
      ctx.statistics.noteWrites(result.accepted);
      return result;
    }),
});
