import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../lib/trpc";

export type UserRow = inferOutput<typeof trpc.users.list>[number];
