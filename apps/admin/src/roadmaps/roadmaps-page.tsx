import "@mantine/charts/styles.css";
import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { IconPlus } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { useUrlState } from "../hooks/use-url-state";
import { departmentName } from "../lib/roles";
import { trpc } from "../lib/trpc";
import { ApprovalMatrix } from "./approval-matrix";
import { InitiativeForm } from "./initiative-form";
import { RoadmapTimeline } from "./timeline";
import {
  formatDate,
  INITIATIVE_COLOR,
  INITIATIVE_STATUSES,
  STATUS_WORDS,
  type InitiativeStatus,
} from "./types";

type View = { view: "timeline" | "matrix"; department: string | null; status: InitiativeStatus | null };

const parse = (params: URLSearchParams): View => {
  const status = params.get("status");
  return {
    view: params.get("view") === "matrix" ? "matrix" : "timeline",
    department: params.get("department"),
    status: (INITIATIVE_STATUSES as readonly string[]).includes(status ?? "")
      ? (status as InitiativeStatus)
      : null,
  };
};

const write = (prev: URLSearchParams, patch: Partial<View>) => {
  const next = new URLSearchParams(prev);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || (key === "view" && value === "timeline")) next.delete(key);
    else next.set(key, String(value));
  }
  return next;
};

const todayUtc = () => new Date().toISOString().slice(0, 10);

/** The customer roadmap: a timeline of initiatives and the approval matrix, filtered by department and status. */
export function RoadmapsPage() {
  const { user, settings } = useSession();
  const [state, setState] = useUrlState(parse, useCallback(write, []));
  const [creating, setCreating] = useState(false);
  const departments = useDepartments();
  const own = user.role === "department_head" ? (user.department ?? undefined) : undefined;
  const list = useQuery(
    trpc.initiatives.list.queryOptions({
      department: own ?? state.department ?? undefined,
      status: state.status ?? undefined,
    }),
  );
  const initiatives = list.data?.initiatives ?? [];
  const departmentOptions = (departments.data ?? []).map((d) => ({ value: d.key, label: d.name }));
  const columns = (departments.data ?? []).filter((d) => !state.department || d.key === state.department);

  return (
    <Stack gap="lg" data-testid="roadmaps-page">
      <PageHeader
        title="Roadmaps"
        description="Cross-department initiatives: what launches when, who has signed off, where plans start too late."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            New initiative
          </Button>
        }
      />
      <Group gap="md" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="View"
          value={state.view}
          onChange={(value) => setState({ view: value as View["view"] })}
          data={[
            { value: "timeline", label: "Timeline" },
            { value: "matrix", label: "Approval matrix" },
          ]}
        />
        {user.role === "admin" && (
          <Select
            label="Department"
            placeholder="Every department"
            clearable
            data={departmentOptions}
            value={state.department}
            onChange={(value) => setState({ department: value })}
            w={220}
          />
        )}
        <Select
          label="Status"
          placeholder="Every status"
          clearable
          data={INITIATIVE_STATUSES.map((s) => ({ value: s, label: STATUS_WORDS[s] }))}
          value={state.status}
          onChange={(value) => setState({ status: value as InitiativeStatus | null })}
          w={200}
        />
      </Group>
      {list.error ? (
        <QueryError
          title="Could not load the roadmap"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.isPending ? (
        <Skeleton h={320} radius="md" />
      ) : initiatives.length === 0 ? (
        <EmptyState
          title="No initiatives here"
          description="Create an initiative, or clear the filters to see every initiative."
          action={{ label: "New initiative", onClick: () => setCreating(true) }}
        />
      ) : state.view === "timeline" ? (
        <>
          <Paper withBorder p="md" radius="md">
            <RoadmapTimeline initiatives={initiatives} today={todayUtc()} locale={settings.locale} />
          </Paper>
          <Table.ScrollContainer minWidth={640}>
            <Table striped withTableBorder aria-label="Initiatives">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Initiative</Table.Th>
                  <Table.Th scope="col">Owner</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Launch</Table.Th>
                  <Table.Th scope="col">Warnings</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {initiatives.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/roadmaps/${i.id}`} size="sm">
                        {i.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{departmentName(i.ownerDepartment, departments.data)}</Table.Td>
                    <Table.Td>
                      <Badge color={INITIATIVE_COLOR[i.status]} variant="light" data-status={i.status}>
                        {STATUS_WORDS[i.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{formatDate(i.launchAt, settings.locale)}</Table.Td>
                    <Table.Td>
                      {i.warnings.length > 0 ? (
                        <Text size="sm" c="red.8" fw={600}>
                          ⚠ {i.warnings.length} lead time
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          none
                        </Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      ) : (
        <ApprovalMatrix initiatives={initiatives} departments={columns} locale={settings.locale} />
      )}
      {creating && <InitiativeForm opened onClose={() => setCreating(false)} />}
    </Stack>
  );
}
