/** Inter (variable, Latin) from the local package: no network at build time; Korean uses system fonts. */
import localFont from "next/font/local";

export const inter = localFont({
  src: "../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  weight: "100 900",
  display: "swap",
  // Not preloaded: the first screen's product images matter more than Latin glyphs (the system
  // fallback is metric-adjusted, so the swap does not shift the layout).
  preload: false,
});
