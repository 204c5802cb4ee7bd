import { createBrowserRouter, Navigate } from "react-router";
import { LoginPage } from "./auth/login-page";
import { RequireRole } from "./auth/require-role";
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
          {
            path: "settings",
            element: <RequireRole roles={["admin"]} />,
            children: [
              { index: true, element: <Navigate to="users" replace /> },
              {
                path: "users",
                lazy: async () => ({ Component: (await import("./settings/users-page")).UsersPage }),
              },
              {
                path: "api-keys",
                lazy: async () => ({ Component: (await import("./settings/api-keys-page")).ApiKeysPage }),
              },
              {
                path: "audit",
                lazy: async () => ({ Component: (await import("./settings/audit-page")).AuditPage }),
              },
              {
                path: "organisation",
                lazy: async () => ({ Component: (await import("./settings/organisation-page")).OrganisationPage }),
              },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
