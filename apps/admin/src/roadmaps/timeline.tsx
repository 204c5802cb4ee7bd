import { Group, Text } from "@mantine/core";
import { useNavigate } from "react-router";
import {
  Bar,
  BarChart,
  CartesianGrid,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import {
  BAR_FILL,
  KIND_GLYPH,
  KIND_WORDS,
  MILESTONE_KINDS,
  STATUS_WORDS,
  dateOf,
  dayOf,
  formatDate,
  spanOf,
  warningText,
  type InitiativeSummary,
} from "./types";

/*
 * The roadmap timeline: one range bar per initiative from its first milestone to its launch,
 * across quarters, milestone markers by kind inside the bar, a today line, a warning sign on bars
 * with a lead-time warning. A click opens the initiative; the list beside it does the same by keyboard.
 */

type Row = { id: string; title: string; span: [number, number]; initiative: InitiativeSummary };

/** Quarter starts covering [from, to]. */
export function quarterTicks(from: number, to: number): number[] {
  const start = new Date(from * 86_400_000);
  let year = start.getUTCFullYear();
  let month = Math.floor(start.getUTCMonth() / 3) * 3;
  const ticks: number[] = [];
  for (;;) {
    const day = Math.round(Date.UTC(year, month, 1) / 86_400_000);
    ticks.push(day);
    if (day > to) break;
    month += 3;
    if (month >= 12) {
      month = 0;
      year += 1;
    }
  }
  return ticks;
}

function quarterLabel(day: number): string {
  const d = new Date(day * 86_400_000);
  return `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`;
}

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; payload?: Row };

function InitiativeBar({
  x = 0,
  y = 0,
  width = 0,
  height = 0,
  payload,
  onOpen,
}: ShapeProps & { onOpen: (id: string) => void }) {
  if (!payload) return null;
  const [start, end] = payload.span;
  const scale = (day: number) => x + (end === start ? 0 : ((day - start) / (end - start)) * width);
  const { initiative } = payload;
  const warned = new Set(initiative.warnings.map((w) => w.milestoneId));
  const mid = y + height / 2;
  return (
    <g
      onClick={() => onOpen(initiative.id)}
      style={{ cursor: "pointer" }}
      data-testid="timeline-bar"
      data-title={initiative.title}
      data-status={initiative.status}
    >
      <rect
        x={x}
        y={y}
        width={Math.max(width, 4)}
        height={height}
        rx={4}
        fill={BAR_FILL[initiative.status]}
      />
      {initiative.milestones.map((m) => {
        const cx = scale(dayOf(m.startAt));
        return (
          <g key={m.id}>
            <circle
              cx={cx}
              cy={mid}
              r={7}
              fill={warned.has(m.id) ? "#b91c1c" : "#ffffff"}
              stroke="#111827"
              strokeWidth={1}
            />
            <text
              x={cx}
              y={mid + 3.5}
              textAnchor="middle"
              fontSize={9}
              fontWeight={700}
              fill={warned.has(m.id) ? "#ffffff" : "#111827"}
            >
              {KIND_GLYPH[m.kind]}
            </text>
          </g>
        );
      })}
      {initiative.warnings.length > 0 && (
        <text
          x={x + Math.max(width, 4) + 6}
          y={mid + 4}
          fontSize={12}
          fontWeight={700}
          fill="#b91c1c"
          data-testid="timeline-warning"
        >
          ⚠ {initiative.warnings.length}
        </text>
      )}
    </g>
  );
}

function TimelineTooltip({
  active,
  payload,
  locale,
}: {
  active?: boolean;
  payload?: { payload: Row }[];
  locale: string;
}) {
  const row = active ? payload?.[0]?.payload : undefined;
  if (!row) return null;
  const i = row.initiative;
  return (
    <div
      style={{
        background: "white",
        border: "1px solid #d1d5db",
        borderRadius: 6,
        padding: "8px 10px",
        maxWidth: 320,
      }}
    >
      <Text size="sm" fw={600}>
        {i.title}
      </Text>
      <Text size="xs">
        {STATUS_WORDS[i.status]} · version {i.version} · launch {formatDate(i.launchAt, locale)}
      </Text>
      {i.milestones.map((m) => (
        <Text size="xs" key={m.id}>
          {KIND_WORDS[m.kind]}: {m.title} from {formatDate(m.startAt, locale)}
        </Text>
      ))}
      {i.warnings.map((w) => (
        <Text size="xs" c="red.8" key={w.milestoneId}>
          ⚠ {i.milestones.find((m) => m.id === w.milestoneId)?.title ?? "A plan"} {warningText(w.days)}
        </Text>
      ))}
    </div>
  );
}

export function RoadmapTimeline({
  initiatives,
  today,
  locale,
}: {
  initiatives: InitiativeSummary[];
  today: string;
  locale: string;
}) {
  const navigate = useNavigate();
  const rows: Row[] = initiatives.map((i) => ({ id: i.id, title: i.title, span: spanOf(i), initiative: i }));
  const todayDay = dayOf(today);
  const from = Math.min(todayDay, ...rows.map((r) => r.span[0])) - 14;
  const to = Math.max(todayDay, ...rows.map((r) => r.span[1])) + 30;
  const ticks = quarterTicks(from, to);
  const domain: [number, number] = [ticks[0] ?? from, ticks[ticks.length - 1] ?? to];
  const open = (id: string) => void navigate(`/roadmaps/${id}`);
  return (
    <figure style={{ margin: 0 }} aria-labelledby="timeline-title">
      <Text id="timeline-title" fw={600} size="sm" mb={4}>
        Roadmap timeline: initiatives from first milestone to launch, by quarter
      </Text>
      <Group gap="md" mb="xs" aria-label="Legend">
        {MILESTONE_KINDS.map((kind) => (
          <Text size="xs" key={kind}>
            <b>{KIND_GLYPH[kind]}</b> {KIND_WORDS[kind]}
          </Text>
        ))}
        <Text size="xs" c="red.8">
          ● / ⚠ plan started too late for launch
        </Text>
      </Group>
      <div
        style={{ width: "100%", height: Math.max(140, rows.length * 44 + 60) }}
        data-testid="roadmap-timeline"
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            layout="vertical"
            margin={{ top: 24, right: 48, bottom: 8, left: 8 }}
            barCategoryGap={10}
          >
            <CartesianGrid horizontal={false} strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="span"
              domain={domain}
              ticks={ticks}
              tickFormatter={quarterLabel}
              allowDataOverflow
              fontSize={12}
              label={{ value: "Quarter", position: "insideBottomRight", offset: -4, fontSize: 12 }}
            />
            <YAxis type="category" dataKey="title" width={200} fontSize={12} interval={0} />
            <Tooltip content={<TimelineTooltip locale={locale} />} cursor={{ fill: "rgba(0,0,0,0.04)" }} />
            <ReferenceLine
              x={todayDay}
              stroke="#b91c1c"
              strokeDasharray="4 2"
              label={{ value: `Today ${dateOf(todayDay)}`, position: "top", fontSize: 11, fill: "#991b1b" }}
            />
            <Bar
              dataKey="span"
              isAnimationActive={false}
              shape={(props: ShapeProps) => <InitiativeBar {...props} onOpen={open} />}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
