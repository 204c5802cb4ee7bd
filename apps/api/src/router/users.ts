import { z } from "zod";
import { createUser, PASSWORD_MAX, PASSWORD_MIN, roles } from "@retain/access";
import { adminProcedure, protectedProcedure, router } from "../trpc";
import { publicUser } from "./shapes";

export const usersRouter = router({
  me: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/users/me", tags: ["users"], summary: "The signed-in user" } })
    .input(z.void())
    .output(publicUser)
    .query(({ ctx }) => ctx.user),

  create: adminProcedure
    .meta({ openapi: { method: "POST", path: "/users", tags: ["users"], summary: "Create a user (admin)" } })
    .input(
      z.object({
        email: z.email().max(254),
        name: z.string().trim().min(1).max(200),
        password: z
          .string()
          .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
          .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
        role: z.enum(roles),
        department: z.string().min(1).max(40).optional(),
        level: z.enum(["senior", "intermediate", "junior"]).optional(),
      }),
    )
    .output(publicUser)
    .mutation(({ ctx, input }) => createUser(ctx.db, input)),
});
