// A dense, sortable table on @tanstack/react-table, drawn with Mantine.
import { Table, Text, UnstyledButton, Group } from "@mantine/core";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { flexRender, type Table as TableInstance } from "@tanstack/react-table";
import type { ReactNode } from "react";

type Props<T> = {
  table: TableInstance<T>;
  onRowClick?: (row: T) => void;
  empty: ReactNode;
  label: string;
  rowTestId?: (row: T) => string;
};

export function DataTable<T>({ table, onRowClick, empty, label, rowTestId }: Props<T>) {
  const rows = table.getRowModel().rows;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover={Boolean(onRowClick)} verticalSpacing={8} fz="sm" aria-label={label} stickyHeader>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const content = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <Table.Th
                    key={header.id}
                    // 150 is react-table's default size: columns without a size share the rest.
                    w={header.column.columnDef.size === 150 ? undefined : header.column.columnDef.size}
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <UnstyledButton onClick={header.column.getToggleSortingHandler()} fz="sm" fw={600}>
                        <Group gap={4} wrap="nowrap">
                          {content}
                          {sorted === "asc" ? (
                            <IconArrowUp size={14} />
                          ) : sorted === "desc" ? (
                            <IconArrowDown size={14} />
                          ) : (
                            <IconSelector size={14} color="var(--mantine-color-gray-5)" />
                          )}
                        </Group>
                      </UnstyledButton>
                    ) : (
                      content
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr
              key={row.id}
              onClick={onRowClick ? () => onRowClick(row.original) : undefined}
              style={onRowClick ? { cursor: "pointer" } : undefined}
              data-testid={rowTestId?.(row.original)}
            >
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          {rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={table.getVisibleLeafColumns().length}>
                <Text component="div" py="xl">
                  {empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
