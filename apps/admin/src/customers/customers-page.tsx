import { Anchor, Badge, Button, Group, Pagination, Select, Skeleton, Stack, Table, Text, TextInput, UnstyledButton } from "@mantine/core";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { IconDownload, IconSortAscending, IconSortDescending } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useUrlState } from "../hooks/use-url-state";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";
import { download, toCsv } from "./csv";
import { CREDIT_COLOR, CREDIT_POLICIES, CREDIT_WORDS, OWNERSHIPS, SEGMENTS, SEGMENT_WORDS, SIZES, TIERS, TIER_WORDS } from "./words";

const FILTERS = ["search", "tier", "size", "industry", "region", "ownership", "accountManager", "segment", "creditPolicy", "incomplete"] as const;
type Filter = (typeof FILTERS)[number];
type View = Record<Filter, string | null> & { sort: string; page: number };

const parse = (params: URLSearchParams): View => {
  const view = Object.fromEntries(FILTERS.map((f) => [f, params.get(f)])) as Record<Filter, string | null>;
  return { ...view, sort: params.get("sort") ?? "name", page: Math.max(1, Number(params.get("page") ?? 1) || 1) };
};
const write = (prev: URLSearchParams, patch: Partial<View>) => {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "" || (key === "sort" && value === "name") || (key === "page" && value === 1)) next.delete(key);
    else next.set(key, String(value));
  }
  // A new filter starts from the first page.
  if (!("page" in patch)) next.delete("page");
  return next;
};

const PAGE = 50;

type Row = {
  id: string;
  name: string;
  tier: string;
  size: string;
  industry: string | null;
  region: string | null;
  accountManager: string | null;
  segment: string;
  creditPolicy: string;
  revenue: number;
  incomplete: boolean;
};

const column = createColumnHelper<Row>();

/** The customer registry: server-side search, filters, sort and pages, kept in the URL; CSV of the filtered list. */
export function CustomersPage() {
  const { user, settings } = useSession();
  const [state, setState] = useUrlState(parse, useCallback(write, []));
  const [search, setSearch] = useState(state.search ?? "");
  const [cursors, setCursors] = useState<Record<string, (string | undefined)[]>>({});
  const queryClient = useQueryClient();
  const filters = useMemo(
    () => ({
      search: state.search ?? undefined,
      tier: (state.tier ?? undefined) as (typeof TIERS)[number] | undefined,
      size: (state.size ?? undefined) as (typeof SIZES)[number] | undefined,
      industry: state.industry ?? undefined,
      region: state.region ?? undefined,
      ownership: (state.ownership ?? undefined) as (typeof OWNERSHIPS)[number] | undefined,
      accountManager: state.accountManager ?? undefined,
      segment: (state.segment ?? undefined) as (typeof SEGMENTS)[number] | undefined,
      creditPolicy: (state.creditPolicy ?? undefined) as (typeof CREDIT_POLICIES)[number] | undefined,
      incomplete: (state.incomplete ?? undefined) as "true" | "false" | undefined,
      sort: state.sort as "name",
    }),
    [state],
  );
  const key = JSON.stringify(filters);
  const pageCursors = cursors[key] ?? [undefined];
  const cursor = pageCursors[state.page - 1];
  const list = useQuery(trpc.customers.list.queryOptions({ ...filters, limit: PAGE, cursor }));
  const managers = useQuery({ ...trpc.accountManagers.list.queryOptions({ period: new Date().toISOString().slice(0, 4) }), enabled: user.role === "admin" });
  const nextCursor = list.data?.next ?? undefined;
  if (nextCursor && pageCursors[state.page] !== nextCursor) {
    const copy = [...pageCursors];
    copy[state.page] = nextCursor;
    setCursors({ ...cursors, [key]: copy });
  }
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE)) : 1;
  const reachable = Math.min(pages, pageCursors.length);

  const sortHeader = (label: string, field: string) => {
    const active = state.sort === field || state.sort === `-${field}`;
    const desc = state.sort === `-${field}`;
    return (
      <UnstyledButton
        onClick={() => setState({ sort: active && !desc ? `-${field}` : field })}
        aria-label={`Sort by ${label}${active ? (desc ? ", sorted descending" : ", sorted ascending") : ""}`}
      >
        <Group gap={4} wrap="nowrap">
          <Text fw={600} size="sm">
            {label}
          </Text>
          {active && (desc ? <IconSortDescending size={14} aria-hidden /> : <IconSortAscending size={14} aria-hidden />)}
        </Group>
      </UnstyledButton>
    );
  };

  const columns = [
    column.accessor("name", {
      header: () => sortHeader("Customer", "name"),
      cell: (c) => (
        <Anchor component={Link} to={`/customers/${encodeURIComponent(c.row.original.id)}`} size="sm">
          {c.getValue()}
        </Anchor>
      ),
    }),
    column.accessor("id", { header: () => sortHeader("Id", "id") }),
    column.accessor("tier", { header: () => sortHeader("Tier", "tier"), cell: (c) => TIER_WORDS[c.getValue()] ?? c.getValue() }),
    column.accessor("size", { header: "Size" }),
    column.accessor("segment", { header: "Segment", cell: (c) => SEGMENT_WORDS[c.getValue() as keyof typeof SEGMENT_WORDS] }),
    column.accessor("revenue", {
      header: () => sortHeader("Revenue 365 days", "revenue"),
      cell: (c) => formatValue(c.getValue(), "money", settings),
    }),
    column.accessor("creditPolicy", {
      header: "Credit policy",
      cell: (c) => (
        <Badge variant="light" color={CREDIT_COLOR[c.getValue()]}>
          {c.getValue()}
        </Badge>
      ),
    }),
    column.accessor("accountManager", { header: "Account manager", cell: (c) => c.getValue() ?? "—" }),
    column.accessor("industry", { header: "Industry", cell: (c) => c.getValue() ?? "—" }),
    column.accessor("region", { header: "Region", cell: (c) => c.getValue() ?? "—" }),
  ];
  const table = useReactTable({ data: (list.data?.customers ?? []) as Row[], columns, getCoreRowModel: getCoreRowModel(), manualSorting: true, manualPagination: true });

  const exportCsv = async () => {
    const rows: Row[] = [];
    let next: string | undefined;
    do {
      const page = await queryClient.fetchQuery(trpc.customers.list.queryOptions({ ...filters, limit: 500, cursor: next }));
      rows.push(...(page.customers as Row[]));
      next = page.next ?? undefined;
    } while (next);
    download(
      "customers.csv",
      toCsv(
        ["id", "name", "tier", "size", "segment", "revenue", "creditPolicy", "accountManager", "industry", "region", "incomplete"],
        rows.map((r) => [r.id, r.name, r.tier, r.size, r.segment, r.revenue, r.creditPolicy, r.accountManager, r.industry, r.region, r.incomplete]),
      ),
    );
  };

  const select = (label: string, filter: Filter, data: { value: string; label: string }[], w = 160) => (
    <Select label={label} placeholder="Any" clearable data={data} value={state[filter]} onChange={(value) => setState({ [filter]: value } as Partial<View>)} w={w} />
  );
  const words = (values: readonly string[], map?: Record<string, string>) => values.map((v) => ({ value: v, label: map?.[v] ?? v }));

  return (
    <Stack gap="lg" data-testid="customers-page">
      <PageHeader
        title="Customers"
        description={user.role === "account_manager" ? "Your customers: value segment, credit policy and who serves them." : "Every customer: value segment, credit policy and who serves them."}
        actions={
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} onClick={() => void exportCsv()}>
            Export CSV
          </Button>
        }
      />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setState({ search: search.trim() || null });
        }}
      >
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput label="Search name or id" value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={240} />
          <Button type="submit" variant="light">
            Search
          </Button>
          {select("Tier", "tier", words(TIERS, TIER_WORDS), 120)}
          {select("Size", "size", words(SIZES), 120)}
          {select("Segment", "segment", words(SEGMENTS, SEGMENT_WORDS), 140)}
          {select("Credit policy", "creditPolicy", words(CREDIT_POLICIES, CREDIT_WORDS), 200)}
          {select("Ownership", "ownership", words(OWNERSHIPS), 140)}
          {user.role === "admin" &&
            select(
              "Account manager",
              "accountManager",
              [{ value: "none", label: "Nobody" }, ...(managers.data?.managers ?? []).map((m) => ({ value: m.email, label: m.name }))],
              200,
            )}
          {select("Incomplete", "incomplete", [{ value: "true", label: "Incomplete" }, { value: "false", label: "Complete" }], 140)}
          <TextInput label="Industry" defaultValue={state.industry ?? ""} onBlur={(e) => setState({ industry: e.currentTarget.value.trim() || null })} w={140} />
          <TextInput label="Region" defaultValue={state.region ?? ""} onBlur={(e) => setState({ region: e.currentTarget.value.trim() || null })} w={140} />
        </Group>
      </form>
      {list.error ? (
        <QueryError title="Could not load the customers" error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton h={320} radius="md" />
      ) : list.data.customers.length === 0 ? (
        <EmptyState title="No customers here" description="Clear the search or a filter to see more customers." />
      ) : (
        <>
          <Text size="sm" c="dimmed" aria-live="polite">
            {list.data.total} customers
          </Text>
          <Table.ScrollContainer minWidth={900}>
            <Table striped withTableBorder aria-label="Customers">
              <Table.Thead>
                {table.getHeaderGroups().map((group) => (
                  <Table.Tr key={group.id}>
                    {group.headers.map((header) => (
                      <Table.Th key={header.id} scope="col">
                        {flexRender(header.column.columnDef.header, header.getContext())}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Thead>
              <Table.Tbody>
                {table.getRowModel().rows.map((row) => (
                  <Table.Tr key={row.id}>
                    {row.getVisibleCells().map((cell) => (
                      <Table.Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {pages > 1 && (
            <Pagination
              total={reachable}
              value={state.page}
              onChange={(page) => setState({ page }, { push: true })}
              getControlProps={(control) => ({ "aria-label": `${control} page` })}
              getItemProps={(page) => ({ "aria-label": `Page ${page}` })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
