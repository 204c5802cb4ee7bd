import { NavLink, Stack } from "@mantine/core";
import { NavLink as RouterNavLink, useLocation } from "react-router";
import { useSession } from "../auth/session-context";
import { carriedSearch } from "../lib/list-state";
import { navItemsFor } from "./nav-items";

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { user } = useSession();
  const { pathname, search } = useLocation();
  // Moving between dashboard sections keeps the period, comparison and department of the URL.
  const onDashboard = !pathname.startsWith("/settings");
  const carried = carriedSearch(search, onDashboard);
  const linkStyle = { borderRadius: "var(--mantine-radius-md)" };
  return (
    <Stack component="nav" aria-label="Main" gap={2}>
      {navItemsFor(user.role, user.department, user.email).map((item) =>
        item.children ? (
          <NavLink
            key={item.to}
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.7} />}
            defaultOpened={pathname.startsWith(item.to)}
            childrenOffset={14}
            fw={500}
            style={linkStyle}
          >
            {item.children.map((child) => (
              <NavLink
                key={child.to}
                component={RouterNavLink}
                to={child.to}
                label={child.label}
                leftSection={<child.icon size={16} stroke={1.7} />}
                onClick={onNavigate}
                style={linkStyle}
              />
            ))}
          </NavLink>
        ) : (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={{ pathname: item.to, search: item.dashboard ? carried : "" }}
            end
            label={item.label}
            leftSection={<item.icon size={18} stroke={1.7} />}
            onClick={onNavigate}
            fw={500}
            style={linkStyle}
          />
        ),
      )}
    </Stack>
  );
}
