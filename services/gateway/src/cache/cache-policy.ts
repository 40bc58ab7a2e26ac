/** What the response cache may key, store and purge: pure rules, no I/O. */
import type { CatalogEvent } from "@shop/contracts";
import type { CacheConfig } from "../gateway-file/schema.js";
import type { Route } from "../routing/router.js";
import { headerValue } from "../upstreams/headers.js";

export type KeyResult = { key: string; query: string } | { bypass: string };

/**
 * `cache:GET:<path>?<sorted allow-listed params>`. A request carrying a parameter outside the
 * route's `vary` list bypasses the cache: it is never answered from, nor stored under, a key that
 * does not describe it (so `?category=shoes` can never be served clothing).
 */
export function cacheKey(path: string, rawQuery: string, vary: readonly string[]): KeyResult {
  if (rawQuery === "") return { key: `cache:GET:${path}`, query: "" };
  const pairs: [string, string][] = [];
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    if (!vary.includes(name)) return { bypass: `unkeyed-param ${name}` };
    pairs.push([name, value]);
  }
  if (pairs.length === 0) return { key: `cache:GET:${path}`, query: "" };
  pairs.sort((a, b) => (a[0] === b[0] ? compare(a[1], b[1]) : compare(a[0], b[0])));
  const query = new URLSearchParams(pairs).toString();
  return { key: `cache:GET:${path}?${query}`, query };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export type Storability = { store: true; ttlMs: number } | { store: false; reason: string };

const STORABLE_STATUS = new Set([200, 301, 302]);

/** Only 200/301/302, within the size limit, and never what the upstream marks private or uncacheable. */
export function storability(
  config: CacheConfig,
  status: number,
  headers: string[],
  bodyBytes: number,
): Storability {
  if (!STORABLE_STATUS.has(status)) return { store: false, reason: `status ${status}` };
  const cacheControl = (headerValue(headers, "cache-control") ?? "").toLowerCase();
  for (const directive of ["no-store", "private", "no-cache"]) {
    if (new RegExp(`(^|[\\s,])${directive}($|[\\s,=])`).test(cacheControl))
      return { store: false, reason: directive };
  }
  if (headerValue(headers, "set-cookie") !== undefined)
    return { store: false, reason: "set-cookie" };
  if ((headerValue(headers, "vary") ?? "").includes("*")) return { store: false, reason: "vary" };
  if (bodyBytes > config.maxSize) return { store: false, reason: "too-large" };
  // The upstream may shorten the lifetime (e.g. a degraded page) but never extend ours.
  const upstreamSeconds =
    directiveSeconds(cacheControl, "s-maxage") ?? directiveSeconds(cacheControl, "max-age");
  const ttlMs =
    upstreamSeconds === undefined ? config.ttl : Math.min(config.ttl, upstreamSeconds * 1000);
  if (ttlMs <= 0) return { store: false, reason: "max-age=0" };
  return { store: true, ttlMs };
}

function directiveSeconds(cacheControl: string, name: string): number | undefined {
  const match = new RegExp(`(?:^|[\\s,])${name}="?(\\d+)`).exec(cacheControl);
  return match ? Number(match[1]) : undefined;
}

/** Tags of an entry: the route, plus route+param for every param-scoped purge rule. */
export function entryTags(route: Route, params: Record<string, string>): string[] {
  const tags = [route.id];
  for (const rule of Object.values(route.cache?.purgeOn ?? {})) {
    if (rule !== "all" && params[rule.param] !== undefined)
      tags.push(paramTag(route.id, rule.param, params[rule.param]!));
  }
  return [...new Set(tags)];
}

function paramTag(routeId: string, param: string, value: string): string {
  return `${routeId}|${param}=${value}`;
}

/** The tags a catalogue event purges, over every cached route. */
export function tagsForEvent(
  routes: readonly Route[],
  event: Pick<CatalogEvent, "type" | "id" | "slug">,
): string[] {
  const tags = new Set<string>();
  for (const route of routes) {
    for (const [pattern, rule] of Object.entries(route.cache?.purgeOn ?? {})) {
      if (!eventMatches(pattern, event.type)) continue;
      if (rule === "all") {
        tags.add(route.id);
        continue;
      }
      tags.add(paramTag(route.id, rule.param, event.id));
      if (event.slug) tags.add(paramTag(route.id, rule.param, event.slug));
    }
  }
  return [...tags];
}

function eventMatches(pattern: string, type: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}
