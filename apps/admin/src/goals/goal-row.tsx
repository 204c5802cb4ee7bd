import { ActionIcon, Badge, Button, Group, NumberInput, Stack, Table, Text, Tooltip } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IconArchive, IconCheck, IconPencil, IconX } from "@tabler/icons-react";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { formErrors } from "../lib/field-errors";
import { formatValue, type Unit } from "../lib/format";
import { trpc } from "../lib/trpc";
import type { ScorecardGoal } from "../departments/types";
import { filterWords, previewStatus, targetProblem, weightProblem } from "./goal-rules";
import { StatusBadge } from "./status-badge";
import type { GoalListItem } from "./types";

const STATE_COLORS = { active: "green", proposed: "violet", archived: "gray" } as const;

type Props = {
  goal: GoalListItem;
  served: ScorecardGoal | undefined;
  metric: MetricDefinition | undefined;
  departmentLabel: string;
  /** Whether the signed-in user may change this goal (admins: any; heads: their own proposals). */
  editable: boolean;
};

/** A goal in the management table; target and weight edit in place with a live status preview. */
export function GoalRow({ goal, served, metric, departmentLabel, editable }: Props) {
  const { settings } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [target, setTarget] = useState<number | string>(goal.target);
  const [weight, setWeight] = useState<number | string>(goal.weight);
  const invalidate = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.goals.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.scorecards.pathKey() });
  };
  const update = useMutation(
    trpc.goals.update.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        setEditing(false);
      },
    }),
  );
  const archive = useMutation(trpc.goals.archive.mutationOptions({ onSuccess: invalidate }));
  const unit = (metric?.unit ?? served?.unit ?? "count") as Unit;
  const fmt = (value: number | null | undefined) => formatValue(value ?? null, unit, settings);
  const server = formErrors(update.error, ["target", "weight"], ["target", "weight"]);
  const targetError = targetProblem(target, unit) ?? server.fields.target ?? null;
  const weightError = weightProblem(weight) ?? server.fields.weight ?? null;
  const typed = editing && targetProblem(target, unit) === null ? Number(target) : goal.target;
  const preview =
    served && metric
      ? previewStatus({
          target: typed,
          actual: served.actual,
          additive: metric.additive,
          direction: goal.direction,
          elapsed: served.elapsed,
          started: served.status !== "not_started",
        })
      : null;
  const status = editing ? preview?.status : (served?.status ?? preview?.status);
  const cancel = () => {
    setEditing(false);
    setTarget(goal.target);
    setWeight(goal.weight);
    update.reset();
  };
  return (
    <Table.Tr data-testid="managed-goal" data-goal={goal.id} data-title={goal.title}>
      <Table.Td>
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {goal.title}
          </Text>
          <Text size="xs" c="dimmed">
            {departmentLabel} · {metric?.name ?? goal.metric} · {goal.period}
          </Text>
          {filterWords(goal.filter) && (
            <Text size="xs" c="dimmed" data-testid="goal-filter">
              Only {filterWords(goal.filter)}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Badge size="sm" variant="light" color={STATE_COLORS[goal.state]} data-testid="goal-state">
          {goal.state === "proposed" ? "Proposed" : goal.state === "active" ? "Active" : "Archived"}
        </Badge>
      </Table.Td>
      <Table.Td ta="right" miw={150}>
        {editing ? (
          <NumberInput
            size="xs"
            aria-label={`Target of ${goal.title}`}
            value={target}
            onChange={setTarget}
            allowDecimal={unit !== "count"}
            decimalScale={4}
            clampBehavior="none"
            error={targetError}
            data-testid="edit-target"
          />
        ) : (
          <Text size="sm" ff="monospace">
            {goal.direction === "higher" ? "≥ " : "≤ "}
            {fmt(goal.target)}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" miw={100}>
        {editing ? (
          <NumberInput
            size="xs"
            aria-label={`Weight of ${goal.title}`}
            value={weight}
            onChange={setWeight}
            decimalScale={2}
            error={weightError}
          />
        ) : (
          <Text size="sm">{goal.weight}</Text>
        )}
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" ff="monospace" data-testid="managed-actual">
          {served ? fmt(served.actual) : "—"}
        </Text>
        {editing && preview && (
          <Text size="xs" c="dimmed">
            expected {fmt(preview.expected)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {goal.state === "archived" ? (
          <Text size="xs" c="dimmed">
            Not scored
          </Text>
        ) : status ? (
          <Group gap={4} wrap="nowrap" aria-live="polite">
            <StatusBadge status={status} />
            {editing && (
              <Text size="xs" c="dimmed">
                preview
              </Text>
            )}
          </Group>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {editable && goal.state !== "archived" && (
          <Group gap={4} wrap="nowrap" justify="flex-end">
            {editing ? (
              <>
                <Button
                  size="compact-xs"
                  leftSection={<IconCheck size={14} />}
                  loading={update.isPending}
                  disabled={targetProblem(target, unit) !== null || weightProblem(weight) !== null}
                  onClick={() =>
                    update.mutate({ id: goal.id, target: Number(target), weight: Number(weight) })
                  }
                  data-testid="edit-save"
                >
                  Save
                </Button>
                <ActionIcon variant="subtle" color="gray" aria-label="Cancel the change" onClick={cancel}>
                  <IconX size={16} />
                </ActionIcon>
              </>
            ) : (
              <>
                <Tooltip label="Change target or weight">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Change ${goal.title}`}
                    onClick={() => setEditing(true)}
                  >
                    <IconPencil size={16} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Archive: kept for history, no longer scored">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    aria-label={`Archive ${goal.title}`}
                    loading={archive.isPending}
                    onClick={() => archive.mutate({ id: goal.id })}
                  >
                    <IconArchive size={16} />
                  </ActionIcon>
                </Tooltip>
              </>
            )}
          </Group>
        )}
        {server.general && (
          <Text size="xs" c="red.8" role="alert">
            {server.general}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
