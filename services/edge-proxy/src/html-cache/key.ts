/**
 * Which page requests share cached HTML, and under which key: `html_cache:{host}{path}` plus the
 * allow-listed query parameters the page reads, sorted. Tracking and unknown parameters are
 * dropped from the key *and* from the URL the storefront renders, so a stored page always matches
 * its key exactly (two categories never share a page; `?utm_source=x` never splits or busts it).
 */

/** Parameters that only carry campaign attribution; never part of a key. */
const TRACKING_EXACT = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "_hsenc",
  "_hsmi",
  "ref_src",
]);

export function isTrackingParam(name: string): boolean {
  return name.startsWith("utm_") || TRACKING_EXACT.has(name);
}

/** Matches a path against the configured routes (`/x` exact, `/x/*` one or more segments below). */
export interface RouteMatcher {
  /** The matching route pattern, or undefined. */
  match(path: string): string | undefined;
  readonly patterns: readonly string[];
}

export function createRouteMatcher(patterns: readonly string[]): RouteMatcher {
  const exact = new Map<string, string>();
  const prefixes: Array<[prefix: string, pattern: string]> = [];
  for (const pattern of patterns) {
    if (pattern.endsWith("/*")) prefixes.push([pattern.slice(0, -1), pattern]);
    else exact.set(pattern, pattern);
  }
  return {
    patterns,
    match(path) {
      const hit = exact.get(path);
      if (hit) return hit;
      for (const [prefix, pattern] of prefixes) {
        if (path.length > prefix.length && path.startsWith(prefix)) return pattern;
      }
      return undefined;
    },
  };
}

export interface PageKey {
  /** Redis/memory key without the stack prefix. */
  key: string;
  host: string;
  path: string;
  /** Normalised query (`?a=1&b=2`) or "" — what the storefront is asked to render. */
  search: string;
  /** The configured route the path matched. */
  route: string;
  /** Purge tags: the exact path, its route, and `all`. */
  tags: string[];
}

/**
 * Builds the key for a page request. `allowed` lists the query parameters the pages read.
 *
 * @example pageKey("shop.example", "/categories", "?sort=price&utm_source=x&category=shoes", "/categories", allowed)
 * // key "html_cache:shop.example/categories?category=shoes&sort=price"
 */
export function pageKey(
  host: string,
  path: string,
  search: string,
  route: string,
  allowed: ReadonlySet<string>,
): PageKey {
  const normalisedHost = host.toLowerCase();
  const query = search.length > 1 ? normaliseQuery(search, allowed) : "";
  return {
    key: `html_cache:${normalisedHost}${path}${query}`,
    host: normalisedHost,
    path,
    search: query,
    route,
    tags: pageTags(path, route),
  };
}

/** Keeps allow-listed parameters only, sorted by name then value, re-encoded one way. */
export function normaliseQuery(search: string, allowed: ReadonlySet<string>): string {
  const kept: Array<[string, string]> = [];
  for (const [name, value] of new URLSearchParams(search)) {
    if (allowed.has(name) && !isTrackingParam(name)) kept.push([name, value]);
  }
  if (kept.length === 0) return "";
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return `?${new URLSearchParams(kept).toString()}`;
}

/**
 * One spelling per page path, so every spelling that reaches the same page shares its cached copy
 * and its purge tag: each segment percent-decoded, lower-cased (slugs and ids are lower-case; the
 * storefront reads them case-blind) and re-encoded one way. A segment that is not valid
 * percent-encoding stays as it came; a decoded `.` or `..` stays encoded, never a dot segment.
 *
 * @example canonicalPath("/products/Canvas%2dSneakers") // "/products/canvas-sneakers"
 */
export function canonicalPath(path: string): string {
  return path.split("/").map(canonicalSegment).join("/");
}

function canonicalSegment(segment: string): string {
  if (segment === "") return segment;
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return segment;
  }
  if (decoded === "." || decoded === "..") return decoded.replaceAll(".", "%2E");
  return encodeURIComponent(decoded.toLowerCase());
}

export function pageTags(path: string, route: string): string[] {
  return [`page:${path}`, `route:${route}`, "all"];
}

/** Purge tags for a list of paths: `/x/*` names a route, anything else one page (every query and host). */
export function tagsForPaths(paths: readonly string[]): string[] {
  return [
    ...new Set(
      paths.map((path) => (path.endsWith("/*") ? `route:${path}` : `page:${canonicalPath(path)}`)),
    ),
  ];
}

/**
 * A memoised `pageKey` for the hit path, on the {@link canonicalPath} (which the storefront is
 * then asked to render): the same URL maps to the same key object, so a hit does no parsing. Bounded (cleared when full) so random query strings cannot grow it.
 */
export function createKeyer(
  routes: RouteMatcher,
  allowed: ReadonlySet<string>,
  maxEntries = 10_000,
) {
  const memo = new Map<string, PageKey | null>();
  return (host: string, path: string, search: string): PageKey | undefined => {
    const id = `${host} ${path}${search}`;
    const known = memo.get(id);
    if (known !== undefined) return known ?? undefined;
    const canonical = canonicalPath(path);
    const route = routes.match(canonical);
    const key = route ? pageKey(host, canonical, search, route, allowed) : undefined;
    if (memo.size >= maxEntries) memo.clear();
    memo.set(id, key ?? null);
    return key;
  };
}

export type Keyer = ReturnType<typeof createKeyer>;

/**
 * Path and query of a request URL without a full URL parse. Paths that need normalising
 * (dot segments, encoded characters, doubled or back slashes) return undefined: use `new URL`.
 */
export function splitUrl(raw: string): { path: string; search: string } | undefined {
  const start = raw.indexOf("/", raw.indexOf("://") + 3);
  if (start < 0) return { path: "/", search: "" };
  const query = raw.indexOf("?", start);
  const path = query < 0 ? raw.slice(start) : raw.slice(start, query);
  if (path.includes("/.") || path.includes("%") || path.includes("//") || path.includes("\\"))
    return undefined;
  return { path, search: query < 0 ? "" : raw.slice(query) };
}
