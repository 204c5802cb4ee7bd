import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { FormAlert } from "../components/form-alert";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { formErrors } from "../lib/field-errors";
import { formatValue, unitLabel, type Unit } from "../lib/format";
import { startOfDayIn } from "../lib/time";
import { trpc } from "../lib/trpc";
import { parseGoalPeriod, periodOptions } from "./goal-period";
import {
  filterWords,
  PERSPECTIVE_LABELS,
  PERSPECTIVES,
  previewStatus,
  targetProblem,
  targetRange,
  weightProblem,
  type Perspective,
} from "./goal-rules";
import { StatusBadge } from "./status-badge";

const FIELDS = [
  "department",
  "metric",
  "period",
  "target",
  "weight",
  "perspective",
  "kind",
  "direction",
  "scope",
  "title",
  "promise",
  "filter.accountManager",
  "filter.customer",
] as const;

type Props = {
  opened: boolean;
  onClose: () => void;
  departments: readonly { key: string; name: string }[];
  catalog: readonly MetricDefinition[];
  /** A head's department is fixed. */
  department: string | null;
  period: string;
  today: string;
  onCreated: (goal: { id: string; state: string; department: string; period: string }) => void;
};

const UNIT_WORDS: Record<Unit, string> = {
  money: "an amount of money",
  count: "a whole count",
  ratio: "a ratio",
  percent: "a percentage 0–100",
  score: "a score −100 to 100",
  hours: "hours",
};

/** A new goal from a metric of the catalog: direction, unit and the target's range come from it. */
export function GoalForm({
  opened,
  onClose,
  departments,
  catalog,
  department,
  period,
  today,
  onCreated,
}: Props) {
  const { settings, user } = useSession();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({
    department: department ?? departments[0]?.key ?? "",
    metric: "",
    period,
    target: "" as number | string,
    weight: 1 as number | string,
    perspective: "customer" as Perspective,
    kind: "internal" as "internal" | "external",
    scope: "department" as "department" | "company",
    title: "",
    promise: "",
    accountManager: "",
    customer: "",
  });
  const [touched, setTouched] = useState(false);
  const create = useMutation(
    trpc.goals.create.mutationOptions({
      onSuccess: async (goal) => {
        await queryClient.invalidateQueries({ queryKey: trpc.goals.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.scorecards.pathKey() });
        onCreated(goal);
      },
    }),
  );
  const metric = catalog.find((m) => m.key === form.metric);
  const unit = (metric?.unit ?? "count") as Unit;
  const range = targetRange(unit);
  const server = formErrors(create.error, FIELDS);
  const local: Record<string, string | null> = {
    metric: metric ? null : "Choose a metric",
    target: metric ? targetProblem(form.target, unit) : null,
    weight: weightProblem(form.weight),
    promise:
      form.kind === "external" && !form.promise.trim()
        ? "An external goal needs the promise customers read"
        : null,
  };
  const error = (field: (typeof FIELDS)[number]) =>
    (touched ? local[field] : null) ?? server.fields[field] ?? null;
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm((prev) => ({ ...prev, [key]: value }));
    create.reset();
  };
  const filter = {
    ...(form.accountManager ? { accountManager: form.accountManager } : {}),
    ...(form.customer ? { customer: form.customer } : {}),
  };
  const filtered = Object.keys(filter).length > 0;
  const submit = () => {
    setTouched(true);
    if (Object.values(local).some(Boolean)) return;
    create.mutate({
      department: form.department,
      metric: form.metric,
      period: form.period,
      target: Number(form.target),
      weight: Number(form.weight),
      perspective: form.perspective,
      kind: form.kind,
      scope: form.scope,
      ...(filtered ? { filter } : {}),
      ...(form.title.trim() ? { title: form.title.trim() } : {}),
      ...(form.kind === "external" ? { promise: form.promise.trim() } : {}),
    });
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="New goal"
      closeButtonProps={{ "aria-label": "Close" }}
      size="lg"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <Stack gap="sm">
          {user.role === "department_head" && (
            <Text size="sm" c="dimmed">
              Your goal is proposed: it counts once an administrator accepts it.
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Department"
              data={departments.map((d) => ({ value: d.key, label: d.name }))}
              value={form.department}
              onChange={(value) => value && set("department", value)}
              disabled={department !== null}
              allowDeselect={false}
              error={error("department")}
              name="department"
            />
            <Select
              label="Period"
              data={periodOptions(today, settings.locale, form.period)}
              value={form.period}
              onChange={(value) => value && set("period", value)}
              allowDeselect={false}
              searchable
              error={error("period")}
              name="period"
            />
          </SimpleGrid>
          <Select
            label="Metric"
            placeholder="Choose a metric"
            data={catalog.map((m) => ({ value: m.key, label: m.name }))}
            value={form.metric || null}
            onChange={(value) => {
              const next = catalog.find((m) => m.key === value);
              setForm((prev) => ({
                ...prev,
                metric: value ?? "",
                title: prev.title || (next ? next.name : ""),
              }));
              create.reset();
            }}
            searchable
            error={error("metric")}
            description={
              metric
                ? `${metric.description} ${metric.direction === "higher" ? "Higher is better" : "Lower is better"}; the target is ${UNIT_WORDS[unit]}.`
                : undefined
            }
            name="metric"
            data-testid="goal-metric"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NumberInput
              label={`Target${metric ? ` (${unitLabel(unit, settings.currency)})` : ""}`}
              description={
                metric
                  ? `${metric.direction === "higher" ? "At least" : "At most"} this over the whole period`
                  : undefined
              }
              value={form.target}
              onChange={(value) => set("target", value)}
              min={range.min}
              max={range.max}
              allowDecimal={unit !== "count"}
              decimalScale={4}
              clampBehavior="none"
              error={error("target")}
              name="target"
              data-testid="goal-target"
            />
            <NumberInput
              label="Weight"
              description="Its share of the department's score"
              value={form.weight}
              onChange={(value) => set("weight", value)}
              min={0.01}
              max={1000}
              decimalScale={2}
              clampBehavior="none"
              error={error("weight")}
              name="weight"
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label="Perspective"
              data={PERSPECTIVES.map((p) => ({ value: p, label: PERSPECTIVE_LABELS[p] }))}
              value={form.perspective}
              onChange={(value) => value && set("perspective", value as Perspective)}
              allowDeselect={false}
              error={error("perspective")}
            />
            <Select
              label="Kind"
              data={[
                { value: "internal", label: "Internal" },
                { value: "external", label: "External (a promise)" },
              ]}
              value={form.kind}
              onChange={(value) => value && set("kind", value as "internal" | "external")}
              allowDeselect={false}
              error={error("kind")}
            />
            <Select
              label="Scope"
              data={[
                { value: "department", label: "This department" },
                { value: "company", label: "The whole company" },
              ]}
              value={form.scope}
              onChange={(value) => value && set("scope", value as "department" | "company")}
              allowDeselect={false}
              error={error("scope")}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {user.role === "admin" ? (
              <ManagerSelect
                year={today.slice(0, 4)}
                value={form.accountManager}
                onChange={(value) => set("accountManager", value)}
                error={error("filter.accountManager")}
              />
            ) : (
              <div />
            )}
            <CustomerSelect
              value={form.customer}
              onChange={(value) => set("customer", value)}
              error={error("filter.customer")}
            />
          </SimpleGrid>
          {metric && (
            <ActualPreview
              metric={metric}
              unit={unit}
              period={form.period}
              department={form.scope === "department" ? form.department : null}
              filter={filter}
              target={targetProblem(form.target, unit) === null ? Number(form.target) : null}
            />
          )}
          <TextInput
            label="Title"
            description="What the scorecard calls it; the metric's name when left empty"
            value={form.title}
            onChange={(event) => set("title", event.currentTarget.value)}
            maxLength={200}
            error={error("title")}
            name="title"
            data-testid="goal-title"
          />
          {form.kind === "external" && (
            <Textarea
              label="Promise"
              description="The sentence customers read on the bill of rights"
              value={form.promise}
              onChange={(event) => set("promise", event.currentTarget.value)}
              maxLength={500}
              autosize
              minRows={2}
              error={error("promise")}
              name="promise"
            />
          )}
          <FormAlert message={server.general} />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="goal-create">
              {user.role === "department_head" ? "Propose goal" : "Create goal"}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The managers the admin may read (`accountManagers.list`), by name; none = no filter. */
function ManagerSelect({
  year,
  value,
  onChange,
  error,
}: {
  year: string;
  value: string;
  onChange: (email: string) => void;
  error: string | null;
}) {
  const managers = useQuery(trpc.accountManagers.list.queryOptions({ period: year }));
  return (
    <Select
      label="Account manager"
      description="Count only the events attributed to this manager"
      placeholder={managers.isPending ? "Loading managers…" : "Any account manager"}
      data={(managers.data?.managers ?? []).map((m) => ({
        value: m.email,
        label: m.active ? `${m.name} (${m.email})` : `${m.name} (${m.email}, inactive)`,
      }))}
      value={value || null}
      onChange={(email) => onChange(email ?? "")}
      searchable
      clearable
      nothingFoundMessage={managers.error ? "Could not load the managers" : "No such manager"}
      error={error ?? (managers.error ? "Could not load the managers" : null)}
      name="accountManager"
      data-testid="goal-account-manager"
    />
  );
}

/** A customer found in the registry (`customers.list` with `search`: name or id); none = no filter. */
function CustomerSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error: string | null;
}) {
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const [term] = useDebouncedValue(search.trim(), 250);
  // The chosen customer's label is not a search of its own.
  const searching = term !== "" && term !== chosen?.label;
  const found = useQuery({
    ...trpc.customers.list.queryOptions({ search: term, limit: 20 }),
    enabled: searching,
  });
  const options = (found.data?.customers ?? []).map((c) => ({ value: c.id, label: `${c.name} · ${c.id}` }));
  const data = chosen && !options.some((o) => o.value === chosen.value) ? [chosen, ...options] : options;
  return (
    <Select
      label="Customer"
      description="Count only this customer's events; type a name or an id"
      placeholder="Any customer"
      data={data}
      value={value || null}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id ?? "");
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already (name or id); every option it found is shown.
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={
        !searching
          ? "Type a name or an id"
          : found.isFetching
            ? "Searching…"
            : found.error
              ? "Could not search"
              : "No customer found"
      }
      error={error}
      name="customer"
      data-testid="goal-customer"
    />
  );
}

/**
 * The metric over the chosen period with the goal's scope and filter, as the server will read the
 * goal's actual (`GET /metrics/{key}` for the period's from/to at its grain), and the status the
 * typed target would have.
 */
function ActualPreview({
  metric,
  unit,
  period,
  department,
  filter,
  target,
}: {
  metric: MetricDefinition;
  unit: Unit;
  period: string;
  department: string | null;
  filter: { accountManager?: string; customer?: string };
  target: number | null;
}) {
  const { settings } = useSession();
  const range = parseGoalPeriod(period);
  const series = useQuery({
    ...trpc.metrics.series.queryOptions({
      key: metric.key,
      from: range?.from ?? "",
      to: range?.to ?? "",
      grain: range?.grain ?? "quarter",
      ...(department ? { department } : {}),
      ...filter,
    }),
    enabled: range !== null,
  });
  if (!range) return null;
  const points = series.data?.points ?? [];
  const point = points.find((p) => p.period === period) ?? (points.length === 1 ? points[0] : undefined);
  const actual = point?.value ?? null;
  const start = Date.parse(startOfDayIn(range.from, settings.timeZone));
  const end = Date.parse(startOfDayIn(range.to, settings.timeZone));
  const now = Date.now();
  const elapsed = now <= start ? 0 : now >= end ? 1 : (now - start) / (end - start);
  const preview =
    target === null
      ? null
      : previewStatus({
          target,
          actual,
          additive: metric.additive,
          direction: metric.direction,
          elapsed,
          started: now > start,
        });
  const fmt = (value: number | null) => formatValue(value, unit, settings);
  const scope = [department ? "this department" : "the whole company", filterWords(filter)]
    .filter(Boolean)
    .join(" · ");
  return (
    <Group
      gap="xs"
      wrap="wrap"
      aria-live="polite"
      data-testid="goal-preview"
      data-actual={series.data ? String(actual ?? "") : undefined}
    >
      <Text size="sm">
        {series.error
          ? "The actual could not be read for this scope."
          : series.isPending
            ? "Reading the actual…"
            : `Actual so far: ${fmt(actual)} (${scope})`}
        {preview && series.data ? `; expected by now ${fmt(preview.expected)}` : ""}
      </Text>
      {preview && series.data && (
        <>
          <StatusBadge status={preview.status} />
          <Text size="xs" c="dimmed">
            preview
          </Text>
        </>
      )}
    </Group>
  );
}
