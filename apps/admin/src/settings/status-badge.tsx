import { Badge } from "@mantine/core";
import { ROLE_COLORS, roleLabel, STATUS_COLORS, type Role } from "../lib/roles";

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge variant="light" color={ROLE_COLORS[role]} radius="sm" tt="none" fw={600}>
      {roleLabel(role)}
    </Badge>
  );
}

/** Active green, off grey — the same everywhere. */
export function StatusBadge({ active, off = "Deactivated" }: { active: boolean; off?: string }) {
  return (
    <Badge
      variant="dot"
      color={active ? STATUS_COLORS.good : STATUS_COLORS.neutral}
      radius="sm"
      tt="none"
      fw={500}
      c={active ? undefined : "dimmed"}
    >
      {active ? "Active" : off}
    </Badge>
  );
}
