/** Compiles the configured routes and matches a request's method and path against them in order. */
import type {
  CacheConfig,
  GatewayFile,
  Method,
  Policy,
  RateLimitConfig,
  RouteConfig,
} from "../gateway-file/schema.js";
import { routeId } from "../gateway-file/schema.js";

type Segment = { literal: string } | { param: string };

export interface Route {
  id: string;
  /** The path pattern as written in the file. */
  pattern: string;
  methods: ReadonlySet<string>;
  upstream: string;
  policy: Policy;
  idempotency: "required" | "optional" | "off";
  cache: CacheConfig | undefined;
  rateLimit: RateLimitConfig | undefined;
  bodyLimit: number;
  timeoutMs: number | undefined;
  /** The path sent upstream for a request path. */
  rewrite: (path: string) => string;
  segments: Segment[];
  wildcard: boolean;
}

export type Match =
  | { kind: "route"; route: Route; params: Record<string, string> }
  | { kind: "method-not-allowed"; allowed: string[] }
  | { kind: "none" };

export interface Router {
  readonly routes: readonly Route[];
  match(method: string, path: string): Match;
}

export function createRouter(file: GatewayFile): Router {
  const routes = file.routes.map((config) => compile(config, file));
  return {
    routes,
    match(method, path) {
      const parts = path.split("/");
      let allowed: string[] | undefined;
      for (const route of routes) {
        const params = matchSegments(route, parts);
        if (!params) continue;
        if (route.methods.has(method)) return { kind: "route", route, params };
        (allowed ??= []).push(...route.methods);
      }
      return allowed
        ? { kind: "method-not-allowed", allowed: [...new Set(allowed)] }
        : { kind: "none" };
    },
  };
}

function compile(config: RouteConfig, file: GatewayFile): Route {
  const wildcard = config.path.endsWith("/*");
  const body = wildcard ? config.path.slice(0, -2) : config.path;
  const segments: Segment[] =
    body === "" || body === "/"
      ? []
      : body
          .split("/")
          .slice(1)
          .map((s) => (s.startsWith(":") ? { param: s.slice(1) } : { literal: s }));
  const methods = new Set<string>(config.methods);
  // HEAD is answered wherever GET is.
  if (methods.has("GET")) methods.add("HEAD" satisfies Method);
  const rateLimit = config.rateLimit ?? file.defaults.rateLimit;
  return {
    id: routeId(config),
    pattern: config.path,
    methods,
    upstream: config.upstream,
    policy: config.policy,
    idempotency: config.idempotency,
    cache: config.cache,
    rateLimit: rateLimit === "off" ? undefined : rateLimit,
    bodyLimit: config.bodyLimit ?? file.defaults.bodyLimit,
    timeoutMs: config.timeout,
    rewrite: rewriter(config.rewrite),
    segments,
    wildcard,
  };
}

/** Matches `/`-split path parts (first element is the empty string before the leading slash). */
function matchSegments(route: Route, parts: string[]): Record<string, string> | undefined {
  const count = parts.length - 1;
  const { segments } = route;
  if (route.wildcard ? count < segments.length : count !== segments.length) return undefined;
  let params: Record<string, string> | undefined;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const part = parts[i + 1]!;
    if ("literal" in segment) {
      if (segment.literal !== part) return undefined;
    } else {
      if (part === "") return undefined;
      (params ??= {})[segment.param] = safeDecode(part);
    }
  }
  return params ?? EMPTY;
}

const EMPTY: Record<string, string> = Object.freeze({}) as Record<string, string>;

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function rewriter(rewrite: RouteConfig["rewrite"]): (path: string) => string {
  if (!rewrite) return (path) => path;
  const { stripPrefix, addPrefix = "" } = rewrite;
  return (path) => {
    const stripped =
      stripPrefix && path.startsWith(stripPrefix) ? path.slice(stripPrefix.length) || "/" : path;
    return addPrefix ? `${addPrefix}${stripped === "/" ? "" : stripped}` || "/" : stripped;
  };
}
