import { Button, Card, Group, SegmentedControl, Select, Skeleton, Stack, Text, TextInput, UnstyledButton } from "@mantine/core";
import { IconSearch, IconUserPlus } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import {
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type ColumnFiltersState,
  type FilterFn,
  type SortingState,
  type Updater,
} from "@tanstack/react-table";
import { useMemo, useState } from "react";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useUrlState } from "../hooks/use-url-state";
import { DEFAULT_USER_SORT, parseUserListState, writeUserListState, type UserStatus } from "../lib/list-state";
import { countOf, USER } from "../lib/plural";
import { LEVEL_LABELS, ROLE_LABELS, ROLES } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { CreateUserModal } from "./create-user-modal";
import { DataTable } from "./data-table";
import { RoleBadge, StatusBadge } from "./status-badge";
import { UserDrawer } from "./user-drawer";
import type { UserRow } from "./user-types";

const matchesText: FilterFn<UserRow> = (row, _columnId, value: string) => {
  const needle = value.trim().toLowerCase();
  if (!needle) return true;
  return row.original.name.toLowerCase().includes(needle) || row.original.email.toLowerCase().includes(needle);
};

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

const STATUS_OPTIONS: { value: UserStatus; label: string }[] = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "inactive", label: "Deactivated" },
];

export function UsersPage() {
  const [state, update] = useUrlState(parseUserListState, writeUserListState);
  const users = useQuery(trpc.users.list.queryOptions());
  const departments = useDepartments();
  const [creating, setCreating] = useState(false);

  const departmentName = useMemo(() => {
    const names = new Map((departments.data ?? []).map((d) => [d.key, d.name]));
    return (key: string | null) => (key ? (names.get(key) ?? key) : null);
  }, [departments.data]);

  const columns = useMemo<ColumnDef<UserRow>[]>(
    () => [
      {
        id: "name",
        accessorKey: "name",
        header: "Name",
        sortingFn: (a, b) =>
          collator.compare(a.original.name, b.original.name) || collator.compare(a.original.email, b.original.email),
        cell: ({ row }) => (
          <UnstyledButton
            onClick={(event) => {
              event.stopPropagation();
              update({ user: row.original.id, tab: "details" }, { push: true });
            }}
          >
            <Text size="sm" fw={600} lh={1.3}>
              {row.original.name}
            </Text>
            <Text size="xs" c="dimmed" lh={1.3}>
              {row.original.email}
            </Text>
          </UnstyledButton>
        ),
      },
      {
        id: "role",
        accessorKey: "role",
        header: "Role",
        filterFn: "equals",
        sortingFn: (a, b) => ROLES.indexOf(a.original.role) - ROLES.indexOf(b.original.role),
        cell: ({ row }) => <RoleBadge role={row.original.role} />,
        size: 170,
      },
      {
        id: "department",
        accessorFn: (user) => departmentName(user.department) ?? "",
        header: "Department",
        filterFn: (row, _id, value: string) => row.original.department === value,
        cell: ({ row }) => departmentName(row.original.department) ?? <Text span c="dimmed" size="sm">—</Text>,
        size: 180,
      },
      {
        id: "level",
        accessorFn: (user) => (user.level ? LEVEL_LABELS[user.level] : ""),
        header: "Level",
        cell: ({ getValue }) => (getValue<string>() ? getValue<string>() : <Text span c="dimmed" size="sm">—</Text>),
        size: 130,
      },
      {
        id: "active",
        accessorKey: "active",
        header: "Status",
        filterFn: "equals",
        sortingFn: (a, b) => Number(b.original.active) - Number(a.original.active),
        cell: ({ row }) => <StatusBadge active={row.original.active} />,
        size: 140,
      },
    ],
    [departmentName, update],
  );

  // Stable identities: react-table recomputes (and resets its paging) whenever these change.
  const { sort, role, department, status } = state;
  const sorting = useMemo<SortingState>(() => [sort], [sort]);
  const columnFilters = useMemo<ColumnFiltersState>(
    () => [
      ...(role ? [{ id: "role", value: role }] : []),
      ...(department ? [{ id: "department", value: department }] : []),
      ...(status !== "all" ? [{ id: "active", value: status === "active" }] : []),
    ],
    [role, department, status],
  );
  const data = useMemo(() => users.data ?? [], [users.data]);

  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnFilters, globalFilter: state.q },
    globalFilterFn: matchesText,
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === "function" ? updater(sorting) : updater;
      // Without a chosen order the list is sorted by name, as it looks.
      update({ sort: next[0] ?? DEFAULT_USER_SORT });
    },
    getRowId: (user) => user.id,
    // No paging or expanding here; nothing to reset when the rows change.
    autoResetAll: false,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });

  const shown = table.getRowModel().rows.length;
  const total = users.data?.length ?? 0;
  const filtered = Boolean(state.q || state.role || state.department || state.status !== "all");
  const selected = users.data?.find((u) => u.id === state.user);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Users & roles"
        description="Who may sign in, and what each person may see and do."
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />

      <Card padding={0}>
        <Group gap="sm" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
          <TextInput
            aria-label="Search users"
            placeholder="Search name or email"
            leftSection={<IconSearch size={15} />}
            value={state.q}
            onChange={(e) => update({ q: e.currentTarget.value })}
            w={200}
          />
          <Select
            aria-label="Role"
            placeholder="All roles"
            data={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
            value={state.role}
            onChange={(value) => update({ role: ROLES.find((r) => r === value) ?? null })}
            clearable
            w={195}
          />
          <Select
            aria-label="Department"
            placeholder="All departments"
            data={(departments.data ?? []).map((d) => ({ value: d.key, label: d.name }))}
            value={state.department}
            onChange={(value) => update({ department: value })}
            clearable
            searchable
            w={175}
          />
          <SegmentedControl
            aria-label="Status"
            data={STATUS_OPTIONS}
            value={state.status}
            onChange={(value) => update({ status: STATUS_OPTIONS.find((o) => o.value === value)?.value ?? "all" })}
          />
          <Text size="sm" c="dimmed" ml="auto" data-testid="user-count">
            {users.data ? (filtered ? `${shown} of ${countOf(total, USER)}` : countOf(total, USER)) : ""}
          </Text>
        </Group>

        {users.error ? (
          <Stack p="md">
            <QueryError title="Could not load the users" error={users.error} onRetry={() => void users.refetch()} />
          </Stack>
        ) : users.isPending ? (
          <Stack p="md" gap="sm" aria-busy="true">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} h={36} />
            ))}
          </Stack>
        ) : (
          <DataTable
            table={table}
            label="Users"
            onRowClick={(user) => update({ user: user.id, tab: "details" }, { push: true })}
            rowTestId={(user) => `user-row-${user.email}`}
            empty={
              <EmptyState
                title="No user matches these filters"
                description="Change or clear the filters to see everyone."
                action={{
                  label: "Clear filters",
                  onClick: () => update({ q: "", role: null, department: null, status: "all" }),
                }}
              />
            }
          />
        )}
      </Card>

      <UserDrawer
        userId={state.user}
        user={selected}
        loading={users.isPending}
        tab={state.tab}
        onTab={(tab) => update({ tab })}
        onClose={() => update({ user: null }, { push: true })}
        departments={departments.data}
      />
      <CreateUserModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          update({ user: user.id, tab: "details" }, { push: true });
        }}
        departments={departments.data}
      />
    </Stack>
  );
}
