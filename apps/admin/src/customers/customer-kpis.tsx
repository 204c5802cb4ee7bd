import { Sparkline } from "@mantine/charts";
import { Box, Paper, SimpleGrid, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useSession } from "../auth/session-context";
import { formatValue, type Unit } from "../lib/format";
import { trpc } from "../lib/trpc";

const KPIS: { key: string; label: string; unit: Unit }[] = [
  { key: "revenue", label: "Revenue", unit: "money" },
  { key: "orders", label: "Orders", unit: "count" },
  { key: "complaints", label: "Complaints", unit: "count" },
  { key: "praise", label: "Praise", unit: "count" },
];

/** The twelve calendar months up to and including this one: [first of the month 11 months ago, first of next month). */
function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    from: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1))),
    to: iso(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1))),
  };
}

/** Revenue (365 days), orders, complaints and praise of the customer with a monthly sparkline each. */
export function CustomerKpis({ customerId, revenue365 }: { customerId: string; revenue365: number }) {
  const range = lastTwelveMonths();
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} data-testid="customer-kpis">
      {KPIS.map((k) => (
        <Kpi key={k.key} customerId={customerId} kpi={k} range={range} figure={k.key === "revenue" ? revenue365 : null} />
      ))}
    </SimpleGrid>
  );
}

function Kpi({
  customerId,
  kpi,
  range,
  figure,
}: {
  customerId: string;
  kpi: (typeof KPIS)[number];
  range: { from: string; to: string };
  figure: number | null;
}) {
  const { settings } = useSession();
  const series = useQuery(trpc.metrics.series.queryOptions({ key: kpi.key, ...range, grain: "month", customer: customerId }));
  const points = series.data?.points.map((p) => p.value ?? 0) ?? [];
  const total = figure ?? points.reduce((a, b) => a + b, 0);
  return (
    <Paper withBorder p="md" radius="md">
      <Text size="sm" c="dimmed">
        {kpi.label} {kpi.key === "revenue" ? "(365 days)" : "(12 months)"}
      </Text>
      <Text fw={650} fz="lg">
        {series.isPending && figure === null ? "…" : formatValue(total, kpi.unit, settings)}
      </Text>
      {/* The figure says it; inert keeps the chart out of the tab order. */}
      <Box inert mt="xs">
        <Sparkline h={32} data={points.length > 0 ? points : [0, 0]} color="brand.5" fillOpacity={0.2} strokeWidth={1.5} curveType="monotone" aria-hidden />
      </Box>
    </Paper>
  );
}
