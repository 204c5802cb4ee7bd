import { describe, expect, it } from "vitest";
import { changedSettings, currencyOptions, localeOptions, timeZoneOptions } from "./org-options";

describe("organisation setting choices", () => {
  it("lists time zones with UTC first and keeps an unknown current value", () => {
    const zones = timeZoneOptions("Europe/Berlin");
    expect(zones[0]).toBe("UTC");
    expect(zones).toContain("Europe/Berlin");
    expect(new Set(zones).size).toBe(zones.length);
    expect(timeZoneOptions("Etc/Unknown")[1]).toBe("Etc/Unknown");
  });

  it("names currencies and locales", () => {
    expect(currencyOptions("EUR", "en-US").find((o) => o.value === "EUR")?.label).toBe("EUR — Euro");
    expect(localeOptions("de-DE", "en-US")[0]).toEqual({ value: "de-DE", label: "German (Germany) (de-DE)" });
  });

  it("sends only what changed", () => {
    expect(changedSettings({ a: 1, b: "x" }, { a: 2, b: "x" })).toEqual({ a: 2 });
    expect(changedSettings({ a: 1 }, { a: 1 })).toEqual({});
  });
});
