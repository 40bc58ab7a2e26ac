/** The zod schema of gateway.yaml: upstreams, routes with their plugins, CORS, warm-up. */
import { isIP } from "node:net";
import { z } from "zod";
import { duration, size } from "./units.js";

export const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type Method = (typeof METHODS)[number];
export const POLICIES = ["public", "guest", "customer", "admin"] as const;
export type Policy = (typeof POLICIES)[number];

const name = z.string().regex(/^[a-z][a-z0-9-]*$/, "use lower-case letters, digits and dashes");

const Breaker = z.strictObject({
  /** Consecutive failures (connection errors, timeouts, 502/503/504) that open the circuit. */
  failures: z.number().int().min(1).default(5),
  /** How long the circuit stays open before one probe request is let through. */
  openFor: duration().default(10_000),
});

const Upstream = z.strictObject({
  /** Default URL; the environment variable `<NAME>_URL` overrides it. */
  url: z.url().optional(),
  timeout: duration().default(5_000),
  /** Keep-alive connections in the pool. */
  connections: z.number().int().min(1).max(1024).default(64),
  keepAlive: duration().default(30_000),
  breaker: Breaker.prefault({}),
});

const RateLimit = z.strictObject({
  limit: z.number().int().min(1),
  window: duration(),
  /** `caller`: per member for signed-in members, per IP otherwise. `ip`: always per IP. */
  by: z.enum(["caller", "ip"]).default("caller"),
});

const PurgeRule = z.union([z.literal("all"), z.strictObject({ param: z.string() })]);

const Cache = z.strictObject({
  ttl: duration(),
  maxSize: size().default(1024 * 1024),
  /** Query parameters that change the answer; they form the key. Others make the request bypass the cache. */
  vary: z.array(z.string().min(1)).default([]),
  staleWhileRevalidate: duration().default(30_000),
  staleIfError: duration().default(3_600_000),
  /** Catalogue event type (or `product.*`) → which entries of this route it purges. */
  purgeOn: z
    .record(
      z.string().regex(/^[a-z]+\.(\*|[a-z]+)$/, "an event type like product.updated or product.*"),
      PurgeRule,
    )
    .default({}),
});

const Rewrite = z.strictObject({
  stripPrefix: z.string().startsWith("/").optional(),
  addPrefix: z.string().startsWith("/").optional(),
});

const PATH_PATTERN =
  /^\/(?:[A-Za-z0-9._~-]+|:[a-zA-Z][a-zA-Z0-9]*)?(?:\/(?:[A-Za-z0-9._~-]+|:[a-zA-Z][a-zA-Z0-9]*))*(?:\/\*)?$/;

const Route = z.strictObject({
  id: name.optional(),
  path: z
    .string()
    .regex(PATH_PATTERN, "a path like /api/v1/products/:id or /api/v1/* (`*` only at the end)"),
  methods: z.array(z.enum(METHODS)).min(1),
  upstream: name,
  rewrite: Rewrite.optional(),
  policy: z.enum(POLICIES),
  idempotency: z.enum(["required", "optional", "off"]).default("off"),
  cache: Cache.optional(),
  rateLimit: z.union([RateLimit, z.literal("off")]).optional(),
  bodyLimit: size().optional(),
  timeout: duration().optional(),
});

export const GatewayFile = z
  .strictObject({
    upstreams: z.record(name, Upstream),
    defaults: z
      .strictObject({
        rateLimit: z.union([RateLimit, z.literal("off")]).default("off"),
        bodyLimit: size().default(1024 * 1024),
      })
      .prefault({}),
    cors: z
      .strictObject({
        origins: z.array(z.string().min(1)).default([]),
        credentials: z.boolean().default(true),
        maxAge: duration().default(600_000),
        allowHeaders: z
          .array(z.string())
          .default([
            "authorization",
            "content-type",
            "idempotency-key",
            "x-idempotency-key",
            "x-request-id",
          ]),
        exposeHeaders: z
          .array(z.string())
          .default([
            "x-request-id",
            "x-cache-status",
            "idempotent-replayed",
            "retry-after",
            "ratelimit",
            "ratelimit-policy",
          ]),
      })
      .prefault({}),
    /** Peers whose X-Forwarded-For is believed (the edge proxy, the storefront server): addresses or CIDR networks. */
    trustedProxies: z
      .array(
        z.string().refine(isAddressOrNetwork, "an IP address or a CIDR network like 10.0.0.0/8"),
      )
      .default(["127.0.0.1", "::1", "::ffff:127.0.0.1"]),
    idempotency: z
      .strictObject({
        retention: duration().default(86_400_000),
        inFlight: duration().default(60_000),
        maxResponseSize: size().default(1024 * 1024),
      })
      .prefault({}),
    cache: z
      .strictObject({
        memory: z
          .strictObject({
            maxEntries: z.number().int().min(0).default(2000),
            maxSize: size().default(64 * 1024 * 1024),
          })
          .prefault({}),
      })
      .prefault({}),
    warmUp: z
      .strictObject({
        interval: duration().default(270_000),
        initialDelay: duration().default(3_000),
        paths: z.array(z.string().startsWith("/")).default([]),
      })
      .prefault({}),
    routes: z.array(Route).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.routes.forEach((route, index) => {
      const at = (...path: (string | number)[]) => ["routes", index, ...path];
      if (!file.upstreams[route.upstream]) {
        ctx.addIssue({
          code: "custom",
          path: at("upstream"),
          message: `unknown upstream "${route.upstream}"`,
        });
      }
      const id = routeId(route);
      if (ids.has(id))
        ctx.addIssue({ code: "custom", path: at("id"), message: `duplicate route id "${id}"` });
      ids.add(id);
      if (route.cache) {
        if (route.policy !== "public") {
          ctx.addIssue({
            code: "custom",
            path: at("cache"),
            message: "only public routes can be cached (answers are shared)",
          });
        }
        if (route.methods.some((m) => m !== "GET" && m !== "HEAD")) {
          ctx.addIssue({
            code: "custom",
            path: at("methods"),
            message: "a cached route may only list GET and HEAD",
          });
        }
        for (const [event, rule] of Object.entries(route.cache.purgeOn)) {
          if (rule !== "all" && !route.path.split("/").includes(`:${rule.param}`)) {
            ctx.addIssue({
              code: "custom",
              path: at("cache", "purgeOn", event),
              message: `the path has no :${rule.param}`,
            });
          }
        }
      }
      if (
        route.idempotency !== "off" &&
        !route.methods.some((m) => ["POST", "PUT", "PATCH", "DELETE"].includes(m))
      ) {
        ctx.addIssue({
          code: "custom",
          path: at("idempotency"),
          message: "idempotency needs a POST, PUT, PATCH or DELETE method",
        });
      }
    });
  });

export type GatewayFile = z.infer<typeof GatewayFile>;
export type RouteConfig = GatewayFile["routes"][number];
export type UpstreamConfig = GatewayFile["upstreams"][string];
export type RateLimitConfig = z.infer<typeof RateLimit>;
export type CacheConfig = z.infer<typeof Cache>;

/** A route's id: the configured one, or one derived from its methods and path. */
export function routeId(route: Pick<RouteConfig, "id" | "methods" | "path">): string {
  return route.id ?? `${route.methods.join(",")} ${route.path}`;
}

function isAddressOrNetwork(entry: string): boolean {
  const [address = "", bits, extra] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}
