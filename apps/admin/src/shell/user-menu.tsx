import { ActionIcon, Avatar, Box, Group, Text, Tooltip } from "@mantine/core";
import { IconLogout } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { useSession } from "../auth/session-context";
import { useDepartments } from "../hooks/use-departments";
import { roleLine } from "../lib/roles";
import { trpc } from "../lib/trpc";


function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? `${parts[0]?.[0] ?? ""}${parts.at(-1)?.[0] ?? ""}` : name.slice(0, 2)).toUpperCase();
}

export function UserMenu() {
  const { user } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: async () => {
        // Nothing of this user may stay in memory for the next one.
        queryClient.clear();
        await navigate("/login", { replace: true });
      },
    }),
  );
  const departments = useDepartments(user.department !== null);
  const name = user.name || user.email;
  return (
    <Group gap="sm" wrap="nowrap">
      <Tooltip label={name} withArrow>
        <Avatar radius="xl" size={32} color="brand" variant="light" aria-label={name}>
          {initials(name)}
        </Avatar>
      </Tooltip>
      <Box visibleFrom="lg">
        <Text size="sm" fw={600} lh={1.3} data-testid="current-user">
          {name}
        </Text>
        <Text size="xs" c="dimmed" lh={1.3}>
          {roleLine(user, departments.data)}
        </Text>
      </Box>
      <Tooltip label="Sign out" withArrow>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label="Sign out"
          loading={logout.isPending}
          onClick={() => logout.mutate()}
        >
          <IconLogout size={18} stroke={1.7} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}
