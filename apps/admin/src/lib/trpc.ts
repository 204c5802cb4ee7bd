// The one tRPC client of the admin. The session lives in the HttpOnly
// `retain_session` cookie, which same-origin fetches send by themselves.
import type { AppRouter } from "@retain/api";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { isPermanent, isUnauthorized } from "./trpc-errors";

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // A session that expires mid-use: re-check who we are, and the session
      // guard sends the user to the login page. Only while signed in, so the
      // failing check itself does not loop.
      if (!isUnauthorized(error)) return;
      void queryClient.invalidateQueries({
        ...trpc.auth.session.queryFilter(),
        predicate: (query) => query.state.status === "success",
      });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      retry: (failureCount, error) => !isPermanent(error) && failureCount < 2,
    },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  // Batched queries travel as one GET whose path lists every procedure;
  // Fastify rejects long path parameters (414), so batches stay small.
  links: [httpBatchLink({ url: "/trpc", maxURLLength: 2000, maxItems: 6 })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
