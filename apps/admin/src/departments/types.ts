import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../lib/trpc";

export type DepartmentScorecard = inferOutput<typeof trpc.scorecards.department>;
export type ScorecardGoal = DepartmentScorecard["goals"][number];
export type CompanyScorecard = inferOutput<typeof trpc.scorecards.company>;
export type Breakdown = inferOutput<typeof trpc.breakdown.metric>;
export type EventPage = inferOutput<typeof trpc.events.list>;
