// The server's refusal of a plan change (milestones, budget lines, linked goals) in words that
// name the row and the field: "Milestone 2, due date: is before the start (2027-05-02)".
import { humanMessage } from "../lib/field-errors";
import { errorMessage } from "../lib/trpc-errors";

const LISTS: Record<string, string> = {
  milestones: "Milestone",
  budget: "Budget line",
  goals: "Linked goal",
};
const FIELDS: Record<string, string> = {
  id: "identity",
  title: "title",
  kind: "kind",
  department: "department",
  startAt: "start date",
  dueAt: "due date",
  status: "status",
  year: "year",
  planned: "planned",
  spent: "spent",
  goalId: "goal",
  baseline: "baseline",
  target: "target",
};

type Detail = { field: string; message: string };

function detailsOf(error: unknown): Detail[] {
  const data = (error as { data?: { details?: unknown } } | null)?.data;
  return Array.isArray(data?.details)
    ? (data.details as Detail[]).filter((d) => typeof d?.field === "string")
    : [];
}

/** One sentence per refused field, or the server's message when it names no field. */
export function planErrorText(error: unknown): string | null {
  if (!error) return null;
  let details = detailsOf(error);
  if (details.length === 0) {
    // Domain refusals name the field as the message's prefix ("milestones.1.dueAt: is before …").
    const message = errorMessage(error);
    const prefixed = /^((?:milestones|budget|goals)\.\d+(?:\.\w+)?): /.exec(message);
    if (!prefixed?.[1]) return humanMessage(message);
    details = [{ field: prefixed[1], message }];
  }
  return details
    .map(({ field, message }) => {
      const rule = humanMessage(message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message);
      const [list = "", index, name] = field.split(".");
      if (!LISTS[list] || index === undefined || !/^\d+$/.test(index)) return rule;
      const where = `${LISTS[list]} ${Number(index) + 1}`;
      return name
        ? `${where}, ${FIELDS[name] ?? name}: ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`
        : `${where}: ${rule}`;
    })
    .join(" ");
}
