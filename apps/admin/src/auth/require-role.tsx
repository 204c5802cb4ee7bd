import { Button, Stack, Text, ThemeIcon, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { Link, Outlet } from "react-router";
import type { Role } from "../lib/roles";
import { useSession } from "./session-context";

/**
 * Renders its routes only for `roles`. Hiding is a courtesy: the server refuses
 * these procedures to everyone else anyway, and nothing below is even requested.
 */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const { user } = useSession();
  if (!roles.includes(user.role)) return <NotAllowedPage />;
  return <Outlet />;
}

export function NotAllowedPage() {
  return (
    <Stack align="center" justify="center" gap={8} h={400} ta="center" data-testid="not-allowed">
      <ThemeIcon variant="light" color="gray" size={44} radius="xl" aria-hidden>
        <IconLock size={22} />
      </ThemeIcon>
      <Title order={1} fz="lg" fw={600}>
        You are not allowed to see this page
      </Title>
      <Text c="dimmed" size="sm" maw={400}>
        Your role does not include it. Ask an administrator if you need access.
      </Text>
      <Button component={Link} to="/" variant="light" size="xs" mt={4}>
        Go to the overview
      </Button>
    </Stack>
  );
}
