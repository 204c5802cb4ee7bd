import { createBrowserRouter } from "react-router";
import { LoginPage } from "./auth/login-page";
import { RequireSession } from "./auth/require-session";
import { NotFoundPage } from "./components/not-found-page";
import { AppLayout } from "./shell/app-layout";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      {
        element: <AppLayout />,
        children: [
          {
            index: true,
            // Charts are the heavy part of the bundle; the login page loads without them.
            lazy: async () => ({ Component: (await import("./overview/overview-page")).OverviewPage }),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
