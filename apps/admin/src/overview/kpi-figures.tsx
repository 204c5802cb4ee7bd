import { Sparkline } from "@mantine/charts";
import { Box, Group, Text, Tooltip } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { changeTone, computeChange, formatChange, type Change, type Tone } from "../lib/change";
import { formatPair, formatValue } from "../lib/format";
import { figureMeaning, type Kpi } from "./use-kpi";

// Shades dark enough for small text on white (4.5:1): teal.9 5.0:1, red.9 5.5:1.
const TONE_COLORS: Record<Tone, string> = { better: "teal.9", worse: "red.9", neutral: "dimmed" };
const TONE_WORDS: Record<Tone, string> = { better: "better", worse: "worse", neutral: "unchanged" };

function ChangeArrow({ change, tone }: { change: Change; tone: Tone }) {
  const delta = change.kind === "relative" ? change.ratio : change.kind === "points" ? change.points : 0;
  const Arrow = tone === "neutral" ? IconMinus : delta > 0 ? IconArrowUpRight : IconArrowDownRight;
  return <Arrow size={16} stroke={2} aria-hidden />;
}

type Props = { metric: MetricDefinition; kpi: Kpi };

/** Value, change against the comparison period, and the sparkline of a KPI card. */
export function KpiFigures({ metric, kpi }: Props) {
  const { settings } = useSession();
  const { unit } = metric;
  const change = computeChange(kpi.current, kpi.previous, unit);
  const [currentText, previousText] = formatPair(kpi.current, kpi.previous, unit, settings);
  const tone = changeTone(change, metric.direction);
  const changeText = formatChange(change, settings);
  return (
    <>
      <Group gap={6} mt={6} align="baseline" wrap="nowrap">
        <Tooltip label={formatValue(kpi.current, unit, settings, "full")} withArrow position="top-start">
          <Text fz={28} fw={650} lh={1.2} lts={-0.5} data-testid="kpi-value" tabIndex={0}>
            {currentText}
          </Text>
        </Tooltip>
        <Text size="xs" c="dimmed" data-testid="kpi-meaning">
          {figureMeaning(metric, kpi.running)}
        </Text>
      </Group>
      <Group gap={6} mt={2} wrap="nowrap">
        <Group
          gap={2}
          c={TONE_COLORS[tone]}
          wrap="nowrap"
          data-testid="kpi-change"
          data-tone={tone}
          aria-label={`${changeText}, ${TONE_WORDS[tone]}`}
        >
          {change.kind !== "none" && <ChangeArrow change={change} tone={tone} />}
          <Text size="sm" fw={600} c="inherit">
            {changeText}
          </Text>
        </Group>
        <Tooltip label={formatValue(kpi.previous, unit, settings, "full")} withArrow>
          <Text size="xs" c="dimmed" truncate tabIndex={0}>
            vs {previousText}
            {kpi.running ? " (same days)" : ""}
          </Text>
        </Tooltip>
      </Group>
      {/* The trend chart below says the same; inert keeps the sparkline's chart out of the tab order. */}
      <Box inert mt="sm">
        <Sparkline
          h={40}
          data={kpi.points.map((p) => p.value)}
          color="brand.5"
          fillOpacity={0.2}
          strokeWidth={1.5}
          curveType="monotone"
          aria-hidden
        />
      </Box>
    </>
  );
}
