import { BarChart } from "@mantine/charts";
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { Fragment, useState } from "react";
import { useSession } from "../auth/session-context";
import { planErrorText } from "./plan-errors";
import { departmentName } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { StatusBadge } from "../goals/status-badge";
import { formatValue } from "../lib/format";
import {
  KIND_WORDS,
  MILESTONE_KINDS,
  MILESTONE_STATUS_WORDS,
  formatDate,
  formatMoney,
  warningText,
  type InitiativeDetail,
  type Milestone,
} from "./types";

type Props = { initiative: InitiativeDetail; departments: { key: string; name: string }[] | undefined };

function usePlanUpdate(initiative: InitiativeDetail, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation(
    trpc.initiatives.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.initiatives.pathKey() });
        onDone();
      },
    }),
  );
}

type MilestoneDraft = Omit<Milestone, "id"> & { id?: string };
const emptyMilestone = (department: string): MilestoneDraft => ({
  title: "",
  kind: "communication",
  department,
  startAt: "",
  dueAt: "",
  status: "planned",
});
const MILESTONE_STATUSES = Object.keys(MILESTONE_STATUS_WORDS) as Milestone["status"][];

/** Milestones with their lead-time warnings; one row is edited in place at a time. */
export function MilestonesTable({ initiative, departments }: Props) {
  const { settings } = useSession();
  const editable = initiative.actions.includes("plan");
  const [editing, setEditing] = useState<number | "new" | null>(null);
  const [draft, setDraft] = useState<MilestoneDraft>(emptyMilestone(initiative.ownerDepartment));
  const update = usePlanUpdate(initiative, () => setEditing(null));
  const problem = planErrorText(update.error);
  const warnings = new Map(initiative.warnings.map((w) => [w.milestoneId, w.days]));
  const options = initiative.departments.map((d) => ({ value: d, label: departmentName(d, departments) }));

  const save = (list: MilestoneDraft[]) => update.mutate({ id: initiative.id, milestones: list });
  const saveDraft = () => {
    const list: MilestoneDraft[] = initiative.milestones.map((m) => ({ ...m }));
    if (editing === "new") list.push(draft);
    else if (typeof editing === "number") list[editing] = draft;
    save(list);
  };
  const remove = (index: number) => save(initiative.milestones.filter((_, i) => i !== index));

  const editRow = (
    <Table.Tr data-testid="milestone-editor">
      <Table.Td>
        <TextInput
          aria-label="Milestone title"
          size="xs"
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label="Kind"
          size="xs"
          data={MILESTONE_KINDS.map((k) => ({ value: k, label: KIND_WORDS[k] }))}
          value={draft.kind}
          onChange={(v) => v && setDraft({ ...draft, kind: v as Milestone["kind"] })}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label="Department"
          size="xs"
          data={options}
          value={draft.department}
          onChange={(v) => v && setDraft({ ...draft, department: v })}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label="Start date"
          type="date"
          size="xs"
          value={draft.startAt}
          onChange={(e) => setDraft({ ...draft, startAt: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label="Due date"
          type="date"
          size="xs"
          value={draft.dueAt}
          onChange={(e) => setDraft({ ...draft, dueAt: e.currentTarget.value })}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label="Milestone status"
          size="xs"
          data={MILESTONE_STATUSES.map((s) => ({ value: s, label: MILESTONE_STATUS_WORDS[s] }))}
          value={draft.status}
          onChange={(v) => v && setDraft({ ...draft, status: v as Milestone["status"] })}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Button size="compact-xs" onClick={saveDraft} loading={update.isPending}>
            Save
          </Button>
          <Button size="compact-xs" variant="default" onClick={() => setEditing(null)}>
            Cancel
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          Milestones
        </Title>
        {editable && editing === null && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              setDraft(emptyMilestone(initiative.ownerDepartment));
              setEditing("new");
              update.reset();
            }}
          >
            Add milestone
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red" variant="light" mb="sm" role="alert">
          {problem}
        </Alert>
      )}
      <Table.ScrollContainer minWidth={760}>
        <Table data-testid="milestones-table" aria-label="Milestones">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Milestone</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col">Department</Table.Th>
              <Table.Th scope="col">Start</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {initiative.milestones.map((m, index) =>
              editing === index ? (
                <Fragment key={m.id}>{editRow}</Fragment>
              ) : (
                <Table.Tr key={m.id} data-milestone={m.title}>
                  <Table.Td>
                    <Text size="sm">{m.title}</Text>
                    {warnings.has(m.id) && (
                      <Text size="xs" c="red.8" fw={600} data-testid="lead-time-warning">
                        ⚠ Lead time: {warningText(warnings.get(m.id) ?? 0)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{KIND_WORDS[m.kind]}</Table.Td>
                  <Table.Td>{departmentName(m.department, departments)}</Table.Td>
                  <Table.Td>{formatDate(m.startAt, settings.locale)}</Table.Td>
                  <Table.Td>{formatDate(m.dueAt, settings.locale)}</Table.Td>
                  <Table.Td>
                    <Badge
                      variant="light"
                      color={m.status === "done" ? "green" : m.status === "in_progress" ? "blue" : "gray"}
                    >
                      {MILESTONE_STATUS_WORDS[m.status]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {editable && editing === null && (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Edit ${m.title}`}
                          onClick={() => {
                            setDraft({ ...m });
                            setEditing(index);
                            update.reset();
                          }}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${m.title}`}
                          onClick={() => remove(index)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ),
            )}
            {editing === "new" && editRow}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {initiative.milestones.length === 0 && editing === null && (
        <Text size="sm" c="dimmed" mt="xs">
          No milestones yet. Communication, education and incentive plans should start at least 90 days before
          launch.
        </Text>
      )}
    </Paper>
  );
}

type LineDraft = { year: number; department: string; planned: string; spent: string };

/** Budget lines per year and department, planned vs spent, with exact totals and a chart. */
export function BudgetSection({ initiative, departments }: Props) {
  const { settings } = useSession();
  const editable = initiative.actions.includes("plan");
  const [lines, setLines] = useState<LineDraft[] | null>(null);
  const update = usePlanUpdate(initiative, () => setLines(null));
  const problem = planErrorText(update.error);
  const money = (amount: string) => formatMoney(amount, settings.locale, settings.currency);
  const options = initiative.departments.map((d) => ({ value: d, label: departmentName(d, departments) }));
  const budget = initiative.budget;
  const editingLines = lines;
  const chartByYear = budget.byYear.map((y) => ({
    label: String(y.year),
    Planned: Number(y.planned),
    Spent: Number(y.spent),
  }));
  const chartByDepartment = budget.byDepartment.map((d) => ({
    label: departmentName(d.department, departments),
    Planned: Number(d.planned),
    Spent: Number(d.spent),
  }));
  const series = [
    { name: "Planned", color: "blue.7" },
    { name: "Spent", color: "orange.8" },
  ];
  const setLine = (index: number, patch: Partial<LineDraft>) =>
    setLines((current) => (current ?? []).map((l, i) => (i === index ? { ...l, ...patch } : l)));

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          Budget
        </Title>
        {editable && editingLines === null && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={() => setLines(budget.lines.map((l) => ({ ...l })))}
          >
            Edit budget
          </Button>
        )}
      </Group>
      {problem && (
        <Alert color="red" variant="light" mb="sm" role="alert">
          {problem}
        </Alert>
      )}
      <Table data-testid="budget-table" aria-label="Budget lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Year</Table.Th>
            <Table.Th scope="col">Department</Table.Th>
            <Table.Th scope="col" ta="right">
              Planned
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Spent
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {editingLines
            ? editingLines.map((l, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Year of line ${i + 1}`}
                      size="xs"
                      value={l.year}
                      onChange={(v) => setLine(i, { year: Number(v) })}
                      allowDecimal={false}
                      w={90}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`Department of line ${i + 1}`}
                      size="xs"
                      data={options}
                      value={l.department}
                      onChange={(v) => v && setLine(i, { department: v })}
                      allowDeselect={false}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Planned of line ${i + 1}`}
                      size="xs"
                      value={l.planned}
                      onChange={(e) => setLine(i, { planned: e.currentTarget.value })}
                      inputMode="decimal"
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`Spent of line ${i + 1}`}
                      size="xs"
                      value={l.spent}
                      onChange={(e) => setLine(i, { spent: e.currentTarget.value })}
                      inputMode="decimal"
                    />
                  </Table.Td>
                </Table.Tr>
              ))
            : budget.lines.map((l) => (
                <Table.Tr key={`${l.year}/${l.department}`}>
                  <Table.Td>{l.year}</Table.Td>
                  <Table.Td>{departmentName(l.department, departments)}</Table.Td>
                  <Table.Td ta="right">{money(l.planned)}</Table.Td>
                  <Table.Td ta="right">{money(l.spent)}</Table.Td>
                </Table.Tr>
              ))}
          {!editingLines &&
            budget.byYear.map((y) => (
              <Table.Tr key={`year-${y.year}`}>
                <Table.Td fw={600}>{y.year}</Table.Td>
                <Table.Td fw={600}>All departments</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {money(y.planned)}
                </Table.Td>
                <Table.Td ta="right" fw={600}>
                  {money(y.spent)}
                </Table.Td>
              </Table.Tr>
            ))}
          {!editingLines && (
            <Table.Tr>
              <Table.Td fw={700}>Total</Table.Td>
              <Table.Td />
              <Table.Td ta="right" fw={700} data-testid="budget-total-planned">
                {money(budget.total.planned)}
              </Table.Td>
              <Table.Td ta="right" fw={700} data-testid="budget-total-spent">
                {money(budget.total.spent)}
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {editingLines && (
        <Group mt="sm" gap="sm">
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              setLines([
                ...editingLines,
                {
                  year: Number(initiative.launchAt.slice(0, 4)),
                  department: initiative.ownerDepartment,
                  planned: "0",
                  spent: "0",
                },
              ])
            }
          >
            Add line
          </Button>
          <Button
            size="compact-sm"
            onClick={() => update.mutate({ id: initiative.id, budget: editingLines })}
            loading={update.isPending}
          >
            Save budget
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setLines(null)}>
            Cancel
          </Button>
        </Group>
      )}
      {budget.lines.length > 0 && !editingLines && (
        <SimpleGrid cols={{ base: 1, md: 2 }} mt="md">
          {[
            { title: `Planned vs spent per year (${settings.currency})`, data: chartByYear },
            { title: `Planned vs spent per department (${settings.currency})`, data: chartByDepartment },
          ].map((chart) => (
            <figure key={chart.title} style={{ margin: 0 }}>
              <Text size="sm" fw={600} component="figcaption" mb={4}>
                {chart.title}
              </Text>
              <BarChart
                h={200}
                data={chart.data}
                dataKey="label"
                series={series}
                withLegend
                valueFormatter={(v) => formatMoney(String(v), settings.locale, settings.currency)}
                yAxisLabel={settings.currency}
                barChartProps={{ accessibilityLayer: true }}
              />
            </figure>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}

/** The goals the initiative should move: baseline → live actual → target, with the scorecard's status. */
export function LinkedGoals({ initiative, departments }: Props) {
  const { settings } = useSession();
  const editable = initiative.actions.includes("plan");
  const [adding, setAdding] = useState(false);
  const [goalId, setGoalId] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<number | string>("");
  const [target, setTarget] = useState<number | string>("");
  const update = usePlanUpdate(initiative, () => setAdding(false));
  const problem = planErrorText(update.error);
  const goals = useQuery({ ...trpc.goals.list.queryOptions({ state: "active" }), enabled: adding });
  const linked = initiative.goals.map((g) => ({ goalId: g.goalId, baseline: g.baseline, target: g.target }));
  const fmt = (value: number | null, unit: string) =>
    formatValue(value, unit as Parameters<typeof formatValue>[1], settings, "full");

  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="md">
          Linked goals
        </Title>
        {editable && !adding && (
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAdding(true)}
          >
            Link a goal
          </Button>
        )}
      </Group>
      {adding && (
        <Group align="flex-end" gap="sm" mb="sm" wrap="wrap">
          <Select
            label="Goal"
            searchable
            w={320}
            data={(goals.data?.goals ?? [])
              .filter((g) => !linked.some((l) => l.goalId === g.id))
              .map((g) => ({
                value: g.id,
                label: `${g.title} · ${departmentName(g.department, departments)} · ${g.period}`,
              }))}
            value={goalId}
            onChange={setGoalId}
            error={problem}
          />
          <NumberInput label="Baseline" value={baseline} onChange={setBaseline} w={120} />
          <NumberInput label="Target" value={target} onChange={setTarget} w={120} />
          <Button
            onClick={() =>
              goalId &&
              update.mutate({
                id: initiative.id,
                goals: [...linked, { goalId, baseline: Number(baseline), target: Number(target) }],
              })
            }
            disabled={!goalId || baseline === "" || target === ""}
            loading={update.isPending}
          >
            Link
          </Button>
          <Button variant="default" onClick={() => setAdding(false)}>
            Cancel
          </Button>
        </Group>
      )}
      {initiative.goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          No goals linked. Link the goals this initiative should move, with where they stand now and where
          they should get to.
        </Text>
      ) : (
        <Table data-testid="linked-goals" aria-label="Linked goals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Goal</Table.Th>
              <Table.Th scope="col">Period</Table.Th>
              <Table.Th scope="col" ta="right">
                Baseline
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Actual (live)
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Target
              </Table.Th>
              <Table.Th scope="col">Status</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {initiative.goals.map((g) => (
              <Table.Tr key={g.goalId} data-goal={g.goalId}>
                <Table.Td>
                  <Text size="sm">{g.title}</Text>
                  <Text size="xs" c="dimmed">
                    {departmentName(g.department, departments)}
                  </Text>
                </Table.Td>
                <Table.Td>{g.period}</Table.Td>
                <Table.Td ta="right">{fmt(g.baseline, g.unit)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {fmt(g.actual, g.unit)}
                </Table.Td>
                <Table.Td ta="right">{fmt(g.target, g.unit)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={g.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
