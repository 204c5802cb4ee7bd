import { describe, expect, it } from "vitest";
import { contrast, cssVariablesResolver, DIMMED_TEXT, PLACEHOLDER_TEXT, theme } from "./theme";

const WHITE = "#ffffff";
const PAGE = "#f8f9fa";

describe("the theme's text colours are readable (WCAG AA, 4.5:1)", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrast("#868e96", PAGE)).toBeCloseTo(3.15, 2);
    expect(contrast("#000000", WHITE)).toBeCloseTo(21, 5);
  });

  it("has dimmed text and placeholders that read on white, the page and a hovered row", () => {
    for (const background of [WHITE, PAGE, "#f1f3f5", "#eef2ff"]) {
      expect(contrast(DIMMED_TEXT, background)).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(PLACEHOLDER_TEXT, WHITE)).toBeGreaterThanOrEqual(4.5);
    const variables = cssVariablesResolver(theme as never).light;
    expect(variables["--mantine-color-dimmed"]).toBe(DIMMED_TEXT);
    expect(variables["--mantine-color-green-text"]).toBe("var(--mantine-color-green-8)");
  });

  it("has palette shades 7–9 that read as text, and light badges that read on their own background", () => {
    for (const [name, palette] of Object.entries(theme.colors ?? {})) {
      if (!palette || name === "dark" || name === "brand" || name === "gray") continue;
      for (const shade of [7, 8, 9]) {
        expect(contrast(palette[shade]!, PAGE), `${name}.${shade} on the page`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(palette[9]!, palette[1]!), `${name}.9 on ${name}.1`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(WHITE, palette[8]!), `white on ${name}.8`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(theme.colors!.gray![6]!, WHITE)).toBeGreaterThanOrEqual(4.5);
  });
});
