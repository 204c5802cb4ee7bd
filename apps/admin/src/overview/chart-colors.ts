// The selected period in the accent colour, the comparison in grey.
export const CURRENT_COLOR = "brand.6";
export const COMPARISON_COLOR = "gray.4";
export const CURRENT_CSS = "var(--mantine-color-brand-6)";
export const COMPARISON_CSS = "var(--mantine-color-gray-5)";
