import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import { findApiKey, findSession, hashToken, isApiKeyToken, toPublicUser, touchApiKey } from "@retain/access";
import type { Context, Services } from "./context";
import { errorBody } from "./http/errors";
import { registerApiReference } from "./http/docs";
import { openApiDocument } from "./http/openapi";
import { registerRestRoutes } from "./http/rest";
import { appRouter, type AppRouter } from "./root";
import { TRPCError } from "@trpc/server";

export const SESSION_COOKIE = "retain_session";

export type ServerOptions = { services: Services; adminDist?: string; logLevel?: string };

function crossSite(req: FastifyRequest): boolean {
  const site = req.headers["sec-fetch-site"];
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || null;
  return req.cookies[SESSION_COOKIE] ?? null;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { services } = options;
  const app = Fastify({
    logger: { level: options.logLevel ?? "warn" },
    // 10,000 events with payloads fit well below this; larger bodies get 413 before parsing.
    bodyLimit: 32 * 1024 * 1024,
    genReqId: () => randomUUID(),
    // tRPC batches name every procedure in the path.
    routerOptions: { maxParamLength: 5000 },
    // Errors the router raises before any route (a malformed URL, e.g. an invalid percent-encoding)
    // have the error shape too.
    frameworkErrors: (error, _req, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      void (reply as FastifyReply)
        .status(status)
        .send({ error: { code: "BAD_REQUEST", message: `malformed request: ${error.message}` } });
    },
  });

  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, req, reply) => {
    const status = error.statusCode ?? 500;
    const code =
      status === 413 ? "PAYLOAD_TOO_LARGE" : status === 415 ? "UNSUPPORTED_MEDIA_TYPE" : status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
    if (status >= 500) req.log.error({ err: error, requestId: req.id }, "request failed");
    const message =
      status >= 500 ? `internal error (request ${req.id})` : status === 413 ? "request body too large" : error.message;
    return reply.status(status).send({ error: { code, message } });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Mantine injects its CSS variables at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: false,
  });
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
    if (req.url.startsWith("/api/") || req.url.startsWith("/trpc")) reply.header("cache-control", "no-store");
  });
  // Cookies ride along on cross-site requests; refuse any state change that a browser says came from another site.
  app.addHook("onRequest", async (req, reply) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return;
    if (!crossSite(req)) return;
    return reply.status(403).send({ error: { code: "FORBIDDEN", message: "cross-site request refused" } });
  });

  const { db, callers } = services;
  const createContext = async (req: FastifyRequest, reply: FastifyReply): Promise<Context> => {
    const token = bearerToken(req);
    const hash = token ? hashToken(token) : null;
    const key =
      token && hash && isApiKeyToken(token)
        ? await callers.apiKeys.get(hash, async () => {
            const found = await findApiKey(db, hash);
            return found && { value: found, until: Number.POSITIVE_INFINITY };
          })
        : undefined;
    if (key) await touchApiKey(db, key);
    const user =
      token && hash && !isApiKeyToken(token)
        ? await callers.sessions.get(hash, async () => {
            const found = await findSession(db, hash);
            return found && { value: found.user, until: found.expiresAt.getTime() };
          })
        : undefined;
    return {
      ...services,
      user: user ? toPublicUser(user) : null,
      apiKey: key ? { id: key.id, name: key.name, scopes: key.scopes } : null,
      sessionToken: user ? token : null,
      requestId: req.id,
      address: req.ip,
      setSessionCookie: (value) => {
        const secure = req.protocol === "https";
        if (value) reply.setCookie(SESSION_COOKIE, value, { httpOnly: true, sameSite: "lax", secure, path: "/" });
        else reply.clearCookie(SESSION_COOKIE, { path: "/" });
      },
    };
  };

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      maxBatchSize: 20,
      createContext: ({ req, res }) => createContext(req, res),
      onError: ({ error, ctx }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") {
          app.log.error({ err: error.cause ?? error, requestId: ctx?.requestId }, "trpc request failed");
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"],
  });

  registerRestRoutes(app, { prefix: "/api/v1", router: appRouter, createContext });
  let openapi: unknown;
  app.get("/api/v1/openapi.json", async () => (openapi ??= openApiDocument(appRouter, "/api/v1")));
  await registerApiReference(app, "/api/v1");

  if (options.adminDist && existsSync(options.adminDist)) {
    await app.register(fastifyStatic, { root: options.adminDist, wildcard: false, index: ["index.html"] });
  }

  app.setNotFoundHandler((req, reply) => {
    const api = req.url.startsWith("/api/") || req.url.startsWith("/trpc");
    if (!api && req.method === "GET" && options.adminDist && existsSync(`${options.adminDist}/index.html`)) {
      // Client-side routes of the admin all load the same page.
      return reply.type("text/html").sendFile("index.html");
    }
    const { status, body } = errorBody(new TRPCError({ code: "NOT_FOUND", message: `no route ${req.method} ${req.url.split("?")[0]}` }), req.id);
    return reply.status(status).send(body);
  });

  return app;
}
