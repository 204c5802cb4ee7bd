import { describe, expect, it } from "vitest";
import { todayIn } from "./dates";
import {
  alignedGrain,
  bucketRange,
  comparisonRange,
  defaultGrain,
  finerGrain,
  lastDay,
  resolveCustom,
  resolvePreset,
  runningBucket,
} from "./period";

const today = "2026-11-23";

describe("resolvePreset", () => {
  it("cuts this month up to and including today", () => {
    expect(resolvePreset("this_month", today)).toMatchObject({ from: "2026-11-01", to: "2026-11-24", grain: "day" });
  });

  it("cuts this quarter and last quarter on calendar quarters", () => {
    expect(resolvePreset("this_quarter", today)).toMatchObject({ from: "2026-10-01", to: "2026-11-24" });
    expect(resolvePreset("last_quarter", today)).toMatchObject({ from: "2026-07-01", to: "2026-10-01", grain: "week" });
    expect(resolvePreset("last_quarter", "2026-02-10")).toMatchObject({ from: "2025-10-01", to: "2026-01-01" });
  });

  it("takes year to date and the last twelve complete months", () => {
    expect(resolvePreset("year_to_date", today)).toMatchObject({ from: "2026-01-01", to: "2026-11-24", grain: "month" });
    expect(resolvePreset("last_12_months", today)).toMatchObject({ from: "2025-11-01", to: "2026-11-01", grain: "month" });
  });
});

describe("comparisonRange", () => {
  it("compares month to date with the same days of the previous month", () => {
    const period = resolvePreset("this_month", today);
    expect(comparisonRange(period, "previous")).toEqual({ from: "2026-10-01", to: "2026-10-24" });
    expect(comparisonRange(period, "year")).toEqual({ from: "2025-11-01", to: "2025-11-24" });
  });

  it("compares a quarter with the quarter before", () => {
    expect(comparisonRange(resolvePreset("last_quarter", today), "previous")).toEqual({
      from: "2026-04-01",
      to: "2026-07-01",
    });
  });

  it("compares the last 12 months with the 12 before", () => {
    expect(comparisonRange(resolvePreset("last_12_months", today), "previous")).toEqual({
      from: "2024-11-01",
      to: "2025-11-01",
    });
  });

  it("steps a custom range of whole months by months, any other by its length", () => {
    expect(comparisonRange(resolveCustom({ from: "2026-03-01", to: "2026-05-01" }), "previous")).toEqual({
      from: "2026-01-01",
      to: "2026-03-01",
    });
    expect(comparisonRange(resolveCustom({ from: "2026-03-10", to: "2026-03-20" }), "previous")).toEqual({
      from: "2026-02-28",
      to: "2026-03-10",
    });
  });

  it("clamps leap days when going back a year", () => {
    expect(comparisonRange(resolveCustom({ from: "2024-02-29", to: "2024-03-01" }), "year")).toEqual({
      from: "2023-02-28",
      to: "2023-03-01",
    });
  });
});

describe("grains", () => {
  it("picks a readable default grain by length", () => {
    expect(defaultGrain({ from: "2026-01-01", to: "2026-02-01" })).toBe("day");
    expect(defaultGrain({ from: "2026-01-01", to: "2026-04-01" })).toBe("week");
    expect(defaultGrain({ from: "2025-01-01", to: "2026-01-01" })).toBe("month");
    expect(defaultGrain({ from: "2020-01-01", to: "2026-01-01" })).toBe("quarter");
  });

  it("finds the coarsest grain the range is made of", () => {
    expect(alignedGrain({ from: "2026-11-01", to: "2026-11-24" })).toBe("day");
    // 2026-11-23 is a Monday: Monday to Monday is one ISO week.
    expect(alignedGrain({ from: "2026-11-23", to: "2026-11-30" })).toBe("week");
    expect(alignedGrain({ from: "2025-11-01", to: "2026-11-01" })).toBe("month");
    expect(alignedGrain({ from: "2026-10-01", to: "2027-01-01" })).toBe("quarter");
    expect(alignedGrain({ from: "2025-01-01", to: "2027-01-01" })).toBe("year");
    expect(finerGrain("month", "week")).toBe("week");
  });

  it("reports the inclusive last day", () => {
    expect(lastDay({ from: "2026-01-01", to: "2026-03-01" })).toBe("2026-02-28");
  });
});

describe("todayIn", () => {
  it("reads the calendar date in the organisation's time zone", () => {
    const instant = new Date("2026-11-23T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-11-23");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-11-24");
    expect(todayIn("America/New_York", instant)).toBe("2026-11-23");
  });
});

describe("buckets of a running period", () => {
  it("reads the dates of every kind of period label", () => {
    expect(bucketRange("2026-12")).toEqual({ from: "2026-12-01", to: "2027-01-01" });
    expect(bucketRange("2026-Q4")).toEqual({ from: "2026-10-01", to: "2027-01-01" });
    expect(bucketRange("2026-W01")).toEqual({ from: "2025-12-29", to: "2026-01-05" });
    expect(bucketRange("2026-W49")).toEqual({ from: "2026-11-30", to: "2026-12-07" });
    expect(bucketRange("2026-12-04")).toEqual({ from: "2026-12-04", to: "2026-12-05" });
    expect(bucketRange("2026")).toEqual({ from: "2026-01-01", to: "2027-01-01" });
    expect(bucketRange("nonsense")).toBeNull();
  });

  it("finds the running month of year to date, with its elapsed days", () => {
    const range = { from: "2026-01-01", to: "2026-12-05" };
    expect(runningBucket("2026-12", range, "2026-12-04")).toEqual({
      label: "2026-12",
      range: { from: "2026-12-01", to: "2027-01-01" },
      elapsedDays: 4,
    });
    // A finished period, or a last bucket that ends with the range, is whole.
    expect(runningBucket("2026-11", { from: "2025-12-01", to: "2026-12-01" }, "2026-12-04")).toBeNull();
    expect(runningBucket("2026-12-04", { from: "2026-12-01", to: "2026-12-05" }, "2026-12-04")).toBeNull();
  });
});
