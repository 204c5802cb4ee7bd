import { AppShell, Box, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Outlet } from "react-router";
import { Logo } from "../components/logo";
import { CompareControl } from "./compare-control";
import { NavMenu } from "./nav-menu";
import { PeriodPicker } from "./period-picker";
import { UserMenu } from "./user-menu";

const NAVBAR_WIDTH = 220;

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: NAVBAR_WIDTH, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="xl"
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap">
          <Group w={NAVBAR_WIDTH - 16} gap="sm" wrap="nowrap" visibleFrom="xs">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Logo withName />
          </Group>
          <Group gap="lg" wrap="nowrap" style={{ flex: 1 }}>
            <PeriodPicker />
            <Box visibleFrom="md">
              <CompareControl />
            </Box>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ScrollArea>
          <NavMenu onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0">
        <Box maw={1440} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
