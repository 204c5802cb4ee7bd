import { z } from "zod";
import { ingestCustomers, ingestEvents } from "@retain/warehouse";
import { roleProcedure, router } from "../trpc";
import { rejection } from "./shapes";

// Items are validated one by one inside the warehouse, so one bad item never fails its batch.
const ingestProcedure = roleProcedure("admin");

export const ingestRouter = router({
  customers: ingestProcedure
    .meta({ openapi: { method: "POST", path: "/customers", tags: ["ingest"], summary: "Upsert customers by id (≤ 10,000)" } })
    .input(z.object({ customers: z.array(z.unknown()) }))
    .output(z.object({ created: z.number().int(), updated: z.number().int(), rejected: z.array(rejection) }))
    .mutation(({ ctx, input }) => ingestCustomers(ctx.db, input.customers)),

  events: ingestProcedure
    .meta({ openapi: { method: "POST", path: "/events", tags: ["ingest"], summary: "Ingest events idempotently (≤ 10,000)" } })
    .input(z.object({ events: z.array(z.unknown()) }))
    .output(z.object({ accepted: z.number().int(), duplicates: z.number().int(), rejected: z.array(rejection) }))
    .mutation(({ ctx, input }) => ingestEvents(ctx.db, input.events)),
});
