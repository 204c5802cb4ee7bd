// Calm, dense and legible: neutral greys, one accent, tabular numbers.
import {
  createTheme,
  DEFAULT_THEME,
  Tooltip,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from "@mantine/core";

const brand: MantineColorsTuple = [
  "#eef2ff",
  "#e0e7ff",
  "#c7d2fe",
  "#a5b4fc",
  "#818cf8",
  "#6366f1",
  "#4f46e5",
  "#4338ca",
  "#3730a3",
  "#312e81",
];

/** WCAG relative luminance and contrast ratio of two #rrggbb colours. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = (hex.replace("#", "").match(/\w\w/g) ?? []).map((h) => {
    const v = parseInt(h, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** #rrggbb with every channel scaled by `1 - amount`. */
function darken(hex: string, amount: number): string {
  const channels = (hex.replace("#", "").match(/\w\w/g) ?? []).map((h) =>
    Math.round(parseInt(h, 16) * (1 - amount)),
  );
  return `#${channels.map((c) => c.toString(16).padStart(2, "0")).join("")}`;
}

/** `color` darkened in small steps until it reads at `ratio` on `background`. */
function darkEnough(color: string, background: string, ratio: number): string {
  let result = color;
  for (let step = 0.02; contrast(result, background) < ratio && step <= 1; step += 0.02)
    result = darken(color, step);
  return result;
}

/**
 * Mantine's palettes with shades 7–9 dark enough for text: shade 7 and 8 read on white and on the
 * page background (gray.0), shade 9 — the text of light badges and subtle buttons — on the palette's
 * own light background (shade 1). Green 9 on green 1 was 3.8:1, yellow 9 on yellow 1 2.7:1, green 8
 * on white 3.45:1. Shades 0–6 (backgrounds, filled buttons, chart series) are Mantine's.
 */
function readable(palette: readonly string[]): MantineColorsTuple {
  const page = "#f8f9fa";
  const [c0 = "", c1 = "", c2 = "", c3 = "", c4 = "", c5 = "", c6 = "", c7 = "", c8 = "", c9 = ""] = palette;
  const s7 = darkEnough(c7, page, 4.6);
  const s8 = darkEnough(c8, page, 5.2);
  const s9 = darkEnough(darkEnough(c9, c1, 4.8), page, 6);
  return [c0, c1, c2, c3, c4, c5, c6, s7, s8, s9];
}

const STATUS_PALETTES = [
  "red",
  "pink",
  "grape",
  "violet",
  "indigo",
  "blue",
  "cyan",
  "teal",
  "green",
  "lime",
  "yellow",
  "orange",
] as const;
const readablePalettes = Object.fromEntries(
  STATUS_PALETTES.map((name) => [name, readable(DEFAULT_THEME.colors[name])]),
) as Record<(typeof STATUS_PALETTES)[number], MantineColorsTuple>;

/** Gray 6 is what subtle grey buttons and outline badges write in (Mantine caps subtle text at shade 6). */
const gray = DEFAULT_THEME.colors.gray.map((c, i) =>
  i === 6 ? "#5f666d" : c,
) as unknown as MantineColorsTuple;

export const theme = createTheme({
  primaryColor: "brand",
  primaryShade: 6,
  colors: { brand, gray, ...readablePalettes },
  fontFamily:
    'Inter, "InterVariable", ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "600" },
  defaultRadius: "md",
  cursorType: "pointer",
  components: {
    Card: { defaultProps: { withBorder: true, radius: "md", padding: "lg" } },
    // A tooltip (a metric's definition, a figure's exact value) opens on keyboard focus and touch too.
    Tooltip: Tooltip.extend({ defaultProps: { events: { hover: true, focus: true, touch: true } } }),
  },
});

/**
 * Secondary text readable by everyone (WCAG AA, 4.5:1): Mantine's dimmed grey (#868e96) reaches
 * only 3.15:1 on the page background (gray.0) and its placeholder grey 2.07:1 on white. These pass on
 * white, gray.0, the hovered row (gray.1) and the active navigation item (brand.0).
 */
export const DIMMED_TEXT = "#5f666d";
export const PLACEHOLDER_TEXT = "#6b7178";

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": DIMMED_TEXT,
    "--mantine-color-placeholder": PLACEHOLDER_TEXT,
    // Text in a palette's name (`c="green"`) is its filled shade 6 by default, too light on white.
    ...Object.fromEntries(
      STATUS_PALETTES.map((name) => [`--mantine-color-${name}-text`, `var(--mantine-color-${name}-8)`]),
    ),
  },
  dark: {},
});
