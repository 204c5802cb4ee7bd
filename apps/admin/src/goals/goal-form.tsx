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
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useSession } from "../auth/session-context";
import { FormAlert } from "../components/form-alert";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { formErrors } from "../lib/field-errors";
import { unitLabel, type Unit } from "../lib/format";
import { trpc } from "../lib/trpc";
import { periodOptions } from "./goal-period";
import {
  PERSPECTIVE_LABELS,
  PERSPECTIVES,
  targetProblem,
  targetRange,
  weightProblem,
  type Perspective,
} from "./goal-rules";

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
