/** Number formatting of the platform page: "—" for no data, ko-KR digits, ms below a second. */

export const NO_DATA = "—";

const rateFormat = new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat("ko-KR", {
  style: "percent",
  maximumFractionDigits: 2,
});
const countFormat = new Intl.NumberFormat("ko-KR");

const known = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

/** 12.345 → "12.35" (requests per second). */
export function formatRate(value: number | null | undefined): string {
  return known(value) ? rateFormat.format(value) : NO_DATA;
}

/** 0.0421 → "42 ms", 1.5 → "1.5 s". */
export function formatSeconds(value: number | null | undefined): string {
  if (!known(value)) return NO_DATA;
  if (value < 1) return `${rateFormat.format(Math.round(value * 1000 * 10) / 10)} ms`;
  return `${rateFormat.format(value)} s`;
}

/** 0.0123 → "1.23%". */
export function formatRatio(value: number | null | undefined): string {
  return known(value) ? percentFormat.format(value) : NO_DATA;
}

/** 1234 → "1,234건". */
export function formatCount(value: number | null | undefined, unit = "건"): string {
  return known(value) ? `${countFormat.format(value)}${unit}` : NO_DATA;
}
