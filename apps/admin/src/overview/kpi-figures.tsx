import { Sparkline } from "@mantine/charts";
import { Group, Text, Tooltip } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight, IconMinus } from "@tabler/icons-react";
import { useSession } from "../auth/session-context";
import type { MetricDefinition } from "../hooks/use-metric-catalog";
import { changeTone, computeChange, formatChange, type Change, type Tone } from "../lib/change";
import { formatValue } from "../lib/format";
import type { Kpi } from "./use-kpi";

const TONE_COLORS: Record<Tone, string> = { better: "teal.7", worse: "red.7", neutral: "gray.6" };
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
  const change = computeChange(kpi.current.value, kpi.previous.value, unit);
  const tone = changeTone(change, metric.direction);
  const changeText = formatChange(change, settings);
  return (
    <>
      <Group gap={6} mt={6} align="baseline" wrap="nowrap">
        <Tooltip label={formatValue(kpi.current.value, unit, settings, "full")} withArrow position="top-start">
          <Text fz={28} fw={650} lh={1.2} lts={-0.5} data-testid="kpi-value" tabIndex={0}>
            {formatValue(kpi.current.value, unit, settings, "compact")}
          </Text>
        </Tooltip>
        {kpi.current.method === "mean" && (
          <Text size="xs" c="dimmed">
            avg per {kpi.grain}
          </Text>
        )}
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
        <Tooltip label={formatValue(kpi.previous.value, unit, settings, "full")} withArrow>
          <Text size="xs" c="dimmed" truncate>
            vs {formatValue(kpi.previous.value, unit, settings, "compact")}
          </Text>
        </Tooltip>
      </Group>
      <Sparkline
        mt="sm"
        h={40}
        data={kpi.points.map((p) => p.value)}
        color="brand.5"
        fillOpacity={0.2}
        strokeWidth={1.5}
        curveType="monotone"
        aria-hidden
      />
    </>
  );
}
