import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from "fastify";
import type { AnyProcedure, AnyRouter } from "@trpc/server";
import { z } from "zod";
import type { Context } from "../context";
import type { Meta } from "../trpc";
import { errorBody, toTRPCError } from "./errors";

type Invoke = (opts: {
  path: string;
  ctx: Context;
  getRawInput: () => Promise<unknown>;
  type: AnyProcedure["_def"]["type"];
  signal: AbortSignal | undefined;
  batchIndex: number;
}) => Promise<unknown>;

/**
 * The REST surface of SPEC §4: every procedure with `meta.openapi` becomes a route that calls the very
 * same procedure, with all its middlewares (access rules, input and output validation), the way a
 * server-side caller does — without building a caller proxy and looking the path up on every request
 * (one router, two surfaces, one copy of the logic).
 */
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function registerRestRoutes(
  app: FastifyInstance,
  options: {
    prefix: string;
    router: AnyRouter;
    createContext: (req: FastifyRequest, reply: FastifyReply) => Promise<Context>;
  },
): void {
  const procedures = options.router._def.procedures as Record<string, AnyProcedure>;
  for (const [path, procedure] of Object.entries(procedures)) {
    const meta = procedure._def.meta as Meta | undefined;
    const openapi = meta?.openapi;
    if (!openapi || openapi.enabled === false) continue;
    const inputs = (procedure._def as { inputs?: unknown[] }).inputs ?? [];
    const takesInput = !(inputs.length === 0 || inputs[0] instanceof z.ZodVoid);
    const readsQuery = openapi.method === "GET" || openapi.method === "DELETE";
    const invoke = procedure as unknown as Invoke;

    app.route({
      method: openapi.method as HTTPMethods,
      url: `${options.prefix}${openapi.path.replace(/\{(\w+)\}/g, ":$1")}`,
      handler: async (req, reply) => {
        const ctx = await options.createContext(req, reply);
        const params = (req.params ?? {}) as Record<string, string>;
        const source = readsQuery ? req.query : req.body;
        // Without a body the path parameters are the whole input; a body that is not a JSON object
        // (`null`, an array, a bare value) goes to the procedure as it is, which refuses it with 400
        // after its access rule, never reads it as "no changes".
        const input =
          source === undefined ? params : isPlainObject(source) ? { ...source, ...params } : source;
        try {
          const output = await invoke({
            path,
            ctx,
            getRawInput: async () => (takesInput ? input : undefined),
            type: procedure._def.type,
            signal: undefined,
            batchIndex: 0,
          });
          return reply.status(meta?.created ? 201 : 200).send(output);
        } catch (caught) {
          const error = toTRPCError(caught);
          const { status, body } = errorBody(error, ctx.requestId);
          if (status >= 500)
            req.log.error({ err: error.cause ?? error, requestId: ctx.requestId }, "request failed");
          return reply.status(status).send(body);
        }
      },
    });
  }
}
