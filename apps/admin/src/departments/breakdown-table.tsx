import { Group, Paper, SegmentedControl, Skeleton, Table, Text, Title, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { QueryError } from "../components/query-error";
import { formatValue, type Unit } from "../lib/format";
import { trpc } from "../lib/trpc";
import { CsvButton } from "../goals/csv-button";
import { csvFileName } from "../goals/csv";
import type { GoalPeriodRange } from "../goals/goal-period";
import { goalFilter } from "./goal-trend";
import { sortRows, type SortDir, type SortKey } from "./sort-rows";
import type { ScorecardGoal } from "./types";

export type { SortDir, SortKey };
export type BreakdownBy = "customer" | "accountManager";

const BY_LABELS: Record<BreakdownBy, string> = { customer: "Customers", accountManager: "Account managers" };

/** A goal's metric over its period split by customer or account manager, with the goal's scope and filter. */
export function useBreakdown(goal: ScorecardGoal, period: GoalPeriodRange, by: BreakdownBy) {
  return useQuery(
    trpc.breakdown.metric.queryOptions({
      key: goal.metric,
      from: period.from,
      to: period.to,
      by,
      limit: 100,
      ...goalFilter(goal),
    }),
  );
}

type Props = {
  goal: ScorecardGoal;
  period: GoalPeriodRange;
  metricName: string;
  by: BreakdownBy;
  sort: SortKey;
  dir: SortDir;
  selected: string | null;
  onChange: (patch: { by?: BreakdownBy; sort?: SortKey; dir?: SortDir; row?: string | null }) => void;
};

/** What makes up a goal's actual: its customers or account managers with their share. */
export function BreakdownTable({ goal, period, metricName, by, sort, dir, selected, onChange }: Props) {
  const { settings } = useSession();
  const breakdown = useBreakdown(goal, period, by);
  const unit = goal.unit as Unit;
  const rows = breakdown.data ? sortRows(breakdown.data.rows, sort, dir) : [];
  const header = (key: SortKey, label: string, align: "left" | "right" = "right") => {
    const active = sort === key;
    const Icon = active ? (dir === "asc" ? IconArrowUp : IconArrowDown) : IconSelector;
    return (
      <Table.Th ta={align} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
        <UnstyledButton
          onClick={() => onChange({ sort: key, dir: active && dir === "desc" ? "asc" : "desc" })}
          fw={600}
          fz="sm"
        >
          <Group gap={4} justify={align === "right" ? "flex-end" : "flex-start"} wrap="nowrap">
            {label}
            <Icon size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };
  return (
    <Paper withBorder radius="md" p="md" data-testid="breakdown">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={3} fz="sm" fw={600}>
          {metricName} by {by === "customer" ? "customer" : "account manager"}
        </Title>
        <Group gap="xs">
          <SegmentedControl
            size="xs"
            aria-label="Break down by"
            data={(["customer", "accountManager"] as const).map((value) => ({
              value,
              label: BY_LABELS[value],
            }))}
            value={by}
            onChange={(value) => onChange({ by: value as BreakdownBy, row: null })}
            className="no-print"
          />
          <CsvButton
            what={`the ${metricName} breakdown`}
            fileName={csvFileName(goal.metric, by, period.label)}
            header={["key", "name", "value", "share"]}
            rows={() => rows.map((r) => [r.key, r.name, r.value, r.share])}
            disabled={!breakdown.data}
            testId="breakdown-csv"
          />
        </Group>
      </Group>
      {breakdown.error ? (
        <QueryError
          title="Could not load the breakdown"
          error={breakdown.error}
          onRetry={() => void breakdown.refetch()}
          compact
        />
      ) : breakdown.isPending ? (
        <Skeleton h={200} />
      ) : rows.length === 0 ? (
        <EmptyState
          title="Nothing to break down"
          description={`No ${BY_LABELS[by].toLowerCase()} contributed to ${metricName.toLowerCase()} in this period.`}
        />
      ) : (
        <Table.ScrollContainer minWidth={420} mah={360}>
          <Table highlightOnHover striped={false} stickyHeader>
            <Table.Caption className="no-print">
              Total {formatValue(breakdown.data.total, unit, settings)}
              {breakdown.data.rows.length >= 100 ? " · the 100 largest contributions" : ""}. Choose a row for
              its events.
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {header("name", by === "customer" ? "Customer" : "Account manager", "left")}
                {header("value", metricName)}
                {header("share", "Share")}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.key ?? "none"}
                  bg={row.key !== null && row.key === selected ? "brand.0" : undefined}
                  data-testid="breakdown-row"
                  data-key={row.key ?? ""}
                  data-value={row.value ?? ""}
                >
                  <Table.Td>
                    {row.key === null ? (
                      <Text size="sm" c="dimmed">
                        {row.name}
                      </Text>
                    ) : (
                      <UnstyledButton
                        onClick={() => onChange({ row: row.key === selected ? null : row.key })}
                        aria-pressed={row.key === selected}
                        fz="sm"
                        c="brand.8"
                        fw={500}
                      >
                        {row.name}
                      </UnstyledButton>
                    )}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fz="sm">
                    {formatValue(row.value, unit, settings)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace" fz="sm">
                    {row.share === null ? "—" : formatValue(row.share * 100, "percent", settings)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
