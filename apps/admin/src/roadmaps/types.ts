// What the roadmap screens show, as the server answers it, and the words and colours they share.
import type { inferOutput } from "@trpc/tanstack-react-query";
import type { trpc } from "../lib/trpc";

export type InitiativeSummary = inferOutput<typeof trpc.initiatives.list>["initiatives"][number];
export type InitiativeDetail = inferOutput<typeof trpc.initiatives.get>;
export type InitiativeStatus = InitiativeSummary["status"];
export type Milestone = InitiativeSummary["milestones"][number];
export type MilestoneKind = Milestone["kind"];
export type Signoff = InitiativeSummary["signoffs"][number];

export const INITIATIVE_STATUSES = [
  "draft",
  "in_review",
  "approved",
  "in_progress",
  "done",
  "cancelled",
] as const;

export const STATUS_WORDS: Record<InitiativeStatus, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
  in_progress: "In progress",
  done: "Done",
  cancelled: "Cancelled",
};

export const INITIATIVE_COLOR: Record<InitiativeStatus, string> = {
  draft: "gray",
  in_review: "yellow",
  approved: "teal",
  in_progress: "blue",
  done: "green",
  cancelled: "dark",
};

/** Bar fill on the timeline, dark enough for white text and a 3:1 contrast with the page. */
export const BAR_FILL: Record<InitiativeStatus, string> = {
  draft: "#6b7280",
  in_review: "#a16207",
  approved: "#0f766e",
  in_progress: "#1d4ed8",
  done: "#15803d",
  cancelled: "#374151",
};

export const KIND_WORDS: Record<MilestoneKind, string> = {
  communication: "Communication",
  education: "Education",
  incentive: "Incentive",
  launch: "Launch",
  other: "Other",
};
export const MILESTONE_KINDS = Object.keys(KIND_WORDS) as MilestoneKind[];
export const MILESTONE_STATUS_WORDS = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
} as const;

/** One glyph per kind, so markers read without colour alone. */
export const KIND_GLYPH: Record<MilestoneKind, string> = {
  communication: "C",
  education: "E",
  incentive: "I",
  launch: "L",
  other: "•",
};

const DAY = 86_400_000;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date (UTC calendar arithmetic, no zone shifts). */
export const dayOf = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
export const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/** The bar of an initiative: from its first milestone (or launch) to its launch or last due date. */
export function spanOf(initiative: Pick<InitiativeSummary, "milestones" | "launchAt">): [number, number] {
  const launch = dayOf(initiative.launchAt);
  const starts = initiative.milestones.map((m) => dayOf(m.startAt));
  const ends = initiative.milestones.map((m) => dayOf(m.dueAt));
  return [Math.min(launch, ...starts), Math.max(launch, ...ends)];
}

export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}

export function formatMoney(amount: string, locale: string, currency: string): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));
}

export function warningText(days: number): string {
  if (days < 0) return `starts ${-days} days after launch`;
  if (days === 0) return "starts on launch day";
  return `starts only ${days} days before launch (90 needed)`;
}
