import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvCell, csvFileName, toCsv } from "./csv";

describe("toCsv", () => {
  it("writes numbers as served and quotes text that needs it", () => {
    const csv = toCsv(
      ["name", "value", "share"],
      [
        ['Acme, "the" one', 1234.5678, 0.25],
        ["line\nbreak", null, -3],
      ],
    );
    expect(csv).toBe('name,value,share\r\n"Acme, ""the"" one",1234.5678,0.25\r\n"line\nbreak",,-3\r\n');
    expect(parse(csv, { columns: true })).toEqual([
      { name: 'Acme, "the" one', value: "1234.5678", share: "0.25" },
      { name: "line\nbreak", value: "", share: "-3" },
    ]);
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-12")).toBe("-12");
    expect(csvCell(true)).toBe("true");
  });

  it("names files without characters a file system minds", () => {
    expect(csvFileName("Sales", "scorecard", "2026-Q4")).toBe("sales-scorecard-2026-q4.csv");
    expect(csvFileName("", "")).toBe("export.csv");
  });
});
