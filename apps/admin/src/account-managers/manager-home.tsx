import "@mantine/charts/styles.css";
import { Anchor, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { QueryError } from "../components/query-error";
import { useMetricCatalog } from "../hooks/use-metric-catalog";
import { useView } from "../hooks/use-view";
import { formatRange } from "../lib/format";
import { patchParams } from "../lib/list-state";
import { countOf } from "../lib/plural";
import { trpc } from "../lib/trpc";
import { KpiCard } from "../overview/kpi-card";
import { splitBook, type BookCustomer } from "./book";
import { CustomerTable } from "./customer-table";
import { MANAGER_KPIS } from "./kpis";

const PROBLEM_CUSTOMER = { one: "problem customer", other: "problem customers" };
const CUSTOMER = { one: "customer", other: "customers" };
const COMPARE_WORDS = { previous: "the previous period", year: "the same period last year" } as const;
/** Customers without a problem shown before "Show all". */
const FIRST_ROWS = 25;
/** Large pages: a manager's book is read whole, so problem customers are never cut off. */
const PAGE = 500;

/**
 * An account manager's home (SPEC §8, §7): their customers with the problem customers first, each
 * with its reasons and the suggested action, then the rest; and their own KPIs for the top bar's
 * period against its comparison. The server answers only the manager's own customers and figures.
 */
export function ManagerHome() {
  const { user, settings } = useSession();
  const { view } = useView();
  const [params, setParams] = useSearchParams();
  const showAll = params.get("customers") === "all";
  const catalog = useMetricCatalog();
  const problems = useQuery(trpc.customers.problems.queryOptions({}));
  const book = useInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(
      { sort: "-revenue", limit: PAGE },
      { getNextPageParam: (last) => last.next ?? undefined },
    ),
  );
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = book;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const customers = useMemo(
    () => (book.data?.pages.flatMap((p) => p.customers) ?? []) as BookCustomer[],
    [book.data],
  );
  const split = useMemo(
    () => splitBook(customers, problems.data?.customers ?? []),
    [customers, problems.data],
  );
  const total = book.data?.pages[0]?.total ?? 0;
  const loading = book.isPending || problems.isPending || hasNextPage;
  const bookError = book.error ?? problems.error;
  const metrics = MANAGER_KPIS.flatMap((k) => {
    const metric = catalog.data?.find((m) => m.key === k.key);
    return metric ? [metric] : [];
  });
  const rest = showAll ? split.rest : split.rest.slice(0, FIRST_ROWS);

  return (
    <Stack gap="xl" data-testid="manager-home">
      <Group justify="space-between" align="flex-end" gap="md">
        <header>
          <Title order={1} fz={24} fw={650} lts={-0.3} data-testid="overview-title">
            My customers and results
          </Title>
          <Text c="dimmed" size="sm" mt={4} data-testid="period-summary">
            {formatRange(view.period, settings.locale)} compared with {COMPARE_WORDS[view.compare]} (
            {formatRange(view.comparison, settings.locale)})
          </Text>
        </header>
        <Button component={Link} to={`/account-managers/${encodeURIComponent(user.email)}`} variant="default">
          My profile and load
        </Button>
      </Group>

      <section aria-labelledby="problem-title">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="lg" fw={600} id="problem-title">
            Problem customers
          </Title>
          {!loading && !bookError && (
            <Text size="sm" c="dimmed" aria-live="polite">
              {countOf(split.problems.length, PROBLEM_CUSTOMER, settings.locale)} of{" "}
              {countOf(total, CUSTOMER, settings.locale)}
            </Text>
          )}
        </Group>
        {bookError ? (
          <QueryError
            title="Could not load your customers"
            error={bookError}
            onRetry={() => {
              void book.refetch();
              void problems.refetch();
            }}
          />
        ) : loading ? (
          <Skeleton h={180} radius="md" />
        ) : total === 0 ? (
          <Paper withBorder p="lg" radius="md">
            <EmptyState
              title="No customers yet"
              description="An administrator assigns customers to you; they appear here with what to do next."
            />
          </Paper>
        ) : split.problems.length === 0 ? (
          <Paper withBorder p="lg" radius="md">
            <EmptyState
              title="No problem customers"
              description="None of your customers has rising complaints, late payments, falling spend or an open complaint past its SLA."
            />
          </Paper>
        ) : (
          <CustomerTable label="Problem customers" rows={split.problems} reasons testId="problem-customers" />
        )}
      </section>

      <section aria-label="Key figures">
        <Group justify="space-between" mb="xs">
          <Title order={2} fz="lg" fw={600}>
            My KPIs
          </Title>
          <Anchor component={Link} to={`/account-managers/${encodeURIComponent(user.email)}`} size="sm">
            By quarter, with the history
          </Anchor>
        </Group>
        {catalog.error ? (
          <QueryError
            title="Could not load the metric catalog"
            error={catalog.error}
            onRetry={() => void catalog.refetch()}
          />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
            {catalog.isPending
              ? MANAGER_KPIS.map((k) => <Skeleton key={k.key} h={150} radius="md" />)
              : metrics.map((metric) => <KpiCard key={metric.key} metric={metric} view={view} filter={{}} />)}
          </SimpleGrid>
        )}
      </section>

      {!bookError && !loading && split.rest.length > 0 && (
        <section aria-labelledby="rest-title">
          <Group justify="space-between" mb="xs">
            <Title order={2} fz="lg" fw={600} id="rest-title">
              My other customers
            </Title>
            <Anchor component={Link} to="/customers?sort=-revenue" size="sm">
              Search and filter in the registry
            </Anchor>
          </Group>
          <CustomerTable label="Other customers" rows={rest} testId="other-customers" />
          {split.rest.length > FIRST_ROWS && (
            <Button
              variant="subtle"
              mt="xs"
              onClick={() =>
                setParams((prev) => patchParams(prev, { customers: showAll ? null : "all" }), {
                  replace: true,
                })
              }
            >
              {showAll ? `Show the first ${FIRST_ROWS}` : `Show all ${split.rest.length}`}
            </Button>
          )}
        </section>
      )}
    </Stack>
  );
}
