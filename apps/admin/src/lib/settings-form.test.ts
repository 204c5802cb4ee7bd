import { describe, expect, it } from "vitest";
import { checkDraft, draftOf, recomputingEffects, type OrgSettingsValues } from "./settings-form";

const SAVED: OrgSettingsValues = {
  timeZone: "UTC",
  churnDays: 180,
  complaintSlaHours: 24,
  currency: "USD",
  locale: "en-US",
};

describe("the organisation form's rules", () => {
  it("accepts the saved settings as they are", () => {
    expect(checkDraft(draftOf(SAVED))).toEqual({ ok: true, values: SAVED, errors: {} });
  });

  it("refuses a cleared field with a message instead of making up a value", () => {
    const cleared = checkDraft({ ...draftOf(SAVED), churnDays: "", complaintSlaHours: " " });
    expect(cleared.ok).toBe(false);
    expect(cleared.values).toBeNull();
    expect(cleared.errors.churnDays).toMatch(/Enter the days.*1 to 3650/);
    expect(cleared.errors.complaintSlaHours).toMatch(/Enter the hours.*more than 0.*8760/);
  });

  it.each([
    ["0", /at least 1 day/],
    ["-3", /at least 1 day/],
    ["3651", /at most 3650 days/],
    ["1.5", /whole number/],
    ["abc", /whole number of days from 1 to 3650/],
  ])("refuses churn after %s days", (text, message) => {
    const check = checkDraft({ ...draftOf(SAVED), churnDays: text });
    expect(check.ok).toBe(false);
    expect(check.errors.churnDays).toMatch(message);
  });

  it.each([
    ["0", /more than 0/],
    ["-1", /more than 0/],
    ["8760.5", /at most 8760/],
    ["1,5", /number of hours/],
  ])("refuses a complaint SLA of %s hours", (text, message) => {
    const check = checkDraft({ ...draftOf(SAVED), complaintSlaHours: text });
    expect(check.ok).toBe(false);
    expect(check.errors.complaintSlaHours).toMatch(message);
  });

  it("keeps decimals and the bounds exactly as typed", () => {
    const check = checkDraft({ ...draftOf(SAVED), churnDays: "3650", complaintSlaHours: "0.25" });
    expect(check.values).toEqual({ ...SAVED, churnDays: 3650, complaintSlaHours: 0.25 });
    expect(checkDraft({ ...draftOf(SAVED), churnDays: "1", complaintSlaHours: "8760" }).values).toEqual({
      ...SAVED,
      churnDays: 1,
      complaintSlaHours: 8760,
    });
  });

  it("refuses an empty choice of zone, currency or locale", () => {
    const check = checkDraft({ ...draftOf(SAVED), timeZone: "", currency: "", locale: "" });
    expect(Object.keys(check.errors).sort()).toEqual(["currency", "locale", "timeZone"]);
  });
});

describe("changes that recompute every metric", () => {
  it("names the effect of churn days, the SLA and the time zone, and nothing for formats", () => {
    expect(recomputingEffects(SAVED, { ...SAVED, currency: "EUR", locale: "de-DE" })).toEqual([]);
    const effects = recomputingEffects(SAVED, {
      ...SAVED,
      churnDays: 90,
      complaintSlaHours: 1,
      timeZone: "Europe/Berlin",
    });
    expect(effects).toHaveLength(3);
    expect(effects[0]).toMatch(/^Churn after 180 → 90 days changes churned customers for every period/);
    expect(effects[1]).toMatch(/^Complaint SLA 24 → 1 hour changes complaints within SLA/);
    expect(effects[2]).toMatch(/^Time zone UTC → Europe\/Berlin .*every metric of every period/);
  });
});
