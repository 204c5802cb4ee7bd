import { Badge } from "@mantine/core";
import { STATUS_COLOR, STATUS_LABELS, type GoalStatus } from "./goal-rules";

/** A goal's status in the colours every page shares. */
export function StatusBadge({ status, size = "sm" }: { status: GoalStatus; size?: "xs" | "sm" | "md" }) {
  return (
    <Badge
      color={STATUS_COLOR[status]}
      variant="light"
      size={size}
      data-status={status}
      style={{ flexShrink: 0 }}
    >
      {STATUS_LABELS[status]}
    </Badge>
  );
}
