import { Center, Loader } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Navigate, Outlet, useLocation } from "react-router";
import { FullPageError } from "../components/full-page-error";
import { queryClient, trpc } from "../lib/trpc";
import { isUnauthorized } from "../lib/trpc-errors";
import { loginPath } from "./redirect-target";
import { SessionContext } from "./session-context";

// A public probe: a signed-out visitor gets `{ user: null }`, not a 401 in the console.
const sessionQuery = () => trpc.auth.session.queryOptions(undefined, { staleTime: 5 * 60_000 });
const settingsQuery = (enabled: boolean) =>
  trpc.settings.public.queryOptions(undefined, { staleTime: Infinity, enabled });

/**
 * Asks who is signed in, and then for the organisation's settings, as the admin starts: the router
 * renders the guard only once the first page's code has arrived, and the two answers need not wait
 * for it.
 */
export function prefetchSession(): void {
  void queryClient
    .fetchQuery(sessionQuery())
    .then(({ user }) => (user ? queryClient.prefetchQuery(settingsQuery(true)) : undefined))
    .catch(() => undefined);
}

/** Renders its routes only for a signed-in user; everyone else goes to /login. */
export function RequireSession() {
  const location = useLocation();
  const me = useQuery(sessionQuery());
  const user = me.data?.user ?? null;
  const settings = useQuery(settingsQuery(user !== null));

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
