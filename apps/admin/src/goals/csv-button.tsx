import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";
import { downloadCsv, toCsv, type CsvCell } from "./csv";

type Props = {
  /** What is downloaded, for the button's accessible name: "Download the scorecard as CSV". */
  what: string;
  fileName: string;
  header: readonly string[];
  rows: () => readonly (readonly CsvCell[])[];
  disabled?: boolean;
  testId?: string;
};

/** Downloads a table's or chart's rows, numbers as served. Hidden in print. */
export function CsvButton({ what, fileName, header, rows, disabled, testId }: Props) {
  return (
    <Button
      size="compact-xs"
      variant="subtle"
      color="gray.8"
      leftSection={<IconDownload size={14} />}
      aria-label={`Download ${what} as CSV`}
      disabled={disabled}
      onClick={() => downloadCsv(fileName, toCsv(header, rows()))}
      className="no-print"
      data-testid={testId}
    >
      CSV
    </Button>
  );
}
