import { Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { useSession } from "../auth/session-context";
import { formatValue, type Unit } from "../lib/format";
import { PERSPECTIVE_LABELS, PERSPECTIVES, type Perspective } from "../goals/goal-rules";
import { BulletBar } from "../goals/bullet-bar";
import { StatusBadge } from "../goals/status-badge";
import type { ScorecardGoal } from "./types";

type Props = {
  goals: readonly ScorecardGoal[];
  previous: readonly ScorecardGoal[];
  selected: string | null;
  onSelect: (id: string | null) => void;
};

const sameRead = (a: ScorecardGoal, b: ScorecardGoal) =>
  a.metric === b.metric && a.scope === b.scope && JSON.stringify(a.filter) === JSON.stringify(b.filter);

/** The balanced scorecard: a card per perspective, a row per goal. */
export function ScorecardGrid({ goals, previous, selected, onSelect }: Props) {
  return (
    <SimpleGrid cols={1} spacing="md" data-testid="scorecard-grid">
      {PERSPECTIVES.map((perspective) => (
        <PerspectiveCard
          key={perspective}
          perspective={perspective}
          goals={goals.filter((g) => g.perspective === perspective)}
          previous={previous}
          selected={selected}
          onSelect={onSelect}
        />
      ))}
    </SimpleGrid>
  );
}

function PerspectiveCard({
  perspective,
  goals,
  previous,
  selected,
  onSelect,
}: Omit<Props, "goals"> & { perspective: Perspective; goals: readonly ScorecardGoal[] }) {
  const { settings } = useSession();
  const titleId = `perspective-${perspective}`;
  return (
    <Paper withBorder radius="md" p="md" className="print-keep" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="sm" fw={600} mb="xs" id={titleId}>
        {PERSPECTIVE_LABELS[perspective]}
      </Title>
      {goals.length === 0 ? (
        <Text size="sm" c="dimmed">
          No goals from this perspective in the period.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} aria-labelledby={titleId}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Goal</Table.Th>
                <Table.Th w="32%">Actual against target</Table.Th>
                <Table.Th ta="right">Forecast</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Weight</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {goals.map((goal) => {
                const unit = goal.unit as Unit;
                const fmt = (v: number | null) => formatValue(v, unit, settings);
                const before = previous.find((p) => sameRead(p, goal));
                const label = `${fmt(goal.actual)} of ${fmt(goal.target)}, expected ${fmt(goal.expected)} by now`;
                return (
                  <Table.Tr
                    key={goal.id}
                    bg={goal.id === selected ? "brand.0" : undefined}
                    data-testid="goal-row"
                    data-goal={goal.id}
                    data-actual={goal.actual ?? ""}
                  >
                    <Table.Td>
                      <Stack gap={2}>
                        <UnstyledButton
                          onClick={() => onSelect(goal.id === selected ? null : goal.id)}
                          aria-expanded={goal.id === selected}
                          fw={500}
                          fz="sm"
                          c="brand.8"
                          data-testid="goal-open"
                        >
                          {goal.title}
                        </UnstyledButton>
                        <Group gap={6}>
                          {goal.state === "proposed" && (
                            <Badge size="xs" variant="outline" color="violet">
                              Proposed
                            </Badge>
                          )}
                          {goal.kind === "external" && (
                            <Badge size="xs" variant="outline" color="gray">
                              Promise
                            </Badge>
                          )}
                          {goal.scope === "company" && (
                            <Badge size="xs" variant="outline" color="gray">
                              Company-wide
                            </Badge>
                          )}
                        </Group>
                      </Stack>
                    </Table.Td>
                    <Table.Td>
                      <Stack gap={4}>
                        <BulletBar
                          actual={goal.actual}
                          target={goal.target}
                          expected={goal.expected}
                          status={goal.status}
                          label={label}
                        />
                        <Text size="xs" ff="monospace">
                          <span data-testid="goal-actual">{fmt(goal.actual)}</span> / {fmt(goal.target)}
                          {before && (
                            <Text span size="xs" c="dimmed">
                              {" "}
                              · before {fmt(before.actual)}
                            </Text>
                          )}
                        </Text>
                      </Stack>
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace" fz="sm">
                      {fmt(goal.forecast)}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={goal.status} />
                    </Table.Td>
                    <Table.Td ta="right" fz="sm">
                      {goal.weight}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
