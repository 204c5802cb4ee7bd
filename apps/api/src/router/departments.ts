import { z } from "zod";
import { readProcedure, router } from "../trpc";

export const departmentsRouter = router({
  list: readProcedure
    .meta({ openapi: { method: "GET", path: "/departments", tags: ["departments"], summary: "All departments" } })
    .input(z.void())
    .output(z.array(z.object({ key: z.string(), name: z.string(), description: z.string().nullable() })))
    .query(({ ctx }) =>
      ctx.db.selectFrom("departments").select(["key", "name", "description"]).orderBy("created_at").orderBy("key").execute(),
    ),
});
