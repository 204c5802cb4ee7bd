import { lazy, Suspense } from "react";
import { Skeleton } from "@mantine/core";
import { useSession } from "../auth/session-context";
import { OverviewPage } from "./overview-page";

const ManagerHome = lazy(async () => ({
  default: (await import("../account-managers/manager-home")).ManagerHome,
}));

/** The first page after sign-in: an account manager's own customers and results, the Overview for everyone else. */
export function HomePage() {
  const { user } = useSession();
  if (user.role !== "account_manager") return <OverviewPage />;
  return (
    <Suspense fallback={<Skeleton h={300} radius="md" aria-busy="true" />}>
      <ManagerHome />
    </Suspense>
  );
}
