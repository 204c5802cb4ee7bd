import { Center, Loader } from "@mantine/core";
import { createBrowserRouter, Navigate, type RouteObject } from "react-router";
import { LoginPage } from "./auth/login-page";
import { RequireRole } from "./auth/require-role";
import { RequireSession } from "./auth/require-session";
import { NotFoundPage } from "./components/not-found-page";
import { RouteErrorPage } from "./components/route-error-page";
import { AppLayout } from "./shell/app-layout";

/** Shown while the code of the first page arrives (pages are loaded lazily). */
function PageLoading() {
  return (
    <Center h="100vh" aria-busy="true">
      <Loader size="sm" aria-label="Loading" />
    </Center>
  );
}

/**
 * A page inside the shell: a render error replaces the page, the navigation stays. A page whose
 * code cannot be loaded (a deploy replaced it, the network failed) fails as it renders, so its
 * error page shows: React Router renders nothing below a route whose `lazy` rejected.
 */
function page(route: RouteObject): RouteObject {
  const { lazy } = route;
  const load =
    typeof lazy === "function"
      ? async () => {
          try {
            return await lazy();
          } catch (error) {
            return {
              Component: () => {
                throw error;
              },
            };
          }
        }
      : lazy;
  return { ...route, lazy: load, errorElement: <RouteErrorPage /> } as RouteObject;
}

export const router = createBrowserRouter([
  {
    // Anything the pages below do not catch themselves (the session guard, the shell).
    errorElement: <RouteErrorPage fullPage />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { path: "/login", element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              {
                // Errors of every page below, within the shell.
                errorElement: <RouteErrorPage />,
                children: [
                  page({
                    index: true,
                    // Charts are the heavy part of the bundle; the login page loads without them.
                    // An account manager's home is their customers and results; everyone else's the Overview.
                    lazy: async () => ({ Component: (await import("./overview/home-page")).HomePage }),
                  }),
                  {
                    path: "departments",
                    element: <RequireRole roles={["admin", "department_head"]} />,
                    children: [
                      page({
                        index: true,
                        lazy: async () => ({ Component: (await import("./departments/departments-page")).DepartmentsPage }),
                      }),
                      page({
                        path: ":key",
                        lazy: async () => ({ Component: (await import("./departments/department-page")).DepartmentPage }),
                      }),
                    ],
                  },
                  {
                    path: "goals",
                    element: <RequireRole roles={["admin", "department_head"]} />,
                    children: [
                      page({
                        index: true,
                        lazy: async () => ({ Component: (await import("./goals/goals-page")).GoalsPage }),
                      }),
                    ],
                  },
                  {
                    path: "roadmaps",
                    element: <RequireRole roles={["admin", "department_head"]} />,
                    children: [
                      page({ index: true, lazy: async () => ({ Component: (await import("./roadmaps/roadmaps-page")).RoadmapsPage }) }),
                      page({ path: ":id", lazy: async () => ({ Component: (await import("./roadmaps/initiative-page")).InitiativePage }) }),
                    ],
                  },
                  {
                    path: "customers",
                    element: <RequireRole roles={["admin", "department_head", "account_manager"]} />,
                    children: [
                      page({ index: true, lazy: async () => ({ Component: (await import("./customers/customers-page")).CustomersPage }) }),
                      page({ path: "value", lazy: async () => ({ Component: (await import("./customers/value-page")).ValuePage }) }),
                      page({ path: ":id", lazy: async () => ({ Component: (await import("./customers/customer-page")).CustomerPage }) }),
                    ],
                  },
                  {
                    path: "account-managers",
                    element: <RequireRole roles={["admin", "account_manager"]} />,
                    children: [
                      page({
                        index: true,
                        lazy: async () => ({ Component: (await import("./account-managers/account-managers-page")).AccountManagersPage }),
                      }),
                      page({
                        path: ":email",
                        lazy: async () => ({ Component: (await import("./account-managers/manager-page")).ManagerPage }),
                      }),
                    ],
                  },
                  page({
                    path: "bill-of-rights",
                    lazy: async () => ({
                      Component: (await import("./bill-of-rights/bill-of-rights-page")).BillOfRightsPage,
                    }),
                  }),
                  {
                    path: "settings",
                    element: <RequireRole roles={["admin"]} />,
                    children: [
                      { index: true, element: <Navigate to="users" replace /> },
                      page({
                        path: "users",
                        lazy: async () => ({ Component: (await import("./settings/users-page")).UsersPage }),
                      }),
                      page({
                        path: "api-keys",
                        lazy: async () => ({ Component: (await import("./settings/api-keys-page")).ApiKeysPage }),
                      }),
                      page({
                        path: "audit",
                        lazy: async () => ({ Component: (await import("./settings/audit-page")).AuditPage }),
                      }),
                      page({
                        path: "organisation",
                        lazy: async () => ({
                          Component: (await import("./settings/organisation-page")).OrganisationPage,
                        }),
                      }),
                    ],
                  },
                  { path: "*", element: <NotFoundPage /> },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
]);
