import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import type { Actor, ApiKeyScope, CallerCache, LoginThrottle, PublicUser } from "@retain/access";
import type { ApiKey, User } from "@retain/db";
import type { RateLimiterMemory } from "rate-limiter-flexible";
import type { OrgSettings } from "./settings";
import type { StatisticsKeeper } from "./statistics";

/** Long-lived things a request may use; built once per server. */
export type Services = {
  db: Kysely<Database>;
  loginThrottle: LoginThrottle;
  settings: () => Promise<OrgSettings>;
  invalidateSettings: () => void;
  /** Who the session and API-key tokens of recent requests belong to (see CallerCache). */
  callers: { sessions: CallerCache<User>; apiKeys: CallerCache<ApiKey> };
  /** Ingest requests per API key (and per admin user) and second. */
  ingestLimiter: RateLimiterMemory;
  /** Told what ingest wrote, so the planner's statistics keep up where the database does not. */
  statistics: StatisticsKeeper;
};

export type CallerKey = { id: string; name: string; scopes: ApiKeyScope[] };

export type Context = Services & {
  user: PublicUser | null;
  /** Set when the request carries an API key instead of a session. */
  apiKey: CallerKey | null;
  requestId: string;
  address: string;
  /** Sets (token) or clears (null) the browser session cookie; REST clients use the returned token. */
  setSessionCookie: (token: string | null) => void;
  sessionToken: string | null;
};

/** The audit trail's "who" for this request. */
export function actorOf(ctx: Pick<Context, "user" | "apiKey" | "requestId">): Actor {
  if (ctx.user) return { id: ctx.user.id, label: ctx.user.email, requestId: ctx.requestId };
  if (ctx.apiKey) return { id: null, label: `api key ${ctx.apiKey.name}`, requestId: ctx.requestId };
  return { id: null, label: "anonymous", requestId: ctx.requestId };
}
