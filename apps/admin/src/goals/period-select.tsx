import { Select } from "@mantine/core";
import { IconCalendar } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import { todayIn } from "../lib/dates";
import { periodOptions } from "./goal-period";

/** The goal period of a page: this month / quarter / year, last quarter, or any past one. */
export function PeriodSelect({ value, onChange }: { value: string; onChange: (period: string) => void }) {
  const { settings } = useSession();
  const today = todayIn(settings.timeZone);
  return (
    <Select
      label="Period"
      data={periodOptions(today, settings.locale, value)}
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
