import {
  ActionIcon,
  Anchor,
  Autocomplete,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from "@mantine/core";
import { DatePickerInput } from "@mantine/dates";
import { IconChevronDown, IconChevronRight, IconFilterOff, IconSearch } from "@tabler/icons-react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { Instant } from "../components/instant";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDraftText } from "../hooks/use-draft-text";
import { useLabelledValue } from "../hooks/use-labelled-value";
import { useUrlState } from "../hooks/use-url-state";
import {
  actionLabel,
  changedFields,
  entityLabel,
  entityName,
  fieldLabel,
  KNOWN_ACTIONS,
  KNOWN_ENTITY_TYPES,
} from "../lib/audit-diff";
import { todayIn } from "../lib/dates";
import { countOf, RECORD } from "../lib/plural";
import { parseAuditListState, toggleId, writeAuditListState, type AuditListState } from "../lib/list-state";
import { dayRangeIn, startOfDayIn } from "../lib/time";
import { addDays } from "../lib/dates";
import { trpc } from "../lib/trpc";
import { DiffTable } from "./audit-changes";
import type { AuditRecord } from "./audit-timeline";

const PAGE_SIZE = 50;

function queryInput(state: AuditListState, timeZone: string) {
  const range =
    state.from && state.to
      ? dayRangeIn(state.from, state.to, timeZone)
      : {
          from: state.from ? startOfDayIn(state.from, timeZone) : undefined,
          to: state.to ? startOfDayIn(addDays(state.to, 1), timeZone) : undefined,
        };
  return {
    ...(state.entityType ? { entityType: state.entityType } : {}),
    ...(state.actor ? { actor: state.actor } : {}),
    ...(state.action ? { action: state.action } : {}),
    ...(range.from ? { from: range.from } : {}),
    ...(range.to ? { to: range.to } : {}),
    ...(state.before ? { before: state.before } : {}),
    limit: PAGE_SIZE,
  };
}

export function AuditPage() {
  const { settings } = useSession();
  const [state, update] = useUrlState(parseAuditListState, writeAuditListState);
  const audit = useQuery(
    trpc.audit.list.queryOptions(queryInput(state, settings.timeZone), { placeholderData: keepPreviousData, staleTime: 0 }),
  );
  const filtered = Boolean(state.entityType || state.actor || state.action || state.from || state.to);

  return (
    <Stack gap="lg">
      <PageHeader
        title="Audit log"
        description={`Every change of configuration: who, what, before and after. Times in ${settings.timeZone}${settings.timeZone === "UTC" ? "" : "; hover for UTC"}.`}
      />
      <Card padding={0}>
        <AuditFilters state={state} update={update} today={todayIn(settings.timeZone)} />
        {audit.error ? (
          <Stack p="md">
            <QueryError title="Could not load the audit log" error={audit.error} onRetry={() => void audit.refetch()} />
          </Stack>
        ) : !audit.data ? (
          <Stack p="md" gap="sm" aria-busy="true">
            {Array.from({ length: 8 }, (_, i) => (
              <Skeleton key={i} h={36} />
            ))}
          </Stack>
        ) : audit.data.items.length === 0 ? (
          <Stack py={48}>
            <EmptyState
              title={filtered ? "No record matches these filters" : "Nothing recorded yet"}
              description={
                filtered
                  ? "Widen the date range or clear a filter."
                  : "Changes to users, API keys and settings appear here as they happen."
              }
              action={
                filtered
                  ? { label: "Clear filters", onClick: () => update({ entityType: null, actor: "", action: "", from: null, to: null }) }
                  : undefined
              }
            />
          </Stack>
        ) : (
          <AuditTable
            records={audit.data.items}
            open={state.open}
            onToggle={(id) => update({ open: toggleId(state.open, id) })}
            busy={audit.isFetching}
          />
        )}
        <Group justify="space-between" p="md" style={{ borderTop: "1px solid var(--mantine-color-gray-3)" }}>
          <Text size="sm" c="dimmed">
            {audit.data
              ? `${countOf(audit.data.items.length, RECORD, settings.locale)}${state.before ? " (older page)" : ""}, newest first`
              : ""}
          </Text>
          <Group gap="xs">
            <Button variant="default" size="xs" disabled={!state.before} onClick={() => update({ before: null, open: [] }, { push: true })}>
              Newest
            </Button>
            <Button
              variant="default"
              size="xs"
              disabled={!audit.data?.nextBefore}
              rightSection={<IconChevronRight size={14} />}
              onClick={() => update({ before: audit.data?.nextBefore ?? null, open: [] }, { push: true })}
            >
              Older
            </Button>
          </Group>
        </Group>
      </Card>
    </Stack>
  );
}

type FiltersProps = {
  state: AuditListState;
  update: (patch: Partial<AuditListState>) => void;
  today: string;
};

function AuditFilters({ state, update, today }: FiltersProps) {
  const [actor, setActor] = useDraftText(state.actor, (value) => update({ actor: value.trim() }));
  const [action, setAction] = useDraftText(state.action, (value) => update({ action: value.trim() }));
  // The range picker reports its first click alone; the URL changes once both ends are set.
  const [range, setRange] = useState<[string | null, string | null]>([state.from, state.to]);
  const [seenRange, setSeenRange] = useState(`${state.from}|${state.to}`);
  if (seenRange !== `${state.from}|${state.to}`) {
    setSeenRange(`${state.from}|${state.to}`);
    setRange([state.from, state.to]);
  }
  const filtered = Boolean(state.entityType || state.actor || state.action || state.from || state.to);
  const rangeName = useLabelledValue("Date range");
  return (
    <Group gap="sm" p="md" wrap="wrap" style={{ borderBottom: "1px solid var(--mantine-color-gray-3)" }}>
      {rangeName.label}
      <Select
        aria-label="Entity type"
        placeholder="All entities"
        data={KNOWN_ENTITY_TYPES.map((type) => ({ value: type, label: entityLabel(type) }))}
        value={state.entityType}
        onChange={(value) => update({ entityType: value })}
        clearable
        w={150}
      />
      <TextInput
        aria-label="Actor"
        placeholder="Actor (email)"
        leftSection={<IconSearch size={15} />}
        value={actor}
        onChange={(e) => setActor(e.currentTarget.value)}
        w={190}
      />
      <Autocomplete
        aria-label="Action"
        placeholder="Action, e.g. user.update"
        data={KNOWN_ACTIONS.map((value) => ({ value, label: value }))}
        value={action}
        onChange={setAction}
        w={200}
        clearable
      />
      <DatePickerInput
        type="range"
        {...rangeName.props}
        placeholder="Any date"
        value={range}
        onChange={(value) => {
          setRange(value);
          if (value[0] && value[1]) update({ from: value[0], to: value[1] });
          if (!value[0] && !value[1]) update({ from: null, to: null });
        }}
        maxDate={today}
        valueFormat="MMM D, YYYY"
        allowSingleDateInRange
        clearable
        w={230}
        numberOfColumns={2}
        popoverProps={{ shadow: "md" }}
      />
      {filtered && (
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          leftSection={<IconFilterOff size={14} />}
          onClick={() => update({ entityType: null, actor: "", action: "", from: null, to: null })}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}

function EntityCell({ record }: { record: AuditRecord }) {
  const name = entityName(record);
  return (
    <div>
      <Text size="xs" c="dimmed" lh={1.3}>
        {entityLabel(record.entityType)}
      </Text>
      {record.entityType === "user" ? (
        <Anchor component={Link} to={`/settings/users?user=${encodeURIComponent(record.entityId)}`} size="sm" lh={1.3} onClick={(e) => e.stopPropagation()}>
          {name}
        </Anchor>
      ) : (
        <Text size="sm" lh={1.3}>
          {name}
        </Text>
      )}
    </div>
  );
}

type TableProps = { records: AuditRecord[]; open: number[]; onToggle: (id: number) => void; busy: boolean };

function AuditTable({ records, open, onToggle, busy }: TableProps) {
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing={8} fz="sm" aria-label="Audit records" aria-busy={busy} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <VisuallyHidden>Details</VisuallyHidden>
            </Table.Th>
            <Table.Th w={180}>When</Table.Th>
            <Table.Th w={200}>Actor</Table.Th>
            <Table.Th w={170}>Action</Table.Th>
            <Table.Th w={200}>Entity</Table.Th>
            <Table.Th>Changed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => {
            const expanded = open.includes(record.id);
            const changed = changedFields(record.before, record.after).filter((c) => !(c.kind === "added" && c.field === "id"));
            return (
              <Fragment key={record.id}>
                <Table.Tr
                  onClick={() => onToggle(record.id)}
                  style={{ cursor: "pointer" }}
                  data-testid={`audit-row-${record.id}`}
                  data-action={record.action}
                  bg={expanded ? "gray.0" : undefined}
                >
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={expanded ? "Hide before and after" : "Show before and after"}
                      aria-expanded={expanded}
                      onClick={(e) => {
                        e.stopPropagation();
                        onToggle(record.id);
                      }}
                    >
                      {expanded ? <IconChevronDown size={15} /> : <IconChevronRight size={15} />}
                    </ActionIcon>
                  </Table.Td>
                  <Table.Td>
                    <Instant value={record.at} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" truncate>
                      {record.actor}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray" radius="sm" tt="none" fw={500} title={record.action}>
                      {actionLabel(record.action)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <EntityCell record={record} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dimmed" lineClamp={1}>
                      {changed.length === 0 ? "—" : changed.map((c) => fieldLabel(c.field)).join(", ")}
                    </Text>
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr bg="gray.0" data-testid={`audit-diff-${record.id}`}>
                    <Table.Td />
                    <Table.Td colSpan={5} pb="md">
                      <DiffTable before={record.before} after={record.after} requestId={record.requestId} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
