import { VisuallyHidden } from "@mantine/core";
import type { ChartRow } from "./chart-rows";

type Props = {
  caption: string;
  rows: readonly ChartRow[];
  format: (value: number | null) => string;
  currentLabel: string;
  comparisonLabel: string;
};

/** The chart's numbers as a table for screen readers. */
export function ChartDataTable({ caption, rows, format, currentLabel, comparisonLabel }: Props) {
  return (
    <VisuallyHidden>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">{currentLabel}</th>
            <th scope="col">{comparisonLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.label}</th>
              <td>{format(row.current)}</td>
              <td>
                {row.comparisonPeriod ? `${format(row.comparison)} (${row.comparisonPeriod})` : format(row.comparison)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
