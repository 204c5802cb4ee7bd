import { Button, Group, Modal, MultiSelect, Stack, Text } from "@mantine/core";
import { IconAdjustmentsHorizontal } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { trpc } from "../lib/trpc";
import { MAX_METRICS, metricGroups } from "./overview-metrics";

type Props = {
  catalog: readonly MetricDefinition[];
  /** The metrics on screen now. */
  shown: readonly string[];
  /** Whether they are the user's own choice (else the role's default). */
  custom: boolean;
  departmentName: (key: string) => string;
};

/** Which metrics the cards and trends show, from the whole catalog grouped by department; saved for the user. */
export function MetricPicker({ catalog, shown, custom, departmentName }: Props) {
  const [opened, setOpened] = useState(false);
  const [draft, setDraft] = useState<string[]>([...shown]);
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      onSuccess: (result) => {
        queryClient.setQueryData(trpc.preferences.get.queryKey(), result);
        setOpened(false);
      },
    }),
  );
  const open = () => {
    setDraft([...shown]);
    save.reset();
    setOpened(true);
  };
  const empty = draft.length === 0;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconAdjustmentsHorizontal size={16} stroke={1.7} />}
        onClick={open}
        data-testid="choose-metrics"
      >
        Choose metrics
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title="Metrics on your overview" size="lg">
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            The cards and trends show these metrics, in this order, for you only.{" "}
            {custom ? "" : "You see your role's default now."}
          </Text>
          <MultiSelect
            label="Metrics"
            description={`Up to ${MAX_METRICS}, from every department`}
            data={metricGroups(catalog, departmentName)}
            value={draft}
            onChange={setDraft}
            maxValues={MAX_METRICS}
            searchable
            hidePickedOptions
            error={
              empty
                ? "Choose at least one metric"
                : save.error
                  ? "Could not save the choice; try again."
                  : undefined
            }
            comboboxProps={{ shadow: "md" }}
            data-testid="metric-picker"
          />
          <Group justify="space-between">
            <Button
              variant="subtle"
              disabled={!custom}
              loading={save.isPending && save.variables?.overviewMetrics === null}
              onClick={() => save.mutate({ overviewMetrics: null })}
            >
              Back to the default
            </Button>
            <Group gap="sm">
              <Button variant="default" onClick={() => setOpened(false)}>
                Cancel
              </Button>
              <Button
                disabled={empty}
                loading={save.isPending && save.variables?.overviewMetrics !== null}
                onClick={() => save.mutate({ overviewMetrics: draft })}
              >
                Show these metrics
              </Button>
            </Group>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
