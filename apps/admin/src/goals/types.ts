import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../lib/trpc";

export type GoalListItem = inferOutput<typeof trpc.goals.list>["goals"][number];
