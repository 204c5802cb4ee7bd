import "@mantine/charts/styles.css";
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Timeline,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { IconArrowLeft } from "@tabler/icons-react";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { useSession } from "../auth/session-context";
import { NotFoundPage } from "../components/not-found-page";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { useDepartments } from "../hooks/use-departments";
import { formErrors } from "../lib/field-errors";
import { departmentName } from "../lib/roles";
import { errorCode, errorMessage } from "../lib/trpc-errors";
import { trpc } from "../lib/trpc";
import { InitiativeForm } from "./initiative-form";
import { BudgetSection, LinkedGoals, MilestonesTable } from "./plan-tables";
import { INITIATIVE_COLOR, STATUS_WORDS, formatDate, type InitiativeDetail } from "./types";
import { SIGNOFF_COLOR, SIGNOFF_WORDS, signoffState } from "./signoff-state";

type Transition = "submit" | "start" | "complete" | "cancel";
const TRANSITION_WORDS: Record<Transition, string> = {
  submit: "Submit for sign-off",
  start: "Start",
  complete: "Mark done",
  cancel: "Cancel initiative",
};

/** One initiative: summary, the actions the signed-in person may take, sign-off, plan, goals, history. */
export function InitiativePage() {
  const { id = "" } = useParams();
  const detail = useQuery(trpc.initiatives.get.queryOptions({ id }));
  const departments = useDepartments();
  if (detail.error && errorCode(detail.error) === "NOT_FOUND") return <NotFoundPage />;
  if (detail.error)
    return (
      <QueryError
        title="Could not load the initiative"
        error={detail.error}
        onRetry={() => void detail.refetch()}
      />
    );
  if (!detail.data) return <Skeleton h={400} radius="md" aria-label="Loading the initiative" />;
  return <InitiativeView initiative={detail.data} departments={departments.data} />;
}

function InitiativeView({
  initiative,
  departments,
}: {
  initiative: InitiativeDetail;
  departments: { key: string; name: string }[] | undefined;
}) {
  const { settings } = useSession();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.initiatives.pathKey() });
  const options = { onSuccess: invalidate };
  const transitions = {
    submit: useMutation(trpc.initiatives.submit.mutationOptions(options)),
    start: useMutation(trpc.initiatives.start.mutationOptions(options)),
    complete: useMutation(trpc.initiatives.complete.mutationOptions(options)),
    cancel: useMutation(trpc.initiatives.cancel.mutationOptions(options)),
  };
  const failed = Object.values(transitions).find((m) => m.error);
  const name = (key: string) => departmentName(key, departments);
  const current = initiative.signoffs.filter((s) => s.current);

  return (
    <Stack gap="lg" data-testid="initiative-page">
      <Anchor component={Link} to="/roadmaps" size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Roadmaps
        </Group>
      </Anchor>
      <PageHeader
        title={initiative.title}
        description={`Owned by ${name(initiative.ownerDepartment)} · launch ${formatDate(initiative.launchAt, settings.locale)} · with ${initiative.departments.map(name).join(", ")}`}
        actions={
          <>
            <Badge
              size="lg"
              color={INITIATIVE_COLOR[initiative.status]}
              variant="light"
              data-testid="initiative-status"
              data-status={initiative.status}
            >
              {STATUS_WORDS[initiative.status]}
            </Badge>
            <Badge size="lg" variant="outline" color="gray" data-testid="initiative-version">
              Version {initiative.version}
            </Badge>
          </>
        }
      />
      {initiative.description && <Text size="sm">{initiative.description}</Text>}
      {initiative.warnings.length > 0 && (
        <Alert color="red" variant="light" title="Lead time" data-testid="warnings">
          {initiative.warnings.length === 1 ? "One plan starts" : `${initiative.warnings.length} plans start`}{" "}
          less than 90 days before launch; communication, education and incentives need 3 to 6 months.
        </Alert>
      )}
      <Group gap="sm" data-testid="initiative-actions">
        {initiative.actions.includes("edit") && (
          <Button variant="default" onClick={() => setEditing(true)}>
            Change scope
          </Button>
        )}
        {(["submit", "start", "complete", "cancel"] as const)
          .filter((t) => initiative.actions.includes(t))
          .map((t) => (
            <Button
              key={t}
              color={t === "cancel" ? "red" : undefined}
              variant={t === "cancel" ? "light" : "filled"}
              loading={transitions[t].isPending}
              onClick={() => {
                if (t === "cancel" && !window.confirm("Cancel this initiative? It cannot be reopened."))
                  return;
                transitions[t].mutate({ id: initiative.id });
              }}
            >
              {TRANSITION_WORDS[t]}
            </Button>
          ))}
        {initiative.actions.length === 0 && (
          <Text size="sm" c="dimmed">
            Nothing for you to do here now.
          </Text>
        )}
      </Group>
      {failed?.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(failed.error)}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="sm">
            Sign-off · version {initiative.version}
          </Title>
          {current.length === 0 ? (
            <Text size="sm" c="dimmed">
              Not submitted yet. Submitting asks every participating department to sign off.
            </Text>
          ) : (
            <Stack gap={6} data-testid="signoffs">
              {current.map((s) => (
                <Group
                  key={s.department}
                  justify="space-between"
                  data-department={s.department}
                  data-decision={signoffState(initiative.status, s.decision)}
                >
                  <Text size="sm">{name(s.department)}</Text>
                  <Group gap={6}>
                    {s.by && (
                      <Text size="xs" c="dimmed">
                        {s.by}
                      </Text>
                    )}
                    <Badge color={SIGNOFF_COLOR[signoffState(initiative.status, s.decision)]} variant="light">
                      {SIGNOFF_WORDS[signoffState(initiative.status, s.decision)]}
                    </Badge>
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
          {initiative.actions.includes("signoff") && (
            <SignoffPanel initiative={initiative} departments={departments} />
          )}
        </Paper>
        <HistoryTimeline initiative={initiative} departments={departments} />
      </SimpleGrid>
      <MilestonesTable initiative={initiative} departments={departments} />
      <BudgetSection initiative={initiative} departments={departments} />
      <LinkedGoals initiative={initiative} departments={departments} />
      {editing && <InitiativeForm opened initiative={initiative} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function SignoffPanel({
  initiative,
  departments,
}: {
  initiative: InitiativeDetail;
  departments: { key: string; name: string }[] | undefined;
}) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const pending = initiative.signoffs
    .filter((s) => s.current && s.decision === "pending")
    .map((s) => s.department)
    .filter((d) => user.role === "admin" || d === user.department);
  const [department, setDepartment] = useState<string | null>(pending[0] ?? null);
  const [comment, setComment] = useState("");
  const signoff = useMutation(
    trpc.initiatives.signoff.mutationOptions({
      onSuccess: async () => {
        setComment("");
        await queryClient.invalidateQueries({ queryKey: trpc.initiatives.pathKey() });
      },
    }),
  );
  const errors = formErrors(signoff.error, ["comment", "department"]);
  const chosen = pending.includes(department ?? "") ? department : (pending[0] ?? null);
  if (!chosen) return null;
  const decide = (decision: "approve" | "reject") =>
    signoff.mutate({ id: initiative.id, department: chosen, decision, comment: comment.trim() || null });
  return (
    <Stack gap="xs" mt="md" data-testid="signoff-panel">
      {user.role === "admin" && pending.length > 1 ? (
        <Select
          label="Sign off for"
          data={pending.map((d) => ({ value: d, label: departmentName(d, departments) }))}
          value={chosen}
          onChange={setDepartment}
          allowDeselect={false}
          error={errors.fields.department}
        />
      ) : (
        <Text size="sm" fw={600}>
          Your decision for {departmentName(chosen, departments)}
        </Text>
      )}
      <Textarea
        label="Comment"
        description="Required to reject: say what should change."
        autosize
        minRows={2}
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
        error={errors.fields.comment}
      />
      {errors.general && (
        <Alert color="red" variant="light" role="alert">
          {errors.general}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          color="green"
          onClick={() => decide("approve")}
          loading={signoff.isPending && signoff.variables?.decision === "approve"}
        >
          Approve
        </Button>
        <Button
          color="red"
          variant="light"
          onClick={() => decide("reject")}
          loading={signoff.isPending && signoff.variables?.decision === "reject"}
        >
          Reject
        </Button>
      </Group>
    </Stack>
  );
}

const HISTORY_WORDS: Record<string, string> = {
  created: "Created",
  edited: "Scope changed",
  reopened: "Scope changed, sign-off reopened",
  planned: "Plan updated",
  submitted: "Submitted for sign-off",
  approved: "Approved",
  rejected: "Rejected",
  started: "Started",
  completed: "Done",
  cancelled: "Cancelled",
};

function HistoryTimeline({
  initiative,
  departments,
}: {
  initiative: InitiativeDetail;
  departments: { key: string; name: string }[] | undefined;
}) {
  const { settings } = useSession();
  const when = (at: string) =>
    new Intl.DateTimeFormat(settings.locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: settings.timeZone,
    }).format(new Date(at));
  const entries = [...initiative.history].reverse();
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} fz="md" mb="sm">
        History
      </Title>
      <Timeline
        bulletSize={14}
        lineWidth={2}
        active={entries.length}
        data-testid="history"
        style={{ maxHeight: 360, overflowY: "auto" }}
        tabIndex={0}
        aria-label="History, newest first"
      >
        {entries.map((h, i) => (
          <Timeline.Item
            key={i}
            color={h.action === "rejected" ? "red" : h.action === "approved" ? "green" : "blue"}
            title={
              <Text size="sm" fw={600}>
                {HISTORY_WORDS[h.action] ?? h.action}
                {h.department ? ` · ${departmentName(h.department, departments)}` : ""} · v{h.version}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {h.by} · {when(h.at)}
            </Text>
            {h.comment && (
              <Text size="sm" fs="italic" data-testid="history-comment">
                “{h.comment}”
              </Text>
            )}
            {h.changes && Object.keys(h.changes).length > 0 && (
              <Text size="xs">
                Changed:{" "}
                {Object.keys(h.changes)
                  .filter((k) => k !== "version" && k !== "status")
                  .join(", ") || "status"}
              </Text>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
