// The one tRPC client of the admin. The session lives in the HttpOnly
// `retain_session` cookie, which same-origin fetches send by themselves.
import type { AppRouter } from "@retain/api";
import { QueryCache, QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
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
  links: [
    splitLink({
      // A page's main read asks with `context: { skipBatch: true }`: a batch answers when its
      // slowest read does, and the main read should not wait for the page's side reads.
      condition: (op) => op.context.skipBatch === true,
      true: httpLink({ url: "/trpc" }),
      // Batched queries travel as one GET whose path lists every procedure;
      // Fastify rejects long path parameters (414), so batches stay small.
      false: httpBatchLink({ url: "/trpc", maxURLLength: 2000, maxItems: 6 }),
    }),
  ],
});

/** Request options of a page's main read: sent on its own, not in a batch (see the links above). */
export const unbatched = { trpc: { context: { skipBatch: true } } } as const;

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
