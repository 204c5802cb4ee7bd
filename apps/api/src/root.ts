import { router } from "./trpc";
import { apiKeysRouter, auditRouter } from "./router/admin";
import { accountManagersRouter, assignmentsRouter } from "./router/account-managers";
import { authRouter } from "./router/auth";
import { customersRouter } from "./router/customers";
import { departmentsRouter } from "./router/departments";
import { breakdownRouter, eventsRouter } from "./router/drill-down";
import { goalsRouter, scorecardsRouter } from "./router/goals";
import { ingestRouter } from "./router/ingest";
import { initiativesRouter } from "./router/initiatives";
import { metricsRouter } from "./router/metrics";
import { preferencesRouter } from "./router/preferences";
import { settingsRouter, systemRouter } from "./router/system";
import { usersRouter } from "./router/users";

export const appRouter = router({
  system: systemRouter,
  auth: authRouter,
  users: usersRouter,
  settings: settingsRouter,
  departments: departmentsRouter,
  metrics: metricsRouter,
  preferences: preferencesRouter,
  breakdown: breakdownRouter,
  events: eventsRouter,
  goals: goalsRouter,
  scorecards: scorecardsRouter,
  initiatives: initiativesRouter,
  customers: customersRouter,
  accountManagers: accountManagersRouter,
  assignments: assignmentsRouter,
  ingest: ingestRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
