import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import type { Role } from "@retain/access";
import type { Context } from "./context";
import { fieldErrorsOf, toTRPCError } from "./http/errors";

/** Who may call a procedure. Every procedure declares one (a test enforces it). */
export type AccessRule = "public" | "signed_in" | { roles: readonly Role[] };
export type Meta = OpenApiMeta & { access?: AccessRule };

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const details = error.cause instanceof ZodError ? fieldErrorsOf(error.cause) : undefined;
      return {
        message: internal ? `internal error (request ${ctx?.requestId ?? "unknown"})` : shape.message,
        code: shape.code,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          requestId: ctx?.requestId,
          ...(details ? { details } : {}),
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors (safe messages, known codes) become the matching TRPCError. */
const base = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR" && result.error.cause) {
    const mapped = toTRPCError(result.error.cause);
    if (mapped.code !== "INTERNAL_SERVER_ERROR") throw mapped;
  }
  return result;
});

export const publicProcedure = base.meta({ access: "public" });

export const protectedProcedure = base.meta({ access: "signed_in" }).use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

export function roleProcedure(...roles: Role[]) {
  return protectedProcedure.meta({ access: { roles } }).use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: `this needs the role ${roles.join(" or ")}` });
    }
    return next();
  });
}

export const adminProcedure = roleProcedure("admin");
