import type { Kysely } from "kysely";
import type { Database } from "@retain/db";
import type { LoginThrottle, PublicUser } from "@retain/access";
import type { OrgSettings } from "./settings";

/** Long-lived things a request may use; built once per server. */
export type Services = {
  db: Kysely<Database>;
  loginThrottle: LoginThrottle;
  settings: () => Promise<OrgSettings>;
};

export type Context = Services & {
  user: PublicUser | null;
  requestId: string;
  address: string;
  /** Sets (token) or clears (null) the browser session cookie; REST clients use the returned token. */
  setSessionCookie: (token: string | null) => void;
  sessionToken: string | null;
};
