import { AppShell, Box, Burger, Group, ScrollArea } from "@mantine/core";
import { useDisclosure, useMediaQuery } from "@mantine/hooks";
import { Outlet, useLocation } from "react-router";
import { Logo } from "../components/logo";
import { hasViewControls } from "./nav-items";
import { NavMenu } from "./nav-menu";
import { SkipLink } from "./skip-link";
import { UserMenu } from "./user-menu";
import { ViewControls } from "./view-controls";

const NAVBAR_WIDTH = 220;
const BAR_HEIGHT = 60;
const MAIN_ID = "main-content";

/** Navigation on the left; period, comparison and user on top (two rows on tablets). */
export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  // One set of controls, in the top row from the `md` breakpoint on.
  const wide = useMediaQuery("(min-width: 62em)", true, { getInitialValueInEffect: false });
  // Below a tablet's width the second row cannot hold the preset, the dates and the comparison.
  const phone = useMediaQuery("(max-width: 40em)", false, { getInitialValueInEffect: false });
  // The period and comparison belong to the dashboards; settings pages have none.
  const dashboard = hasViewControls(useLocation().pathname);
  return (
    <AppShell
      header={{ height: dashboard ? { base: BAR_HEIGHT + 52, md: BAR_HEIGHT } : BAR_HEIGHT }}
      navbar={{ width: NAVBAR_WIDTH, breakpoint: "sm", collapsed: { mobile: !opened } }}
      padding="xl"
    >
      <SkipLink target={MAIN_ID} />
      <AppShell.Header>
        <Group h={BAR_HEIGHT} px="md" gap="md" wrap="nowrap">
          <Group w={{ base: "auto", lg: NAVBAR_WIDTH - 16 }} gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Logo withName />
          </Group>
          <Box style={{ flex: 1 }}>{wide && dashboard && <ViewControls />}</Box>
          <UserMenu />
        </Group>
        {!wide && dashboard && (
          <Box px="md" h={52} pb={8}>
            <ViewControls phone={phone} />
          </Box>
        )}
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <ScrollArea>
          <NavMenu onNavigate={close} />
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main bg="gray.0" id={MAIN_ID} tabIndex={-1}>
        <Box maw={1440} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
