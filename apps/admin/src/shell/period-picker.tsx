import { Group, Select } from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconCalendar } from "@tabler/icons-react";
import { useState } from "react";
import { useLabelledValue } from "../hooks/use-labelled-value";
import { useView } from "../hooks/use-view";
import { addDays } from "../lib/dates";
import { lastDay, PRESETS } from "../lib/period";

type Draft = [string | null, string | null];

/** The preset and the date range side by side (the top bar from tablets on). */
export function PeriodPicker() {
  return (
    <Group gap="xs" wrap="nowrap">
      <PresetSelect w={190} />
      <DateRange w={236} columns={2} />
    </Group>
  );
}

/** The period preset (this month, …, custom). */
export function PresetSelect({ w }: { w: number | string }) {
  const { state, view, update } = useView();
  const choosePreset = (value: string | null) => {
    const preset = PRESETS.find((p) => p.key === value)?.key;
    if (!preset) return;
    // "Custom" starts from the range on screen, so nothing jumps.
    const range = preset === "custom" ? { from: view.period.from, to: view.period.to } : null;
    update({ preset, range, grain: null });
  };

  return (
    <Select
      aria-label="Period"
      data={PRESETS.map((p) => ({ value: p.key, label: p.label }))}
      value={state.preset}
      onChange={choosePreset}
      allowDeselect={false}
      leftSection={<IconCalendar size={16} stroke={1.7} />}
      w={w}
      size="sm"
      comboboxProps={{ shadow: "md" }}
    />
  );
}

/** The dates of the period on screen; picking dates makes it a custom range. */
export function DateRange({ w, columns }: { w: number | string; columns: 1 | 2 }) {
  const { view, today, update } = useView();
  const { from } = view.period;
  const last = lastDay(view.period);
  return (
    <CustomRange
      key={`${from}/${last}`}
      initial={[from, last]}
      maxDate={today}
      w={w}
      columns={columns}
      onPick={(start, end) => update({ preset: "custom", range: { from: start, to: addDays(end, 1) }, grain: null })}
    />
  );
}

type CustomRangeProps = {
  initial: Draft;
  maxDate: string;
  w: number | string;
  columns: 1 | 2;
  onPick: (from: string, lastDay: string) => void;
};

/** Shows the range of any preset; picking dates makes it a custom range. */
function CustomRange({ initial, maxDate, w, columns, onPick }: CustomRangeProps) {
  // The picker reports the first click alone; the URL changes once both ends are set.
  const [draft, setDraft] = useState<Draft>(initial);
  const range = useLabelledValue("Date range");
  return (
    <>
      {range.label}
      <DatePickerInput
        type="range"
        {...range.props}
        value={draft}
        onChange={(value) => {
          setDraft(value);
          if (value[0] && value[1]) onPick(value[0], value[1]);
        }}
        maxDate={maxDate}
        valueFormat="MMM D, YYYY"
        allowSingleDateInRange
        w={w}
        size="sm"
        numberOfColumns={columns}
        weekendDays={[]}
        popoverProps={{ shadow: "md" }}
      />
    </>
  );
}
