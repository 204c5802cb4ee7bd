import { initTRPC, TRPCError } from "@trpc/server";
import type { OpenApiMeta } from "trpc-to-openapi";
import { ZodError } from "zod";
import type { ApiKeyScope, Role } from "@retain/access";
import type { Context } from "./context";
import { fieldErrorsOf, toTRPCError } from "./http/errors";

/**
 * Who may call a procedure. Every procedure declares one (a test enforces it): anyone, any signed-in
 * user, or users of some roles and/or API keys with some scopes. Row-level rules (own department,
 * own customers) are applied inside the procedure on top of this.
 */
export type AccessRule = "public" | "signed_in" | { roles: readonly Role[]; scopes?: readonly ApiKeyScope[] };
/**
 * `rateLimited`: the procedure may answer 429 (documented by the OpenAPI builder); domain statuses
 * beyond the generic ones go in `openapi.errorResponses`. `created`: the REST success status is 201
 * (a POST that creates a resource), else 200.
 */
export type Meta = OpenApiMeta & { access?: AccessRule; rateLimited?: boolean; created?: boolean };

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
  if (!ctx.user) {
    if (ctx.apiKey) throw new TRPCError({ code: "FORBIDDEN", message: "API keys cannot do this; sign in as a user" });
    throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  }
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

export const allRoles: readonly Role[] = ["admin", "department_head", "account_manager", "viewer"];

/** Users of `roles`, or API keys holding `scope`. */
export function userOrKeyProcedure(roles: readonly Role[], scope: ApiKeyScope) {
  return base.meta({ access: { roles, scopes: [scope] } }).use(({ ctx, next }) => {
    if (ctx.user) {
      if (!roles.includes(ctx.user.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `this needs the role ${roles.join(" or ")}` });
      }
      return next();
    }
    if (ctx.apiKey) {
      if (!ctx.apiKey.scopes.includes(scope)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `this API key lacks the ${scope} scope` });
      }
      return next();
    }
    throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in or send an API key" });
  });
}

/** Reading data: every signed-in role, or an API key with `read`. */
export const readProcedure = userOrKeyProcedure(allRoles, "read");
/** Pushing customers and events: admins, or an API key with `ingest`. */
export const ingestProcedure = userOrKeyProcedure(["admin"], "ingest");
