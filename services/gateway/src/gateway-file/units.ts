/** Human-friendly durations ("300s", "4m30s", 1500) and sizes ("2mb", 1024) used in gateway.yaml. */
import { z } from "zod";

const DURATION_PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;
const DURATION_WHOLE = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

/** Parses "250ms", "5s", "4m30s", "24h" (or a bare number of milliseconds) into milliseconds. */
export function parseDuration(value: string | number): number | undefined {
  if (typeof value === "number")
    return Number.isFinite(value) && value >= 0 ? Math.round(value) : undefined;
  const text = value.trim().toLowerCase();
  if (!DURATION_WHOLE.test(text)) return undefined;
  let total = 0;
  for (const match of text.matchAll(DURATION_PART)) {
    total += Number(match[1]) * (DURATION_UNITS[match[2] ?? "ms"] ?? 1);
  }
  return Math.round(total);
}

const SIZE_PATTERN = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/;
const SIZE_UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Parses "64kb", "2mb", "25MB" (or a bare number of bytes) into bytes. */
export function parseSize(value: string | number): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) && value >= 0 ? value : undefined;
  const match = SIZE_PATTERN.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (SIZE_UNITS[match[2] ?? "b"] ?? 1));
}

/** zod: a duration in the file, milliseconds after parsing. */
export const duration = () =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const ms = parseDuration(value);
    if (ms === undefined) {
      ctx.addIssue({
        code: "custom",
        message: `"${value}" is not a duration (use e.g. 250ms, 5s, 4m30s, 24h)`,
      });
      return z.NEVER;
    }
    return ms;
  });

/** zod: a size in the file, bytes after parsing. */
export const size = () =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const bytes = parseSize(value);
    if (bytes === undefined) {
      ctx.addIssue({ code: "custom", message: `"${value}" is not a size (use e.g. 512kb, 2mb)` });
      return z.NEVER;
    }
    return bytes;
  });
