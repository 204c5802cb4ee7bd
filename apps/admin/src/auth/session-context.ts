// Who is signed in and the organisation's settings, loaded once by the
// session guard and read by every page below it.
import type { inferOutput } from "@trpc/tanstack-react-query";
import { createContext, useContext } from "react";
import type { trpc } from "../lib/trpc";

export type SessionUser = NonNullable<inferOutput<typeof trpc.auth.session>["user"]>;
export type OrgSettings = inferOutput<typeof trpc.settings.public>;
export type Session = { user: SessionUser; settings: OrgSettings };

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession() is only available below <RequireSession>");
  return session;
}
