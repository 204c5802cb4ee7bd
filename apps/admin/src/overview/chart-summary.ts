// What a trend chart shows, in one sentence: its name for assistive technology
// (the chart is an image to them; the table after it holds every value).
import type { ChartRow } from "./chart-rows";

type Summary = {
  title: string;
  rows: readonly ChartRow[];
  format: (value: number) => string;
  currentLabel: string;
  comparisonLabel: string;
};

export function chartSummary({ title, rows, format, currentLabel, comparisonLabel }: Summary): string {
  const points = rows.flatMap((row) =>
    row.current === null ? [] : [{ label: row.label, value: row.current }],
  );
  const head = `${title}, ${currentLabel} compared with ${comparisonLabel}`;
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return `${head}: no values.`;
  const low = points.reduce((a, b) => (b.value < a.value ? b : a));
  const high = points.reduce((a, b) => (b.value > a.value ? b : a));
  const range =
    points.length === 1
      ? `${format(first.value)} in ${first.label}`
      : `from ${format(first.value)} in ${first.label} to ${format(last.value)} in ${last.label}; ` +
        `lowest ${format(low.value)} in ${low.label}, highest ${format(high.value)} in ${high.label}`;
  return `${head}: ${range}. Every value is in the table that follows.`;
}
