/**
 * What may be served from and stored in the shared HTML cache.
 *
 * Storing: only 200 text/html without Set-Cookie. For the configured routes the storefront's
 * `Surrogate-Control` (the edge's own header) wins over `Cache-Control`: its max-age is the TTL and
 * `no-store` forbids storing. Without it, `Cache-Control` decides: private/no-store/no-cache never
 * stored, s-maxage then max-age give the TTL. RFC 5861 stale-while-revalidate / stale-if-error
 * come from the same header, else from configuration.
 */

export interface Freshness {
  /** Seconds the page is fresh. */
  ttl: number;
  /** Seconds after that it may be served while one refresh runs in the background. */
  swr: number;
  /** Seconds after freshness it may be served when the storefront fails. */
  sie: number;
}

export type StoreDecision =
  { store: true; freshness: Freshness } | { store: false; reason: string };

/** Parses a Cache-Control-style header into lower-case directive names and values. */
export function parseDirectives(value: string | null): Map<string, string | true> {
  const directives = new Map<string, string | true>();
  if (!value) return directives;
  for (const part of value.split(",")) {
    const [rawName, ...rest] = part.split("=");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const raw = rest.join("=").trim();
    directives.set(name, raw ? raw.replace(/^"|"$/g, "") : true);
  }
  return directives;
}

function seconds(value: string | true | undefined): number | undefined {
  if (value === undefined || value === true) return undefined;
  const parsed = Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed >= 0 ? parsed : undefined;
}

export function decideStore(status: number, headers: Headers, defaults: Freshness): StoreDecision {
  if (status !== 200) return { store: false, reason: `status ${status}` };
  const type = headers.get("content-type") ?? "";
  if (!type.toLowerCase().startsWith("text/html")) return { store: false, reason: "not text/html" };
  if (headers.has("set-cookie")) return { store: false, reason: "sets cookies" };
  const vary = (headers.get("vary") ?? "").toLowerCase();
  if (vary.includes("*") || vary.includes("cookie"))
    return { store: false, reason: `vary: ${vary}` };

  const surrogate = headers.get("surrogate-control");
  const directives = parseDirectives(surrogate ?? headers.get("cache-control"));
  const source = surrogate ? "surrogate-control" : "cache-control";
  if (directives.has("no-store")) return { store: false, reason: `${source}: no-store` };
  if (!surrogate && (directives.has("private") || directives.has("no-cache"))) {
    return { store: false, reason: "cache-control: private/no-cache" };
  }
  const ttl = surrogate
    ? seconds(directives.get("max-age"))
    : (seconds(directives.get("s-maxage")) ?? seconds(directives.get("max-age")));
  const freshness: Freshness = {
    ttl: ttl ?? defaults.ttl,
    swr: seconds(directives.get("stale-while-revalidate")) ?? defaults.swr,
    sie: seconds(directives.get("stale-if-error")) ?? defaults.sie,
  };
  if (freshness.ttl <= 0 && freshness.swr <= 0 && freshness.sie <= 0)
    return { store: false, reason: "zero lifetime" };
  return { store: true, freshness };
}

const RSC_PARAM = /[?&]_rsc(?:[=&]|$)/;

/**
 * React Server Component requests (client navigations and prefetches) carry the flight payload,
 * not HTML: they always go straight to the storefront and never touch HTML entries.
 */
export function isRscRequest(headers: Headers, search: string): boolean {
  if (
    headers.has("rsc") ||
    headers.has("next-router-prefetch") ||
    headers.has("next-router-state-tree") ||
    headers.has("next-router-segment-prefetch")
  ) {
    return true;
  }
  if (search.length > 1 && RSC_PARAM.test(search)) return true;
  const accept = headers.get("accept");
  return accept !== null && accept.includes("text/x-component");
}
