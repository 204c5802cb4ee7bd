import { z } from "zod";
import { text } from "@retain/validation";
import { TRPCError } from "@trpc/server";
import { createUser, findUserById, listAudit, listUsers, PASSWORD_MAX, PASSWORD_MIN, roles, updateUser } from "@retain/access";
import { actorOf } from "../context";
import { adminProcedure, protectedProcedure, router } from "../trpc";
import { auditView, publicUser } from "./shapes";

const password = text()
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);
const department = text().min(1).max(40);
const level = z.enum(["senior", "intermediate", "junior"]);

export const usersRouter = router({
  me: protectedProcedure
    .meta({ openapi: { method: "GET", path: "/users/me", tags: ["users"], summary: "The signed-in user" } })
    .input(z.void())
    .output(publicUser)
    .query(({ ctx }) => ctx.user),

  list: adminProcedure
    .meta({ openapi: { method: "GET", path: "/users", tags: ["users"], summary: "All users (admin)" } })
    .input(z.void())
    .output(z.array(publicUser))
    .query(({ ctx }) => listUsers(ctx.db)),

  create: adminProcedure
    .meta({ openapi: { method: "POST", path: "/users", tags: ["users"], summary: "Create a user (admin)", errorResponses: [409] } })
    .input(
      z.object({
        email: z.email().max(254),
        name: text().trim().min(1).max(200),
        password,
        role: z.enum(roles),
        department: department.optional(),
        level: level.optional(),
      }),
    )
    .output(publicUser)
    .mutation(({ ctx, input }) => createUser(ctx.db, input, actorOf(ctx))),

  update: adminProcedure
    .meta({
      openapi: { method: "PATCH", path: "/users/{id}", tags: ["users"], summary: "Change role, department, name, password or deactivate (admin)", errorResponses: [404, 409] },
    })
    .input(
      z.object({
        id: z.uuid(),
        name: text().trim().min(1).max(200).optional(),
        role: z.enum(roles).optional(),
        department: department.nullable().optional(),
        level: level.nullable().optional(),
        active: z.boolean().optional(),
        password: password.optional(),
      }),
    )
    .output(publicUser)
    .mutation(({ ctx, input: { id, ...changes } }) => updateUser(ctx.db, actorOf(ctx), id, changes)),

  history: adminProcedure
    .meta({ openapi: { method: "GET", path: "/users/{id}/history", tags: ["users"], summary: "Audit history of a user (admin)", errorResponses: [404] } })
    .input(z.object({ id: z.uuid() }))
    .output(z.array(auditView))
    .query(async ({ ctx, input }) => {
      if (!(await findUserById(ctx.db, input.id))) throw new TRPCError({ code: "NOT_FOUND", message: `id: no user ${input.id}` });
      return (await listAudit(ctx.db, { entityType: "user", entityId: input.id, limit: 200 })).items;
    }),
});
