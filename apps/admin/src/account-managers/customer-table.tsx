import { Anchor, Badge, Group, Table, Text } from "@mantine/core";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import {
  ACTION_WORDS,
  CREDIT_COLOR,
  CREDIT_WORDS,
  REASON_WORDS,
  SEGMENT_WORDS,
  TIER_WORDS,
} from "../customers/words";
import { formatValue } from "../lib/format";
import type { BookRow } from "./book";

type Props = {
  label: string;
  rows: readonly (Omit<BookRow, "reasons" | "action"> & Partial<Pick<BookRow, "reasons" | "action">>)[];
  /** Show the problem reasons column. */
  reasons?: boolean;
  testId?: string;
};

/** Customers of one manager, each linking to its page: tier, segment, credit policy, revenue, and what to do next. */
export function CustomerTable({ label, rows, reasons = false, testId }: Props) {
  const { settings } = useSession();
  const withAction = rows.some((r) => r.action !== undefined);
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped withTableBorder aria-label={label} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Customer</Table.Th>
            {reasons && <Table.Th scope="col">Problems</Table.Th>}
            {withAction && <Table.Th scope="col">Suggested action</Table.Th>}
            <Table.Th scope="col">Tier</Table.Th>
            <Table.Th scope="col">Segment</Table.Th>
            <Table.Th scope="col">Credit policy</Table.Th>
            <Table.Th scope="col" ta="right">
              Revenue 365 days
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.id} data-customer={row.id}>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${encodeURIComponent(row.id)}`} size="sm">
                  {row.name}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {row.id}
                </Text>
              </Table.Td>
              {reasons && (
                <Table.Td>
                  <Group gap={4}>
                    {(row.reasons ?? []).map((r) => (
                      <Badge key={r} variant="light" color="orange">
                        {REASON_WORDS[r] ?? r}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
              )}
              {withAction && <Table.Td>{row.action ? ACTION_WORDS[row.action] : "—"}</Table.Td>}
              <Table.Td>{TIER_WORDS[row.tier] ?? row.tier}</Table.Td>
              <Table.Td>{SEGMENT_WORDS[row.segment]}</Table.Td>
              <Table.Td>
                <Badge
                  variant="light"
                  color={CREDIT_COLOR[row.creditPolicy]}
                  title={CREDIT_WORDS[row.creditPolicy]}
                >
                  {row.creditPolicy}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{formatValue(row.revenue, "money", settings)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
