import { Code, Group, Table, Text } from "@mantine/core";
import { IconArrowRight } from "@tabler/icons-react";
import { useDepartments } from "../hooks/use-departments";
import { auditValue, changedFields, diffRecords, fieldLabel, type FieldChange } from "../lib/audit-diff";

type Snapshot = Record<string, unknown> | null;

/** Recorded values in words: roles, levels, departments by name. */
function useAuditValue() {
  const departments = useDepartments();
  return (field: string, value: unknown) => auditValue(field, value, { departments: departments.data });
}

function Value({ field, value, tone }: { field: string; value: unknown; tone: "before" | "after" }) {
  const text = useAuditValue()(field, value);
  return (
    <Text
      span
      size="sm"
      ff="monospace"
      c={text === "—" ? "dimmed" : tone === "before" ? "red.8" : "green.8"}
      td={tone === "before" && text !== "—" ? "line-through" : undefined}
      style={{ wordBreak: "break-word" }}
    >
      {text}
    </Text>
  );
}

/** One line per changed field: "Role viewer → department_head". */
export function ChangeList({ before, after }: { before: Snapshot; after: Snapshot }) {
  // A creation lists what was set; its id is the entity itself.
  const changes = changedFields(before, after).filter((c) => !(c.kind === "added" && c.field === "id"));
  if (changes.length === 0) return <Text size="sm" c="dimmed">No field changed.</Text>;
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing={0} fz="sm" layout="fixed">
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.field}>
            <Table.Td w={130} c="dimmed" valign="top">
              {fieldLabel(change.field)}
            </Table.Td>
            <Table.Td>
              <ChangeValues change={change} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ChangeValues({ change }: { change: FieldChange }) {
  if (change.kind === "added") return <Value field={change.field} value={change.after} tone="after" />;
  if (change.kind === "removed") return <Value field={change.field} value={change.before} tone="before" />;
  return (
    <Group gap={6} wrap="wrap" data-testid={`change-${change.field}`}>
      <Value field={change.field} value={change.before} tone="before" />
      <IconArrowRight size={13} color="var(--mantine-color-gray-5)" aria-label="changed to" />
      <Value field={change.field} value={change.after} tone="after" />
    </Group>
  );
}

/** Every field before and after, changed ones first and marked. */
export function DiffTable({ before, after, requestId }: { before: Snapshot; after: Snapshot; requestId: string | null }) {
  const rows = diffRecords(before, after);
  const value = useAuditValue();
  return (
    <>
      <Table fz="sm" verticalSpacing={4} layout="fixed" withTableBorder bg="white" aria-label="Before and after">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="22%">Field</Table.Th>
            <Table.Th>Before</Table.Th>
            <Table.Th>After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const changed = row.kind !== "unchanged";
            return (
              <Table.Tr key={row.field} c={changed ? undefined : "dimmed"}>
                <Table.Td fw={changed ? 600 : 400}>{fieldLabel(row.field)}</Table.Td>
                <Table.Td bg={changed && row.kind !== "added" ? "red.0" : undefined} ff="monospace" style={{ wordBreak: "break-word" }}>
                  {row.kind === "added" ? "" : value(row.field, row.before)}
                </Table.Td>
                <Table.Td bg={changed && row.kind !== "removed" ? "green.0" : undefined} ff="monospace" style={{ wordBreak: "break-word" }}>
                  {row.kind === "removed" ? "" : value(row.field, row.after)}
                </Table.Td>
              </Table.Tr>
            );
          })}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={3} c="dimmed">
                This record carries no before or after.
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {requestId && (
        <Text size="xs" c="dimmed" mt={6}>
          Request <Code fz="xs">{requestId}</Code>
        </Text>
      )}
    </>
  );
}
