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
