import { Group } from "@mantine/core";
import { CompareControl } from "./compare-control";
import { PeriodPicker } from "./period-picker";

/** The period and comparison every page is read for. */
export function ViewControls() {
  return (
    <Group gap="lg" wrap="nowrap">
      <PeriodPicker />
      <CompareControl />
    </Group>
  );
}
