// Calm, dense and legible: neutral greys, one accent, tabular numbers.
import { createTheme, Tooltip, type CSSVariablesResolver, type MantineColorsTuple } from "@mantine/core";

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

export const theme = createTheme({
  primaryColor: "brand",
  primaryShade: 6,
  colors: { brand },
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
  light: { "--mantine-color-dimmed": DIMMED_TEXT, "--mantine-color-placeholder": PLACEHOLDER_TEXT },
  dark: {},
});
