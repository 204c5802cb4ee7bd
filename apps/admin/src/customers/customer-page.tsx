import { Alert, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useSession } from "../auth/session-context";
import { NotFoundPage } from "../components/not-found-page";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { formatValue } from "../lib/format";
import { trpc } from "../lib/trpc";
import { CustomerActivity } from "./activity";
import { CustomerKpis } from "./customer-kpis";
import { ACTION_WORDS, CREDIT_COLOR, CREDIT_WORDS, REASON_WORDS, SEGMENT_WORDS, TIER_WORDS, type Segment } from "./words";

const when = (iso: string | null, locale: string) => (iso ? new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" }) : "—");

/** One customer: tier, segment, suggested action, manager, credit policy and why, problems, open complaints and histories. */
export function CustomerPage() {
  const { id = "" } = useParams();
  const { settings } = useSession();
  const customer = useQuery(trpc.customers.get.queryOptions({ id }));
  if (customer.error?.data?.httpStatus === 404) return <NotFoundPage />;
  if (customer.error) return <QueryError title="Could not load the customer" error={customer.error} onRetry={() => void customer.refetch()} />;
  if (customer.isPending) return <Skeleton h={400} radius="md" />;
  const c = customer.data;
  const credit = c.creditPolicy;
  return (
    <Stack gap="lg" data-testid="customer-page">
      <PageHeader
        title={c.name}
        description={`${c.id}${c.industry ? ` · ${c.industry}` : ""}${c.region ? ` · ${c.region}` : ""}${c.incomplete ? " · incomplete record" : ""}`}
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Tier and segment
          </Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light">{TIER_WORDS[c.tier] ?? c.tier}</Badge>
            <Badge variant="outline">{SEGMENT_WORDS[c.segment as Segment]}</Badge>
          </Group>
          <Text size="sm" mt="xs">
            Revenue 365 days: {formatValue(c.revenue, "money", settings)}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Suggested action
          </Text>
          <Text fw={600} mt={4} data-testid="suggested-action">
            {ACTION_WORDS[c.suggestedAction]}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            Account manager
          </Text>
          <Text fw={600} mt={4}>
            {c.accountManager ?? "Nobody"}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md" data-testid="credit-policy">
          <Text size="sm" c="dimmed">
            Credit policy
          </Text>
          <Badge mt={4} variant="light" color={CREDIT_COLOR[credit.policy]}>
            {CREDIT_WORDS[credit.policy]}
          </Badge>
          <Text size="sm" mt="xs">
            {credit.record === "none"
              ? "No payments with a due date in the last 365 days."
              : `Payment record ${credit.record}: ${formatValue(credit.onTimeRate, "percent", settings)} on time of ${credit.payments} payments with a due date (365 days), size ${c.size}.`}
          </Text>
        </Paper>
      </SimpleGrid>
      <CustomerKpis customerId={c.id} revenue365={c.revenue} />
      {c.problems.length > 0 && (
        <Alert color="orange" title="Problems" data-testid="problems">
          {c.problems.map((p) => REASON_WORDS[p]).join(" · ")}
        </Alert>
      )}
      <section aria-labelledby="complaints-title">
        <Title order={2} size="h4" id="complaints-title" mb="xs">
          Open complaints
        </Title>
        {c.openComplaints.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open complaints.
          </Text>
        ) : (
          <Table withTableBorder aria-label="Open complaints">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Complaint</Table.Th>
                <Table.Th scope="col">Opened</Table.Th>
                <Table.Th scope="col">Severity</Table.Th>
                <Table.Th scope="col">Follow-ups</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.openComplaints.map((k) => (
                <Table.Tr key={`${k.source}/${k.id}`}>
                  <Table.Td>
                    {k.id} {k.overdue && <Badge color="red" variant="light">past SLA</Badge>}
                  </Table.Td>
                  <Table.Td>{when(k.occurredAt, settings.locale)}</Table.Td>
                  <Table.Td>{k.severity ?? "medium"}</Table.Td>
                  <Table.Td>{k.followUps.length === 0 ? "None yet" : k.followUps.map((f) => `visit ${when(f.occurredAt, settings.locale)}`).join(", ")}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <CustomerActivity customerId={c.id} />
      <SimpleGrid cols={{ base: 1, lg: 3 }}>
        <History title="Tier history" headers={["When", "From", "To"]} rows={c.tierHistory.map((t) => [when(t.at, settings.locale), t.from ? (TIER_WORDS[t.from] ?? t.from) : "—", TIER_WORDS[t.to] ?? t.to])} />
        <History
          title="Assignment history"
          headers={["Manager", "From", "Until", "How"]}
          rows={c.assignmentHistory.map((a) => [a.accountManager, a.from ? when(a.from, settings.locale) : "the start", a.to ? when(a.to, settings.locale) : "now", a.method])}
        />
        <History
          title="Credit-policy history"
          headers={["As of", "From", "To", "Record"]}
          rows={c.creditPolicyHistory.map((p) => [p.asOf, p.from ?? "—", p.to, p.record])}
        />
      </SimpleGrid>
    </Stack>
  );
}

function History({ title, headers, rows }: { title: string; headers: string[]; rows: string[][] }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={2} size="h5" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded.
        </Text>
      ) : (
        <Table aria-label={title}>
          <Table.Thead>
            <Table.Tr>
              {headers.map((h) => (
                <Table.Th key={h} scope="col">
                  {h}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((cell, j) => (
                  <Table.Td key={j}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
