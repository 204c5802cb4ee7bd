import { Alert, Anchor, Badge, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { trpc } from "../lib/trpc";
import { INITIATIVE_COLOR, STATUS_WORDS, formatDate, type InitiativeSummary } from "./types";

/** The current sign-off of `department` is open. */
export function waitsFor(initiative: InitiativeSummary, department: string): boolean {
  return (
    initiative.status === "in_review" &&
    initiative.signoffs.some((s) => s.department === department && s.decision === "pending")
  );
}

/**
 * The initiatives a department takes part in, for its page; for its head, the ones waiting for
 * their sign-off come first under "Waiting for your sign-off". `part` shows only one of the two
 * (the page puts the waiting ones at its top and the list further down).
 */
export function DepartmentInitiatives({
  department,
  part = "all",
}: {
  department: string;
  part?: "waiting" | "list" | "all";
}) {
  const { user, settings } = useSession();
  const list = useQuery(trpc.initiatives.list.queryOptions({ department }));
  const isHead = user.role === "department_head" && user.department === department;
  if (list.isPending) return <Skeleton h={80} radius="md" />;
  if (list.error) return null;
  const initiatives = list.data.initiatives;
  const waiting = initiatives.filter((i) => waitsFor(i, department));
  if (part === "waiting" && !(isHead && waiting.length > 0)) return null;
  return (
    <Stack gap="sm" data-testid={part === "waiting" ? "department-waiting" : "department-initiatives"}>
      {part !== "list" && isHead && waiting.length > 0 && (
        <Alert color="yellow" variant="light" title="Waiting for your sign-off" data-testid="waiting-signoff">
          <Stack gap={4}>
            {waiting.map((i) => (
              <Anchor key={i.id} component={Link} to={`/roadmaps/${i.id}`} size="sm">
                {i.title} · version {i.version} · launch {formatDate(i.launchAt, settings.locale)}
              </Anchor>
            ))}
          </Stack>
        </Alert>
      )}
      {part !== "waiting" && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} fz="md" mb="xs">
            Roadmap initiatives
          </Title>
          {initiatives.length === 0 ? (
            <Text size="sm" c="dimmed">
              This department takes part in no initiative yet.
            </Text>
          ) : (
            <Stack gap={6}>
              {initiatives.map((i) => (
                <Group key={i.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/roadmaps/${i.id}`} size="sm">
                    {i.title}
                  </Anchor>
                  <Group gap={6} wrap="nowrap">
                    {i.warnings.length > 0 && (
                      <Text size="xs" c="red.8" fw={600}>
                        ⚠ lead time
                      </Text>
                    )}
                    <Text size="xs" c="dimmed">
                      {formatDate(i.launchAt, settings.locale)}
                    </Text>
                    <Badge color={INITIATIVE_COLOR[i.status]} variant="light" size="sm">
                      {STATUS_WORDS[i.status]}
                    </Badge>
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Paper>
      )}
    </Stack>
  );
}
