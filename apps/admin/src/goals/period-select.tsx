import { Select } from "@mantine/core";
import { IconCalendar } from "@tabler/icons-react";
import { useMemo } from "react";
import { useSession } from "../auth/session-context";
import { todayIn } from "../lib/dates";
import { periodOptions } from "./goal-period";

/** The goal period of a page: this month / quarter / year, last quarter, or any past one. */
export function PeriodSelect({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  // The same options on every render of the page, so the select does not rebuild its list.
  const options = useMemo(
    () => periodOptions(today, settings.locale, value),
    [today, settings.locale, value],
  );
  return (
    <Select
      label="Period"
      data={options}
      value={value}
      onChange={(next) => next && onChange(next)}
      allowDeselect={false}
      searchable
      leftSection={<IconCalendar size={16} stroke={1.7} />}
      w={240}
      comboboxProps={{ shadow: "md" }}
      className="no-print"
      data-testid="goal-period-select"
    />
  );
}
