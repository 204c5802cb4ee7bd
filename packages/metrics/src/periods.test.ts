import { TZDate } from "@date-fns/tz";
import { addDays, format, startOfISOWeek } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MetricQueryError } from "./errors";
import {
  grains,
  labelOfPeriodStart,
  MAX_PERIODS,
  parsePeriodLabel,
  periodContaining,
  periodRange,
  periodsBetween,
  type Period,
} from "./periods";

const HOUR = 3_600_000;
const labels = (periods: Period[]) => periods.map((p) => p.label);
const iso = (d: Date) => d.toISOString();
const hours = (p: Period) => (p.end.getTime() - p.start.getTime()) / HOUR;

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricQueryError) return error.field;
    throw error;
  }
  return undefined;
}

describe("periodsBetween", () => {
  it("cuts days at local midnight, 23 and 25 hours long on DST days (Europe/Berlin)", () => {
    const spring = periodsBetween("2026-03-28", "2026-03-31", "day", "Europe/Berlin");
    expect(labels(spring)).toEqual(["2026-03-28", "2026-03-29", "2026-03-30"]);
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    expect(iso(spring[1]!.start)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(spring[1]!.end)).toBe("2026-03-29T22:00:00.000Z");

    const autumn = periodsBetween("2026-10-25", "2026-10-26", "day", "Europe/Berlin");
    expect(labels(autumn)).toEqual(["2026-10-25"]);
    expect(autumn.map(hours)).toEqual([25]);
    expect(iso(autumn[0]!.start)).toBe("2026-10-24T22:00:00.000Z");
  });

  it("handles America/New_York DST days and offsets", () => {
    const spring = periodsBetween("2026-03-07", "2026-03-10", "day", "America/New_York");
    expect(spring.map(hours)).toEqual([24, 23, 24]);
    expect(iso(spring[0]!.start)).toBe("2026-03-07T05:00:00.000Z");
    expect(iso(spring[2]!.start)).toBe("2026-03-09T04:00:00.000Z");
    const autumn = periodsBetween("2026-11-01", "2026-11-02", "day", "America/New_York");
    expect(autumn.map(hours)).toEqual([25]);
  });

  it("consecutive periods share their bounds", () => {
    const periods = periodsBetween("2026-01-01", "2027-01-01", "week", "Europe/Berlin");
    for (let i = 1; i < periods.length; i++) expect(periods[i]!.start).toEqual(periods[i - 1]!.end);
    // A week across the spring change is 167 hours long.
    expect(
      periods.find((p) => p.label === "2026-W13")!.end.getTime() -
        periods.find((p) => p.label === "2026-W13")!.start.getTime(),
    ).toBe(167 * HOUR);
  });

  it("labels ISO weeks by ISO week-year across year boundaries", () => {
    const a = periodsBetween("2025-12-22", "2026-01-12", "week", "UTC");
    expect(labels(a)).toEqual(["2025-W52", "2026-W01", "2026-W02"]);
    expect(iso(a[1]!.start)).toBe("2025-12-29T00:00:00.000Z");
    expect(iso(a[1]!.end)).toBe("2026-01-05T00:00:00.000Z");

    // 2026 has 53 ISO weeks; 1 January 2027 is a Friday of 2026-W53.
    expect(labels(periodsBetween("2027-01-01", "2027-01-05", "week", "UTC"))).toEqual([
      "2026-W53",
      "2027-W01",
    ]);
    // 1 January 2021 (a Friday) belongs to 2020-W53.
    expect(labels(periodsBetween("2021-01-01", "2021-01-02", "week", "UTC"))).toEqual(["2020-W53"]);
    // 31 December 2024 (a Tuesday) belongs to 2025-W01.
    expect(labels(periodsBetween("2024-12-31", "2025-01-01", "week", "UTC"))).toEqual(["2025-W01"]);
  });

  it("returns whole periods that partly intersect [from, to)", () => {
    const months = periodsBetween("2026-01-15", "2026-03-02", "month", "UTC");
    expect(labels(months)).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(iso(months[0]!.start)).toBe("2026-01-01T00:00:00.000Z");
    expect(iso(months[2]!.end)).toBe("2026-04-01T00:00:00.000Z");
    // `to` is exclusive: a range ending on the 1st does not reach into that month.
    expect(labels(periodsBetween("2026-01-15", "2026-03-01", "month", "UTC"))).toEqual([
      "2026-01",
      "2026-02",
    ]);
    expect(labels(periodsBetween("2026-01-31", "2026-02-01", "day", "UTC"))).toEqual(["2026-01-31"]);
    // A week starting mid-week.
    const week = periodsBetween("2026-01-07", "2026-01-08", "week", "UTC");
    expect(labels(week)).toEqual(["2026-W02"]);
    expect(iso(week[0]!.start)).toBe("2026-01-05T00:00:00.000Z");
  });

  it("labels quarters and years, cut in the organisation's zone", () => {
    const quarters = periodsBetween("2026-02-10", "2026-07-01", "quarter", "Europe/Berlin");
    expect(labels(quarters)).toEqual(["2026-Q1", "2026-Q2"]);
    expect(iso(quarters[0]!.start)).toBe("2025-12-31T23:00:00.000Z");
    expect(iso(quarters[1]!.start)).toBe("2026-03-31T22:00:00.000Z");
    expect(iso(quarters[1]!.end)).toBe("2026-06-30T22:00:00.000Z");

    const years = periodsBetween("2025-06-01", "2026-01-02", "year", "America/New_York");
    expect(labels(years)).toEqual(["2025", "2026"]);
    expect(iso(years[0]!.start)).toBe("2025-01-01T05:00:00.000Z");
    expect(iso(years[1]!.end)).toBe("2027-01-01T05:00:00.000Z");
  });

  it("handles zones whose midnight is skipped by DST (America/Santiago, 7 September 2025)", () => {
    const days = periodsBetween("2025-09-06", "2025-09-09", "day", "America/Santiago");
    expect(labels(days)).toEqual(["2025-09-06", "2025-09-07", "2025-09-08"]);
    // The day starts at the first valid instant, 01:00 local (-03).
    expect(iso(days[1]!.start)).toBe("2025-09-07T04:00:00.000Z");
    expect(days.map(hours)).toEqual([24, 23, 24]);
  });

  it("gives the same answers from its caches, per zone", () => {
    const utc = periodsBetween("2026-01-01", "2026-03-01", "month", "UTC").map((p) => iso(p.start));
    const berlin = periodsBetween("2026-01-01", "2026-03-01", "month", "Europe/Berlin").map((p) =>
      iso(p.start),
    );
    expect(utc).toEqual(["2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z"]);
    expect(berlin).toEqual(["2025-12-31T23:00:00.000Z", "2026-01-31T23:00:00.000Z"]);
    for (let i = 0; i < 3; i++) {
      expect(periodsBetween("2026-01-01", "2026-03-01", "month", "UTC").map((p) => iso(p.start))).toEqual(
        utc,
      );
      expect(
        periodsBetween("2026-01-01", "2026-03-01", "month", "Europe/Berlin").map((p) => iso(p.start)),
      ).toEqual(berlin);
    }
    // Each period gets Dates of its own: changing one changes no later answer.
    periodsBetween("2026-01-01", "2026-02-01", "month", "UTC")[0]!.start.setTime(0);
    expect(iso(periodsBetween("2026-01-01", "2026-02-01", "month", "UTC")[0]!.start)).toBe(utc[0]);
    // A zone once refused stays refused, a valid one stays valid.
    for (let i = 0; i < 2; i++) {
      expect(fieldOf(() => periodsBetween("2026-01-01", "2026-03-01", "day", "Mars/Olympus"))).toBe(
        "timeZone",
      );
      expect(fieldOf(() => periodsBetween("2026-01-01", "2026-03-01", "day", "Asia/Tokyo"))).toBeUndefined();
    }
  });

  it("validates its input with typed errors", () => {
    expect(fieldOf(() => periodsBetween("2026-02-01", "2026-02-01", "day", "UTC"))).toBe("to");
    expect(fieldOf(() => periodsBetween("2026-03-01", "2026-02-01", "day", "UTC"))).toBe("to");
    expect(fieldOf(() => periodsBetween("2026-02-30", "2026-03-01", "day", "UTC"))).toBe("from");
    expect(fieldOf(() => periodsBetween("2026-1-01", "2026-03-01", "day", "UTC"))).toBe("from");
    expect(fieldOf(() => periodsBetween("2026-01-01", "tomorrow", "day", "UTC"))).toBe("to");
    expect(fieldOf(() => periodsBetween("2026-01-01", "2026-03-01", "hour" as never, "UTC"))).toBe("grain");
    expect(fieldOf(() => periodsBetween("2026-01-01", "2026-03-01", "day", "Mars/Olympus"))).toBe("timeZone");
    expect(fieldOf(() => periodsBetween("2026-01-01", "2026-03-01", "day", "+01:00"))).toBe("timeZone");
    expect(fieldOf(() => periodsBetween("2000-01-01", "2030-01-01", "day", "UTC"))).toBe("to");
    expect(periodsBetween("2000-01-01", "2030-01-01", "month", "UTC")).toHaveLength(360);
    expect(MAX_PERIODS).toBeGreaterThanOrEqual(3660);
    expect(() => periodsBetween("2026-02-30", "2026-03-01", "day", "UTC")).toThrow(/YYYY-MM-DD/);
  });
});

describe("parsePeriodLabel / periodRange", () => {
  it("reads goal periods", () => {
    expect(parsePeriodLabel("2026-03")).toEqual({ grain: "month", from: "2026-03-01", to: "2026-04-01" });
    expect(parsePeriodLabel("2026-12")).toEqual({ grain: "month", from: "2026-12-01", to: "2027-01-01" });
    expect(parsePeriodLabel("2026-Q1")).toEqual({ grain: "quarter", from: "2026-01-01", to: "2026-04-01" });
    expect(parsePeriodLabel("2026-Q4")).toEqual({ grain: "quarter", from: "2026-10-01", to: "2027-01-01" });
    expect(parsePeriodLabel("2026")).toEqual({ grain: "year", from: "2026-01-01", to: "2027-01-01" });
  });

  it("reads week and day labels too", () => {
    expect(parsePeriodLabel("2026-W01")).toEqual({ grain: "week", from: "2025-12-29", to: "2026-01-05" });
    expect(parsePeriodLabel("2026-W53")).toEqual({ grain: "week", from: "2026-12-28", to: "2027-01-04" });
    expect(parsePeriodLabel("2026-02-28")).toEqual({ grain: "day", from: "2026-02-28", to: "2026-03-01" });
  });

  it("round-trips every label periodsBetween produces", () => {
    for (const grain of ["day", "week", "month", "quarter", "year"] as const) {
      for (const p of periodsBetween("2025-12-01", "2026-02-01", grain, "Europe/Berlin")) {
        const parsed = parsePeriodLabel(p.label);
        expect(parsed.grain).toBe(grain);
        expect(periodRange(p.label, "Europe/Berlin")).toEqual({ start: p.start, end: p.end });
      }
    }
  });

  it("rejects anything else", () => {
    for (const bad of [
      "2026-13",
      "2026-00",
      "2026-Q5",
      "2026-Q0",
      "26",
      "2025-W53",
      "2026-W00",
      "2026-W54",
      "2026-02-30",
      "2026-3",
      "",
    ]) {
      expect(
        fieldOf(() => parsePeriodLabel(bad)),
        bad,
      ).toBe("period");
    }
  });

  it("gives the instants of a period in a zone", () => {
    expect(periodRange("2026-Q1", "Europe/Berlin")).toEqual({
      start: new Date("2025-12-31T23:00:00Z"),
      end: new Date("2026-03-31T22:00:00Z"),
    });
    expect(periodRange("2026-03", "America/New_York")).toEqual({
      start: new Date("2026-03-01T05:00:00Z"),
      end: new Date("2026-04-01T04:00:00Z"),
    });
    expect(fieldOf(() => periodRange("2026-03", "Nowhere/Special"))).toBe("timeZone");
  });
});

describe("periodContaining", () => {
  it("finds the period of an instant in the organisation's zone", () => {
    const at = new Date("2026-01-31T23:30:00Z");
    expect(periodContaining(at, "month", "UTC").label).toBe("2026-01");
    expect(periodContaining(at, "month", "Europe/Berlin").label).toBe("2026-02");
    expect(periodContaining(new Date("2026-02-01T03:00:00Z"), "month", "America/New_York").label).toBe(
      "2026-01",
    );
    const week = periodContaining(new Date("2026-01-04T23:30:00Z"), "week", "Europe/Berlin");
    expect(week).toEqual({
      label: "2026-W02",
      start: new Date("2026-01-04T23:00:00Z"),
      end: new Date("2026-01-11T23:00:00Z"),
    });
  });
});

describe("calendar arithmetic", () => {
  const FORMATS = {
    day: "yyyy-MM-dd",
    week: "RRRR-'W'II",
    month: "yyyy-MM",
    quarter: "yyyy-'Q'Q",
    year: "yyyy",
  };
  const civilDay = fc
    .integer({ min: 0, max: 250 * 366 })
    .map((n) => addDays(new TZDate(1900, 0, 1, "UTC"), n));
  const zones = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
  ];

  it("agrees with date-fns on labels, period starts and local midnights", () => {
    fc.assert(
      fc.property(civilDay, fc.constantFrom(...grains), fc.constantFrom(...zones), (day, grain, zone) => {
        const date = format(day, "yyyy-MM-dd");
        const [period] = periodsBetween(date, format(addDays(day, 1), "yyyy-MM-dd"), grain, zone);
        const start =
          grain === "day"
            ? day
            : grain === "week"
              ? startOfISOWeek(day)
              : new TZDate(
                  day.getFullYear(),
                  grain === "year"
                    ? 0
                    : grain === "quarter"
                      ? day.getMonth() - (day.getMonth() % 3)
                      : day.getMonth(),
                  1,
                  "UTC",
                );
        expect(period!.label).toBe(format(start, FORMATS[grain]));
        expect(labelOfPeriodStart(date, grain)).toBe(period!.label);
        expect(period!.start.getTime()).toBe(
          new TZDate(start.getFullYear(), start.getMonth(), start.getDate(), zone).getTime(),
        );
        expect(parsePeriodLabel(period!.label).from).toBe(format(start, "yyyy-MM-dd"));
      }),
      { numRuns: 2000 },
    );
  });
});
