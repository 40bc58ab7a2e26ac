/**
 * Wire JSON → storefront types: every answer is parsed with its schema from @shop/contracts (the
 * one the serving part validates or serialises with), then reshaped into the view types the
 * components use. An answer the contract refuses is a 502, never a half-rendered page.
 */
import type { z } from "zod";
import { ApiError } from "./http";

/** Thrown when an answer does not match its contract. */
export function badResponse(what: string): ApiError {
  return new ApiError(502, "UPSTREAM_BAD_RESPONSE", `Unexpected answer: ${what}`);
}

/** A mapper for `request`: parse with `schema`, then `reshape` the parsed value. */
export function parseWith<S extends z.ZodType, T>(
  schema: S,
  reshape: (value: z.output<S>) => T,
  what = "answer",
): (wire: unknown) => T {
  return (wire) => reshape(parse(schema, wire, what));
}

/** `wire` parsed with `schema`; a mismatch throws {@link badResponse} naming the first field. */
export function parse<S extends z.ZodType>(schema: S, wire: unknown, what: string): z.output<S> {
  const result = schema.safeParse(wire);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${what}.${issue.path.join(".")}` : what;
  throw badResponse(`${where}: ${issue?.message ?? "does not match"}`);
}

/**
 * The product's URL key: its slug when it is URL-safe ASCII (the BFF only accepts those), else its
 * id — an admin-created product named in Korean may get a Korean slug.
 */
export function productKey(id: string, slug: string | null): string {
  return slug !== null && /^[A-Za-z0-9_-]{1,200}$/.test(slug) ? slug : id;
}

/** `{ items, page, limit, total, totalPages }` with each item reshaped. */
export interface Page<T> {
  items: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export function mapPage<W, T>(page: Page<W>, item: (value: W) => T): Page<T> {
  const { page: number, limit, total, totalPages } = page;
  return { items: page.items.map(item), page: number, limit, total, totalPages };
}

// Readers for the answers not yet parsed with contracts (cart, orders, members, auth, wishlist).
export type Wire = Record<string, unknown>;
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
