import { z } from "zod";
import { text } from "@retain/validation";
import { deleteSession, login, PASSWORD_MAX } from "@retain/access";
import { protectedProcedure, publicProcedure, router } from "../trpc";
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
});
