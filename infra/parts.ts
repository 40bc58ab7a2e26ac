/**
 * The one list of the platform's running parts. The launcher (`npm start`), the end-to-end
 * harness, the compose file check and the README table all read it. Adding a service means a
 * folder under services/ plus one entry here.
 */

export type PartName =
  | "product"
  | "member"
  | "auth"
  | "cart"
  | "payment"
  | "order"
  | "bff"
  | "gateway"
  | "storefront"
  | "edge-proxy";

export interface Part {
  name: PartName;
  /** Folder under the repository root. */
  folder: string;
  /** Default port (the description's port where it names one). */
  port: number;
  /** What it does, one line, for the README and the start-up table. */
  job: string;
  stack: string;
  /** How the launcher runs it, from its folder (`node_modules/.bin` is on PATH). */
  command: string[];
  /** Parts that must be ready first. */
  dependsOn: PartName[];
  /** Its own PostgreSQL database (name without the stack suffix). */
  database?: string;
  /** Uses Redis. */
  redis?: boolean;
  /** Reachable from outside in a deployment. */
  public?: boolean;
  /** Extra wait allowance for slow starters (ms). */
  readyTimeoutMs?: number;
  /** Readiness path (default `/health/ready`). */
  readyPath?: string;
  /** Environment beyond PORT/DATABASE_URL/REDIS_URL/shared secrets: upstream URLs and switches. */
  env: (stack: StackEnv) => Record<string, string>;
}

/** What a part's env function can use: the URLs of the other parts in the same stack. */
export interface StackEnv {
  url: (part: PartName) => string;
  port: (part: PartName) => number;
  dataDir: string;
}

// Every Node part preloads the platform's tracing: inert unless OTEL_EXPORTER_OTLP_ENDPOINT is set.
const traced = ["--import", "@shop/platform/tracing/register"];
const tsx = ["node", "--import", "tsx", ...traced, "src/main.ts"];

export const parts: Part[] = [
  {
    name: "product",
    folder: "services/product",
    port: 3002,
    job: "catalogue: categories, products, options, images, reviews, stock",
    stack: "NestJS + TypeORM + PostgreSQL",
    command: ["node", "--import", "@swc-node/register/esm-register", ...traced, "src/main.ts"],
    dependsOn: [],
    database: "product",
    redis: true,
    env: (s) => ({ AUTH_URL: s.url("auth"), IMAGE_DIR: `${s.dataDir}/images` }),
  },
  {
    name: "member",
    folder: "services/member",
    port: 5000,
    job: "members: profiles, roles, credentials",
    stack: "Fastify + Prisma + PostgreSQL",
    command: tsx,
    dependsOn: [],
    database: "member",
    redis: true,
    env: (s) => ({ AUTH_URL: s.url("auth") }),
  },
  {
    name: "auth",
    folder: "services/auth",
    port: 4000,
    job: "register, login, refresh, logout, verify; JWT keys; Redis sessions",
    stack: "Koa + Redis",
    command: tsx,
    dependsOn: ["member"],
    redis: true,
    env: (s) => ({ MEMBER_URL: s.url("member"), KEY_DIR: `${s.dataDir}/keys` }),
  },
  {
    name: "cart",
    folder: "services/cart",
    port: 3003,
    job: "carts for guests and members, merge at login, re-pricing",
    stack: "Fastify + Redis",
    command: tsx,
    dependsOn: ["product", "auth"],
    redis: true,
    env: (s) => ({ PRODUCT_URL: s.url("product"), AUTH_URL: s.url("auth") }),
  },
  {
    name: "payment",
    folder: "services/payment",
    port: 7001,
    job: "payments: provider interface, test provider, signed webhooks",
    stack: "Fastify + PostgreSQL",
    command: tsx,
    dependsOn: [],
    database: "payment",
    env: (s) => ({ ORDER_URL: s.url("order") }),
  },
  {
    name: "order",
    folder: "services/order",
    port: 7000,
    job: "checkout saga, orders and their states, transactional outbox",
    stack: "Fastify + PostgreSQL",
    command: tsx,
    dependsOn: ["product", "cart", "payment", "member", "auth"],
    database: "order",
    redis: true,
    env: (s) => ({
      PRODUCT_URL: s.url("product"),
      CART_URL: s.url("cart"),
      PAYMENT_URL: s.url("payment"),
      MEMBER_URL: s.url("member"),
      AUTH_URL: s.url("auth"),
    }),
  },
  {
    name: "bff",
    folder: "services/bff",
    port: 3001,
    job: "UI-ready aggregation: /api/home, /api/categories, /api/products/:id, admin platform page",
    stack: "Fastify",
    command: tsx,
    dependsOn: ["product", "auth"],
    // Redis: the revocation list its admin routes check.
    redis: true,
    env: (s) => ({ PRODUCT_URL: s.url("product"), AUTH_URL: s.url("auth") }),
  },
  {
    name: "gateway",
    folder: "services/gateway",
    port: 8000,
    job: "routing, JWT validation, idempotency, response cache, warm-up, rate limits",
    stack: "TypeScript on Node (undici) + Redis",
    command: tsx,
    dependsOn: ["auth", "bff", "member", "product", "cart", "order", "payment"],
    redis: true,
    public: true,
    env: (s) => ({
      AUTH_URL: s.url("auth"),
      BFF_URL: s.url("bff"),
      MEMBER_URL: s.url("member"),
      PRODUCT_URL: s.url("product"),
      CART_URL: s.url("cart"),
      ORDER_URL: s.url("order"),
      PAYMENT_URL: s.url("payment"),
    }),
  },
  {
    name: "storefront",
    folder: "services/storefront",
    port: 3000,
    job: "the shop: SSR catalogue, account, cart, orders, admin",
    stack: "Next.js App Router + Zustand",
    command: ["next", "start"],
    dependsOn: ["gateway", "auth"],
    readyTimeoutMs: 90_000,
    readyPath: "/health",
    env: (s) => ({
      GATEWAY_URL: s.url("gateway"),
      AUTH_URL: s.url("auth"),
      PUBLIC_URL: s.url("edge-proxy"),
    }),
  },
  {
    name: "edge-proxy",
    folder: "services/edge-proxy",
    port: 9000,
    job: "HTML cache in front of the storefront, RSC pass-through, guest sessions, /api/* to the gateway",
    stack: "Bun + Redis",
    command: ["bun", "src/main.ts"],
    dependsOn: ["storefront", "gateway", "auth"],
    redis: true,
    public: true,
    // Bun allows 256 concurrent outgoing fetches by default; a cold stampede needs more.
    env: (s) => ({
      STOREFRONT_URL: s.url("storefront"),
      GATEWAY_URL: s.url("gateway"),
      AUTH_URL: s.url("auth"),
      BUN_CONFIG_MAX_HTTP_REQUESTS: "1024",
    }),
  },
];

/**
 * The parts `part` sends requests to: the `<PART>_URL` variables its env function gives it
 * (read from the function itself, so the list is never restated). `PUBLIC_URL` is the shop's
 * public origin for absolute links, not a call.
 */
export function callsOf(part: Part): PartName[] {
  const called: PartName[] = [];
  const probe: StackEnv = {
    url: (name) => `part:${name}`,
    port: () => 0,
    dataDir: "",
  };
  for (const [variable, value] of Object.entries(part.env(probe))) {
    if (variable === "PUBLIC_URL" || !value.startsWith("part:")) continue;
    called.push(value.slice("part:".length) as PartName);
  }
  return called;
}

/** Parts in an order where every part comes after what it depends on. */
export function startOrder(list: Part[] = parts): Part[] {
  const byName = new Map(list.map((p) => [p.name, p]));
  const done = new Set<PartName>();
  const ordered: Part[] = [];
  const visit = (part: Part, trail: PartName[]) => {
    if (done.has(part.name)) return;
    if (trail.includes(part.name))
      throw new Error(`dependency cycle: ${[...trail, part.name].join(" -> ")}`);
    for (const dep of part.dependsOn) {
      const target = byName.get(dep);
      if (!target) throw new Error(`${part.name} depends on unknown part ${dep}`);
      visit(target, [...trail, part.name]);
    }
    done.add(part.name);
    ordered.push(part);
  };
  list.forEach((p) => visit(p, []));
  return ordered;
}
