/** The route file: the shipped gateway.yaml is valid, and bad files fail with the line at fault. */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { createRouter } from "../routing/router.js";
import { GatewayConfigError, loadGatewayFile, parseGatewayFile } from "./load.js";
import { parseDuration, parseSize } from "./units.js";

const MINIMAL = `upstreams:
  api: { url: "http://127.0.0.1:1" }
routes:
  - path: /x
    methods: [GET]
    upstream: api
    policy: public
`;

function problemsOf(text: string): string[] {
  try {
    parseGatewayFile(text, "bad.yaml");
  } catch (error) {
    assert.ok(error instanceof GatewayConfigError);
    return error.problems;
  }
  assert.fail("the file was accepted");
}

describe("gateway.yaml", () => {
  it("ships a valid file routing every public path of the platform", () => {
    const file = loadGatewayFile(fileURLToPath(new URL("../../gateway.yaml", import.meta.url)));
    const router = createRouter(file);
    const expect = (method: string, path: string, upstream: string, policy: string) => {
      const match = router.match(method, path);
      assert.equal(match.kind, "route", `${method} ${path}`);
      if (match.kind !== "route") return;
      assert.equal(match.route.upstream, upstream, `${method} ${path}`);
      assert.equal(match.route.policy, policy, `${method} ${path}`);
      return match.route;
    };
    expect("POST", "/api/auth/login", "auth", "public");
    expect("GET", "/.well-known/jwks.json", "auth", "public");
    expect("GET", "/api/members/me", "member", "customer");
    assert.ok(expect("GET", "/api/home", "bff", "public")?.cache);
    assert.ok(expect("GET", "/api/categories", "bff", "public")?.cache);
    assert.ok(expect("GET", "/api/products/summer-dress", "bff", "public")?.cache);
    expect("POST", "/api/products", "bff", "admin");
    expect("GET", "/api/v1/categories", "product", "public");
    expect("DELETE", "/api/v1/products/p1", "product", "admin");
    expect("POST", "/api/v1/products/p1/reviews", "product", "customer");
    expect("GET", "/images/ab/cd.webp", "product", "public");
    expect("POST", "/api/cart/items", "cart", "guest");
    assert.equal(expect("POST", "/api/checkout", "order", "guest")?.idempotency, "required");
    expect("GET", "/api/orders/o1", "order", "guest");
    expect("POST", "/api/admin/orders/o1/transitions", "order", "admin");
    expect("POST", "/api/payments/webhooks/test", "payment", "public");
    assert.equal(router.match("GET", "/internal/products/lookup").kind, "none");
    assert.ok(file.routes.filter((r) => r.cache).every((r) => r.cache!.ttl === 300_000));
    assert.equal(file.warmUp.interval, 270_000);
  });

  it("reports YAML syntax errors with their line and column", () => {
    const [problem] = problemsOf("upstreams:\n  api: { url: x\nroutes: []\n");
    assert.match(problem ?? "", /^bad\.yaml:3:1 /);
  });

  it("reports schema errors at the offending line", () => {
    assert.match(
      problemsOf(MINIMAL.replace("policy: public", "policy: everyone"))[0] ?? "",
      /^bad\.yaml:7:13 routes\.0\.policy: Invalid option/,
    );
    assert.match(
      problemsOf(MINIMAL.replace("upstream: api", "upstream: nowhere"))[0] ?? "",
      /^bad\.yaml:6:15 routes\.0\.upstream: unknown upstream "nowhere"/,
    );
  });

  it("reports unknown keys, bad durations, missing fields and cross-field mistakes", () => {
    assert.match(
      problemsOf(MINIMAL.replace("policy: public", "policy: public\n    ttl: 5s"))[0] ?? "",
      /^bad\.yaml:8:5 routes\.0: unknown key "ttl"/,
    );
    assert.match(
      problemsOf(
        MINIMAL.replace('url: "http://127.0.0.1:1"', 'url: "http://127.0.0.1:1", timeout: soon'),
      )[0] ?? "",
      /^bad\.yaml:2:46 upstreams\.api\.timeout: "soon" is not a duration/,
    );
    assert.match(
      problemsOf(MINIMAL.replace("    policy: public\n", ""))[0] ?? "",
      /^bad\.yaml:4:5 routes\.0\.policy: missing/,
    );
    const cachedPrivate = MINIMAL.replace(
      "policy: public",
      "policy: customer\n    cache: { ttl: 5s }",
    );
    assert.match(
      problemsOf(cachedPrivate)[0] ?? "",
      /routes\.0\.cache: only public routes can be cached/,
    );
    const slowWrite = MINIMAL.replace("methods: [GET]", "methods: [POST]").replace(
      "policy: public",
      "policy: public\n    idempotency: required\n    timeout: 90s",
    );
    assert.match(
      problemsOf(slowWrite)[0] ?? "",
      /routes\.0\.idempotency: the route may run 90000 ms/,
    );
    const warm = MINIMAL + "warmUp:\n  paths: [/nope]\n";
    assert.match(
      problemsOf(warm)[0] ?? "",
      /^bad\.yaml:9:11 warmUp\.paths\.0: \/nope is not served by a cached GET route/,
    );
  });

  it("parses durations and sizes", () => {
    assert.equal(parseDuration("4m30s"), 270_000);
    assert.equal(parseDuration("250ms"), 250);
    assert.equal(parseDuration("24h"), 86_400_000);
    assert.equal(parseDuration("soon"), undefined);
    assert.equal(parseSize("2mb"), 2 * 1024 * 1024);
    assert.equal(parseSize("64kb"), 65_536);
    assert.equal(parseSize("lots"), undefined);
  });
});
