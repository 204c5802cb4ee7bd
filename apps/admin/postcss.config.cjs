/* global module */
// Mantine's PostCSS preset: mixins (light/dark, hover, rtl) and rem() helpers.
module.exports = {
  plugins: {
    "postcss-preset-mantine": {},
  },
};
