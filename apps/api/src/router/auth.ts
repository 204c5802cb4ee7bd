import { z } from "zod";
import { text } from "@retain/validation";
import { deleteSession, login, PASSWORD_MAX } from "@retain/access";
import { protectedProcedure, publicProcedure, router } from "../trpc";
import { demoAccounts } from "../demo-sign-ins";
import { publicUser } from "./shapes";

export const authRouter = router({
  login: publicProcedure
    .meta({
      rateLimited: true,
      openapi: { method: "POST", path: "/auth/login", tags: ["auth"], summary: "Sign in; returns a bearer token", errorResponses: [401] },
    })
    .input(z.object({ email: text().trim().min(1).max(254), password: text().min(1).max(PASSWORD_MAX) }))
    .output(z.object({ token: z.string(), user: publicUser }))
    .mutation(async ({ ctx, input }) => {
      const result = await login(ctx.db, ctx.loginThrottle, { ...input, address: ctx.address });
      ctx.setSessionCookie(result.token);
      return result;
    }),

  logout: protectedProcedure
    .meta({ openapi: { method: "POST", path: "/auth/logout", tags: ["auth"], summary: "Sign out: the token stops working" } })
    .input(z.void())
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
      ctx.setSessionCookie(null);
      return { ok: true as const };
    }),

  session: publicProcedure
    .meta({
      openapi: { method: "GET", path: "/auth/session", tags: ["auth"], summary: "Who is signed in: the user, or null (never 401)" },
    })
    .input(z.void())
    .output(z.object({ user: publicUser.nullable() }))
    .query(({ ctx }) => ({ user: ctx.user })),

  demoAccounts: publicProcedure
    .meta({
      openapi: {
        method: "GET",
        path: "/auth/demo-accounts",
        tags: ["auth"],
        summary: "The demo's sign-in accounts; empty unless the database was seeded with the demo",
      },
    })
    .input(z.void())
    .output(
      z.object({
        accounts: z.array(
          z.object({
            email: z.string(),
            name: z.string(),
            role: publicUser.shape.role,
            department: z.string().nullable(),
            label: z.string(),
            password: z.string().nullable(),
          }),
        ),
      }),
    )
    .query(async ({ ctx }) => ({ accounts: await demoAccounts(ctx.db) })),
});
