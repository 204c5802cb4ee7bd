import { NavLink, Stack } from "@mantine/core";
import { NavLink as RouterNavLink, useLocation } from "react-router";
import { useSession } from "../auth/session-context";
import { NAV_ITEMS } from "./nav-items";

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useSession();
  // Moving between sections keeps the period and comparison of the URL.
  const { search } = useLocation();
  return (
    <Stack component="nav" aria-label="Main" gap={2}>
      {NAV_ITEMS.filter((item) => item.roles.includes(user.role)).map((item) => (
        <NavLink
          key={item.to}
          component={RouterNavLink}
          to={{ pathname: item.to, search }}
          end
          label={item.label}
          leftSection={<item.icon size={18} stroke={1.7} />}
          onClick={onNavigate}
          fw={500}
          style={{ borderRadius: "var(--mantine-radius-md)" }}
        />
      ))}
    </Stack>
  );
}
