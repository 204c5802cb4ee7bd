import { Button, Group, Modal, Select, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { FormAlert } from "../components/form-alert";
import { formErrors } from "../lib/field-errors";
import { trpc } from "../lib/trpc";
import { goalPeriodName, parseGoalPeriod, periodOptions, shiftGoalPeriod } from "./goal-period";

type Props = {
  opened: boolean;
  onClose: () => void;
  from: string;
  department: string | null;
  departmentLabel: string;
  today: string;
};

/** Copies a period's active goals into the next one (same grain), skipping those already there. */
export function CopyGoals({ opened, onClose, from, department, departmentLabel, today }: Props) {
  const { settings, user } = useSession();
  const queryClient = useQueryClient();
  const [to, setTo] = useState(() => shiftGoalPeriod(from, 1));
  const copy = useMutation(
    trpc.goals.copy.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.goals.pathKey() }),
    }),
  );
  const errors = formErrors(copy.error, ["from", "to", "department"]);
  const grain = parseGoalPeriod(from)?.grain;
  const options = periodOptions(today, settings.locale, to)
    .map((g) => ({
      ...g,
      items: g.items.filter((i) => parseGoalPeriod(i.value)?.grain === grain && i.value !== from),
    }))
    .filter((g) => g.items.length > 0);
  const next = shiftGoalPeriod(from, 1);
  if (!options.some((g) => g.items.some((i) => i.value === next))) {
    options.unshift({
      group: "Next",
      items: [{ value: next, label: goalPeriodName(next, settings.locale, today) }],
    });
  }
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Copy goals to another period"
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <Stack gap="sm">
        <Text size="sm">
          Every active goal of {departmentLabel} in {goalPeriodName(from, settings.locale, today)} again, with
          the same target; goals already set there are skipped.
          {user.role === "department_head" ? " Your copies are proposed." : ""}
        </Text>
        <Select
          label="To"
          data={options}
          value={to}
          onChange={(value) => {
            if (value) setTo(value);
            copy.reset();
          }}
          allowDeselect={false}
          searchable
          error={errors.fields.to ?? errors.fields.from}
        />
        {copy.data && (
          <Text size="sm" role="status" data-testid="copy-result">
            {copy.data.created} copied, {copy.data.skipped} skipped (already there).
          </Text>
        )}
        <FormAlert message={errors.general ?? errors.fields.department} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Close
          </Button>
          <Button
            loading={copy.isPending}
            onClick={() => copy.mutate({ from, to, ...(department ? { department } : {}) })}
          >
            Copy goals
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
