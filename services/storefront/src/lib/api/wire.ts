/**
 * Tiny readers for wire JSON, used by every mapper in lib/api. Hand-written instead of zod so the
 * mappers the browser uses (cart, wishlist) stay a few hundred bytes in the client bundle.
 */
import { ApiError } from "./http";

export type Wire = Record<string, unknown>;

/** Thrown when an answer lacks a field the storefront needs. */
export function badResponse(what: string): ApiError {
  return new ApiError(502, "UPSTREAM_BAD_RESPONSE", `Unexpected answer: ${what}`);
}

export function obj(value: unknown, what = "object"): Wire {
  if (value && typeof value === "object" && !Array.isArray(value)) return value as Wire;
  throw badResponse(`${what} is not an object`);
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown, what: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  throw badResponse(`${what} is missing`);
}

export function optStr(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function num(value: unknown, fallback = 0): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return fallback;
}

export function optNum(value: unknown): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = num(value, Number.NaN);
  return Number.isNaN(n) ? null : n;
}

export function bool(value: unknown): boolean {
  return value === true || value === "true";
}

/**
 * The product's URL key: its slug when it is URL-safe ASCII (the BFF only accepts those), else its
 * id — an admin-created product named in Korean may get a Korean slug.
 */
export function productKey(id: string, slug: unknown): string {
  return typeof slug === "string" && /^[A-Za-z0-9_-]{1,200}$/.test(slug) ? slug : id;
}

/** `{ items, page, limit, total, totalPages }` with each item mapped. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export function toPage<T>(wire: unknown, item: (value: unknown) => T): Page<T> {
  const w = obj(wire, "page");
  const items = arr(w.items).map(item);
  const limit = num(w.limit, items.length || 20);
  const total = num(w.total, items.length);
  return {
    items,
    page: num(w.page, 1),
    limit,
    total,
    totalPages: num(w.totalPages, Math.max(1, Math.ceil(total / Math.max(1, limit)))),
  };
}
