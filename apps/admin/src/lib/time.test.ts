import { describe, expect, it } from "vitest";
import { dayRangeIn, formatInstant, formatUtc, startOfDayIn } from "./time";

describe("instants in the organisation's time zone", () => {
  it("shows an instant in the zone and in UTC", () => {
    expect(formatInstant("2026-03-04T23:30:00.000Z", "Europe/Berlin", "en-GB")).toBe("5 Mar 2026, 00:30");
    expect(formatInstant("2026-03-04T23:30:00.000Z", "UTC", "en-GB")).toBe("4 Mar 2026, 23:30");
    expect(formatUtc("2026-03-04T23:30:09.120Z")).toBe("2026-03-04 23:30:09 UTC");
    expect(formatUtc("not a date")).toBe("not a date");
  });

  it("finds the instant a day starts, across daylight-saving changes", () => {
    expect(startOfDayIn("2026-01-15", "UTC")).toBe("2026-01-15T00:00:00.000Z");
    expect(startOfDayIn("2026-01-15", "Europe/Berlin")).toBe("2026-01-14T23:00:00.000Z");
    expect(startOfDayIn("2026-07-15", "Europe/Berlin")).toBe("2026-07-14T22:00:00.000Z");
    expect(startOfDayIn("2026-03-29", "Europe/Berlin")).toBe("2026-03-28T23:00:00.000Z");
    expect(startOfDayIn("2026-03-30", "Europe/Berlin")).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDayIn("2026-03-08", "America/New_York")).toBe("2026-03-08T05:00:00.000Z");
    expect(startOfDayIn("2026-06-01", "Asia/Kolkata")).toBe("2026-05-31T18:30:00.000Z");
  });

  it("covers whole days, the last one included", () => {
    expect(dayRangeIn("2026-02-01", "2026-02-28", "UTC")).toEqual({
      from: "2026-02-01T00:00:00.000Z",
      to: "2026-03-01T00:00:00.000Z",
    });
  });
});
