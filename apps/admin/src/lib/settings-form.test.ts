import { describe, expect, it } from "vitest";
import {
  checkDraft,
  draftOf,
  recomputesMetrics,
  recomputingEffects,
  type OrgSettingsValues,
} from "./settings-form";

const SAVED: OrgSettingsValues = {
  timeZone: "UTC",
  churnDays: 180,
  complaintSlaHours: 24,
  currency: "USD",
  locale: "en-US",
  pyramidTopPercent: 1,
  pyramidBigPercent: 5,
  pyramidMediumPercent: 20,
  onTimePaymentThreshold: 90,
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

describe("the customer value and credit settings", () => {
  it.each([
    ["pyramidTopPercent", "", /Enter the percent: more than 0 and at most 100, up to 2 decimals/],
    ["pyramidBigPercent", "0", /more than 0 %/],
    ["pyramidMediumPercent", "-5", /more than 0 %/],
    ["onTimePaymentThreshold", "100.01", /at most 100 %/],
    ["onTimePaymentThreshold", "89.999", /At most 2 decimals/],
    ["pyramidTopPercent", "0.005", /At most 2 decimals/],
    ["pyramidMediumPercent", "12,5", /number in percent/],
    ["pyramidMediumPercent", "20 %", /number in percent/],
  ] as const)("refuses %s = %j with a message on the field", (field, text, message) => {
    const check = checkDraft({ ...draftOf(SAVED), [field]: text }, SAVED);
    expect(check.ok).toBe(false);
    expect(Object.keys(check.errors)).toEqual([field]);
    expect(check.errors[field]).toMatch(message);
  });

  it("keeps 2 decimals, the bounds and equal cut-offs exactly as typed", () => {
    const check = checkDraft(
      {
        ...draftOf(SAVED),
        pyramidTopPercent: "0.01",
        pyramidBigPercent: "12.50",
        pyramidMediumPercent: "12.5",
        onTimePaymentThreshold: "100",
      },
      SAVED,
    );
    expect(check).toEqual({
      ok: true,
      values: {
        ...SAVED,
        pyramidTopPercent: 0.01,
        pyramidBigPercent: 12.5,
        pyramidMediumPercent: 12.5,
        onTimePaymentThreshold: 100,
      },
      errors: {},
    });
  });

  it("names the changed field when the cut-offs do not nest (top ≤ big ≤ medium)", () => {
    const top = checkDraft({ ...draftOf(SAVED), pyramidTopPercent: "6" }, SAVED);
    expect(top.errors).toEqual({
      pyramidTopPercent:
        "Must be at most the top and big percent (5 %): the cut-offs nest, top ≤ big ≤ medium",
    });
    const big = checkDraft({ ...draftOf(SAVED), pyramidBigPercent: "0.5" }, SAVED);
    expect(big.errors).toEqual({
      pyramidBigPercent: "Must be at least the top percent (1 %): the cut-offs nest, top ≤ big ≤ medium",
    });
    const medium = checkDraft({ ...draftOf(SAVED), pyramidMediumPercent: "4.99" }, SAVED);
    expect(Object.keys(medium.errors)).toEqual(["pyramidMediumPercent"]);
    expect(medium.errors.pyramidMediumPercent).toMatch(/at least the top and big percent \(5 %\)/);
    // Both sides changed: both named.
    const both = checkDraft({ ...draftOf(SAVED), pyramidTopPercent: "15", pyramidBigPercent: "10" }, SAVED);
    expect(Object.keys(both.errors).sort()).toEqual(["pyramidBigPercent", "pyramidTopPercent"]);
    // Changed together in order, a new top above the saved big is fine.
    expect(
      checkDraft(
        { ...draftOf(SAVED), pyramidTopPercent: "10", pyramidBigPercent: "30", pyramidMediumPercent: "50.5" },
        SAVED,
      ).ok,
    ).toBe(true);
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
    expect(recomputesMetrics(SAVED, { ...SAVED, churnDays: 90 })).toBe(true);
  });

  it("names the effect of the cut-offs and the on-time threshold: segments and credit policies are recomputed", () => {
    const next = { ...SAVED, pyramidMediumPercent: 25.5, onTimePaymentThreshold: 80 };
    const effects = recomputingEffects(SAVED, next);
    expect(effects).toHaveLength(2);
    expect(effects[0]).toMatch(
      /^Value pyramid 1 \/ 5 \/ 20 % → 1 \/ 5 \/ 25\.5 % recomputes every customer's segment/,
    );
    expect(effects[0]).toMatch(/credit policies/);
    expect(effects[1]).toMatch(
      /^On-time payment threshold 90 → 80 % recomputes every customer's payment record and credit policy/,
    );
    // Segments and credit only: not every metric.
    expect(recomputesMetrics(SAVED, next)).toBe(false);
  });
});
