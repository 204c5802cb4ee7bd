import "@mantine/charts/styles.css";
import { Sparkline } from "@mantine/charts";
import {
  Badge,
  Box,
  Button,
  Group,
  Paper,
  Progress,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { useSession } from "../auth/session-context";
import { EmptyState } from "../components/empty-state";
import { PageHeader } from "../components/page-header";
import { QueryError } from "../components/query-error";
import { OWNERSHIPS } from "../customers/words";
import { PeriodSelect } from "../goals/period-select";
import { useGoalPeriod } from "../goals/use-goal-period";
import { formatChange } from "../lib/change";
import { formatValue, type LocaleSettings } from "../lib/format";
import { countOf } from "../lib/plural";
import { errorCode } from "../lib/trpc-errors";
import { trpc } from "../lib/trpc";
import type { BookCustomer } from "./book";
import { CustomerTable } from "./customer-table";
import { HandoverPanel } from "./handover-panel";
import { compareKpi, loadPercent, MANAGER_KPIS, TONE_COLOR, type KpiValues } from "./kpis";
import { ProfileForm, type Profile } from "./profile-form";

const CUSTOMER = { one: "customer", other: "customers" };
const LEVEL_WORDS: Record<string, string> = {
  senior: "Senior",
  intermediate: "Intermediate",
  junior: "Junior",
};
const PAGE = 50;

/**
 * One account manager (SPEC §8): profile, load, the KPIs of a period against the one before with
 * their history, and their customers. Admins edit the profile and hand the customers over; a manager
 * opens only their own page (another's is not found, as the API answers).
 */
export function ManagerPage() {
  const { user, settings } = useSession();
  const email = useParams().email ?? "";
  const { period, setPeriod } = useGoalPeriod();
  const profile = useQuery(trpc.accountManagers.get.queryOptions({ email }));
  const kpis = useQuery(
    trpc.accountManagers.kpis.queryOptions({ email, period }, { enabled: profile.isSuccess }),
  );
  const isAdmin = user.role === "admin";

  if (errorCode(profile.error) === "NOT_FOUND") {
    return (
      <Box data-testid="manager-not-found">
        <EmptyState
          height={400}
          heading={1}
          title="No such account manager"
          description={
            <>
              {isAdmin ? "Nobody with this email is an account manager." : "You can open your own page only."}{" "}
              <Button
                component={Link}
                to={isAdmin ? "/account-managers" : `/account-managers/${encodeURIComponent(user.email)}`}
                variant="subtle"
                size="compact-sm"
              >
                {isAdmin ? "Back to the leaderboard" : "Go to my page"}
              </Button>
            </>
          }
        />
      </Box>
    );
  }

  return (
    <Stack gap="lg" data-testid="manager-page">
      <PageHeader
        title={
          profile.data ? profile.data.name : <Skeleton h={30} w={220} component="span" display="block" />
        }
        description={
          <>
            {email}
            {profile.data && !profile.data.active && (
              <Badge ml="xs" color="gray" variant="light">
                Inactive
              </Badge>
            )}
          </>
        }
        actions={<PeriodSelect value={period} onChange={setPeriod} />}
      />
      {profile.error ? (
        <QueryError
          title="Could not load the account manager"
          error={profile.error}
          onRetry={() => void profile.refetch()}
        />
      ) : profile.isPending ? (
        <Skeleton h={220} radius="md" />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Paper withBorder p="md" radius="md" data-testid="manager-profile">
            <Title order={2} size="h4" mb="sm">
              Profile
            </Title>
            {isAdmin ? <ProfileForm profile={profile.data} /> : <ProfileFacts profile={profile.data} />}
          </Paper>
          <Stack gap="md">
            <Paper withBorder p="md" radius="md" data-testid="manager-load">
              <Title order={2} size="h4" mb="sm">
                Load
              </Title>
              <Text size="sm" mb={6}>
                Serves {countOf(profile.data.customers, CUSTOMER, settings.locale)} of {profile.data.capacity}{" "}
                ({Math.round(loadPercent(profile.data.customers, profile.data.capacity))}
                %)
              </Text>
              <Progress
                value={loadPercent(profile.data.customers, profile.data.capacity)}
                color={profile.data.customers >= profile.data.capacity ? "red" : "blue"}
                size="lg"
                aria-label={`${profile.data.name}: ${profile.data.customers} of ${profile.data.capacity} customers`}
              />
            </Paper>
            {isAdmin && (
              <Paper withBorder p="md" radius="md" data-testid="handover">
                <HandoverPanel manager={profile.data} locale={settings.locale} />
              </Paper>
            )}
          </Stack>
        </SimpleGrid>
      )}

      <section aria-labelledby="kpis-title">
        <Title order={2} size="h4" mb="xs" id="kpis-title">
          KPIs {period}
          {kpis.data && (
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              against {kpis.data.previousPeriod}
            </Text>
          )}
        </Title>
        {kpis.error ? (
          <QueryError
            title="Could not load the KPIs"
            error={kpis.error}
            onRetry={() => void kpis.refetch()}
          />
        ) : !kpis.data ? (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md">
            {MANAGER_KPIS.map((k) => (
              <Skeleton key={k.key} h={130} radius="md" />
            ))}
          </SimpleGrid>
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="md" data-testid="manager-kpis">
            {MANAGER_KPIS.map((k) => (
              <KpiTile
                key={k.key}
                kpi={k}
                values={kpis.data.kpis}
                previous={kpis.data.previousKpis}
                previousPeriod={kpis.data.previousPeriod}
                history={kpis.data.history}
                settings={settings}
              />
            ))}
          </SimpleGrid>
        )}
      </section>

      {profile.data && (
        <ManagerCustomers email={profile.data.email} name={profile.data.name} showRegistryLink={isAdmin} />
      )}
    </Stack>
  );
}

function ProfileFacts({ profile }: { profile: Profile }) {
  const list = (values: readonly string[]) => (values.length === 0 ? "—" : values.join(", "));
  const facts: [string, string][] = [
    ["Level", LEVEL_WORDS[profile.level] ?? profile.level],
    ["Specialties", list(profile.specialties)],
    ["Industries", list(profile.industries)],
    ["Ownerships", list(profile.ownerships.filter((o) => (OWNERSHIPS as readonly string[]).includes(o)))],
    ["Capacity", String(profile.capacity)],
  ];
  return (
    <Stack gap={6} component="dl" m={0}>
      {facts.map(([term, value]) => (
        <Group key={term} gap="xs" wrap="nowrap" align="baseline">
          <Text component="dt" size="sm" c="dimmed" w={110}>
            {term}
          </Text>
          <Text component="dd" size="sm" m={0}>
            {value}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

type TileProps = {
  kpi: (typeof MANAGER_KPIS)[number];
  values: KpiValues;
  previous: KpiValues;
  previousPeriod: string;
  history: { period: string; kpis: KpiValues }[];
  settings: LocaleSettings;
};

function KpiTile({ kpi, values, previous, previousPeriod, history, settings }: TileProps) {
  const cmp = compareKpi(kpi, values[kpi.key], previous[kpi.key]);
  const points = history.map((h) => h.kpis[kpi.key] ?? 0);
  const described = history
    .map((h) => `${h.period} ${formatValue(h.kpis[kpi.key], kpi.unit, settings)}`)
    .join(", ");
  return (
    <Paper withBorder p="md" radius="md" data-testid={`manager-kpi-${kpi.key}`}>
      <Text size="sm" c="dimmed" fw={500}>
        {kpi.label}
      </Text>
      <Text fz={24} fw={650} data-testid="kpi-value">
        {formatValue(cmp.value, kpi.unit, settings)}
      </Text>
      <Text size="xs" c={TONE_COLOR[cmp.tone]} data-tone={cmp.tone}>
        {cmp.delta === null
          ? "—"
          : `${cmp.delta > 0 ? "+" : ""}${formatValue(cmp.delta, kpi.unit, settings)}`}
        {cmp.change.kind !== "none" ? ` (${formatChange(cmp.change, settings)})` : ""} vs {previousPeriod} (
        {formatValue(cmp.previous, kpi.unit, settings)})
      </Text>
      <Box mt="xs" role="img" aria-label={`${kpi.label} by period: ${described}`}>
        <Box inert>
          <Sparkline
            h={32}
            data={points}
            color="brand.5"
            fillOpacity={0.2}
            strokeWidth={1.5}
            curveType="monotone"
            aria-hidden
          />
        </Box>
      </Box>
    </Paper>
  );
}

/** The registry filtered by the manager, a page at a time, each customer linking to its page. */
function ManagerCustomers({
  email,
  name,
  showRegistryLink,
}: {
  email: string;
  name: string;
  showRegistryLink: boolean;
}) {
  const { settings } = useSession();
  const list = useInfiniteQuery(
    trpc.customers.list.infiniteQueryOptions(
      { accountManager: email, sort: "-revenue", limit: PAGE },
      { getNextPageParam: (last) => last.next ?? undefined },
    ),
  );
  const rows = (list.data?.pages.flatMap((p) => p.customers) ?? []) as BookCustomer[];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <section aria-labelledby="customers-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="customers-title">
          Customers
          {list.data && (
            <Text span size="sm" c="dimmed" fw={400}>
              {" "}
              {countOf(total, CUSTOMER, settings.locale)}
            </Text>
          )}
        </Title>
        {showRegistryLink && (
          <Button
            component={Link}
            to={`/customers?accountManager=${encodeURIComponent(email)}`}
            variant="subtle"
            size="compact-sm"
          >
            Filter in the registry
          </Button>
        )}
      </Group>
      {list.error ? (
        <QueryError
          title="Could not load the customers"
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : list.isPending ? (
        <Skeleton h={200} radius="md" />
      ) : rows.length === 0 ? (
        <Paper withBorder p="lg" radius="md">
          <EmptyState
            title={`${name} serves no customers`}
            description="Assign customers from the account managers' proposals, or hand another manager's customers over to them."
          />
        </Paper>
      ) : (
        <>
          <CustomerTable label="Customers of the manager" rows={rows} testId="manager-customers" />
          {list.hasNextPage && (
            <Button
              variant="subtle"
              mt="xs"
              loading={list.isFetchingNextPage}
              onClick={() => void list.fetchNextPage()}
            >
              Show {Math.min(PAGE, total - rows.length)} more of {total - rows.length}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
