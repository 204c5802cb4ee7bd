import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { FullPageError } from "../components/full-page-error";
import { trpc } from "../lib/trpc";
import { isUnauthorized } from "../lib/trpc-errors";
import { loginPath } from "./redirect-target";
import { SessionContext } from "./session-context";

/** Renders its routes only for a signed-in user; everyone else goes to /login. */
export function RequireSession() {
  const location = useLocation();
  // A public probe: a signed-out visitor gets `{ user: null }`, not a 401 in the console.
  const me = useQuery(trpc.auth.session.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  const user = me.data?.user ?? null;
  const settings = useQuery(trpc.settings.public.queryOptions(undefined, { staleTime: Infinity, enabled: user !== null }));

  // Signed out, or the session ended between the two answers.
  if (me.data?.user === null || isUnauthorized(settings.error)) {
    return <Navigate to={loginPath(location.pathname + location.search)} replace />;
  }
  const error = me.error ?? settings.error;
  if (error) {
    return (
      <FullPageError
        error={error}
        onRetry={() => {
          void me.refetch();
          void settings.refetch();
        }}
      />
    );
  }
  if (!user || !settings.data) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  }
  return (
    <SessionContext value={{ user, settings: settings.data }}>
      <Outlet />
    </SessionContext>
  );
}
