import { ActionIcon, Drawer, Group, Stack, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconAdjustmentsHorizontal } from "@tabler/icons-react";
import { CompareControl } from "./compare-control";
import { DateRange, PeriodPicker, PresetSelect } from "./period-picker";

/** The period and comparison every page is read for. */
export function ViewControls({ phone = false }: { phone?: boolean }) {
  if (phone) return <PhoneViewControls />;
  return (
    <Group gap="lg" wrap="nowrap">
      <PeriodPicker />
      <CompareControl />
    </Group>
  );
}

/**
 * On a phone the top bar keeps the preset, and the dates and the comparison open in a drawer
 * from the bottom, each as wide as the screen.
 */
function PhoneViewControls() {
  const [opened, { open, close }] = useDisclosure();
  return (
    <Group gap="xs" wrap="nowrap" h="100%">
      <div style={{ flex: 1, minWidth: 0 }}>
        <PresetSelect w="100%" />
      </div>
      <ActionIcon
        variant="default"
        size={36}
        aria-label="Dates and comparison"
        onClick={open}
        data-testid="view-controls-more"
      >
        <IconAdjustmentsHorizontal size={18} stroke={1.7} aria-hidden />
      </ActionIcon>
      <Drawer opened={opened} onClose={close} position="bottom" size="auto" title="Dates and comparison">
        <Stack gap="md" pb="md">
          <DateRange w="100%" columns={1} />
          <Stack gap={4}>
            <Text size="sm" fw={500} aria-hidden>
              Compare to
            </Text>
            <CompareControl fullWidth />
          </Stack>
        </Stack>
      </Drawer>
    </Group>
  );
}
