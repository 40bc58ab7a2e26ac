// Issue 9: every part exposes Prometheus metrics; a shopping journey shows up in them.
import assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import { waitFor } from "@shop/test-kit";
import { parts, type PartName } from "../../infra/parts.js";
import { stack } from "../harness.js";
import {
  addToCart,
  CARDS,
  checkoutBody,
  createProduct,
  login,
  registerCustomer,
  type Customer,
} from "../api/lib/fixtures.js";
import { call, edge, gateway } from "../api/lib/http.js";

interface Series {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** One scrape of `part`, parsed into series (Prometheus text format, as a scraper reads it). */
async function scrape(part: PartName): Promise<Series[]> {
  const res = await fetch(`${stack().urls[part]}/metrics`, {
    headers: { authorization: `Bearer ${stack().secrets.METRICS_TOKEN}` },
  });
  const text = await res.text();
  assert.equal(res.status, 200, `${part} /metrics: ${text.slice(0, 200)}`);
  assert.match(res.headers.get("content-type") ?? "", /^text\/plain/);
  const series: Series[] = [];
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const m = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    assert.ok(m, `${part}: unparsable line ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[l[1]!] = l[2]!;
    series.push({ name: m[1]!, labels, value: Number(m[3]) });
  }
  return series;
}

/** Sum of the series named `name` whose labels include `labels`. */
function total(series: Series[], name: string, labels: Record<string, string> = {}): number {
  return series
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);
}

const has = (series: Series[], name: string, labels: Record<string, string> = {}) =>
  series.some(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );

describe("metrics of every part", () => {
  let shopper: Customer;
  let before_: Record<string, Series[]>;

  // The scripted session: browse, search, register, a failed and a good sign-in, add to cart,
  // a declined card, then a paid checkout.
  before(async () => {
    before_ = { order: await scrape("order"), auth: await scrape("auth") };
    // Pages through the edge: a miss that renders (or a hit when cached already), then a hit.
    for (let i = 0; i < 2; i++) await (await fetch(`${edge()}/`)).arrayBuffer();
    const search = await call(edge(), `/api/v1/products?q=${encodeURIComponent("운동화")}`);
    assert.equal(search.status, 200, search.text);
    shopper = await registerCustomer("metrics");
    const product = await createProduct({ stock: 5, price: 12_000 });
    const wrong = await call(gateway(), "/api/auth/login", {
      client: true,
      ip: shopper.ip,
      json: { email: shopper.email, password: "not-the-password" },
    });
    assert.equal(wrong.status, 401, wrong.text);
    await login(shopper.email, shopper.password, shopper.ip);
    await addToCart(shopper, product.id, 2);
    const declined = await call(gateway(), "/api/checkout", {
      token: shopper.accessToken,
      ip: shopper.ip,
      json: checkoutBody({}, CARDS.declined),
      idempotencyKey: `metrics-declined-${shopper.id}`,
    });
    assert.equal(declined.status, 402, declined.text);
    // A declined checkout leaves the cart as it was: the same two units are bought next.
    const checkout = await call(gateway(), "/api/checkout", {
      token: shopper.accessToken,
      ip: shopper.ip,
      json: checkoutBody(),
      idempotencyKey: `metrics-${shopper.id}`,
    });
    assert.equal(checkout.status, 201, checkout.text);
  });

  it("every part answers /metrics with its own name on every series and process metrics", async () => {
    for (const part of parts) {
      const series = await scrape(part.name);
      assert.ok(series.length > 0, part.name);
      const foreign = series.filter((s) => s.labels.service !== part.name);
      assert.deepEqual(foreign.slice(0, 3), [], `${part.name}: every series names the part`);
      assert.ok(has(series, "process_resident_memory_bytes"), `${part.name}: process metrics`);
    }
  });

  it("wants the token: without it /metrics is refused, and the public routes do not reach it", async () => {
    for (const part of ["gateway", "edge-proxy", "order"] as const) {
      const res = await fetch(`${stack().urls[part]}/metrics`);
      await res.arrayBuffer();
      assert.equal(res.status, 401, `${part} /metrics without the token`);
    }
    const res = await fetch(`${edge()}/api/metrics`);
    await res.arrayBuffer();
    assert.equal(res.status, 404, "the gateway routes no /metrics to an upstream");
  });

  it("requests are counted by route template and status class, never by raw URL", async () => {
    const series = await scrape("gateway");
    assert.ok(
      total(series, "http_server_request_duration_seconds_count", {
        route: "/api/checkout",
        status_class: "2xx",
      }) >= 1,
    );
    for (const part of parts) {
      for (const s of await scrape(part.name)) {
        const route = s.labels.route;
        if (route === undefined) continue;
        assert.doesNotMatch(route, /[0-9a-f]{8}-[0-9a-f]{4}-|\?|%/i, `${part.name}: ${route}`);
      }
    }
  });

  it("outbound calls are timed per dependency: services, PostgreSQL and Redis", async () => {
    const expected: Array<[PartName, string]> = [
      ["edge-proxy", "storefront"],
      ["gateway", "order"],
      ["order", "postgres"],
      ["order", "payment"],
      ["order", "product"],
      ["product", "postgres"],
      ["member", "postgres"],
      ["payment", "postgres"],
      ["cart", "redis"],
      ["auth", "redis"],
    ];
    for (const [part, dependency] of expected) {
      const series = await scrape(part);
      assert.ok(
        total(series, "dependency_request_duration_seconds_count", { dependency }) > 0,
        `${part} → ${dependency}`,
      );
    }
  });

  it("the session moves the business counters: checkouts, revenue, orders, logins, carts", async () => {
    const grew = (now: Series[], was: Series[], name: string, labels = {}) =>
      total(now, name, labels) - total(was, name, labels);
    // The paid order is counted when the payment is captured; wait for that condition.
    const order = await waitFor(async () => {
      const now = await scrape("order");
      return grew(now, before_.order!, "shop_checkouts_total", { outcome: "paid" }) >= 1 && now;
    }, 20_000);
    const was = before_.order!;
    assert.equal(grew(order, was, "shop_checkouts_total", { outcome: "started" }), 2, "started");
    assert.equal(grew(order, was, "shop_checkouts_total", { outcome: "declined" }), 1, "declined");
    assert.equal(grew(order, was, "shop_checkouts_total", { outcome: "paid" }), 1, "paid");
    // Two units of ₩12,000 plus standard shipping (₩3,000 below ₩50,000).
    assert.equal(grew(order, was, "shop_revenue_krw_total"), 27_000, "revenue (KRW)");
    assert.ok(total(order, "shop_orders", { state: "paid" }) >= 1, "orders by state: paid");
    assert.ok(total(order, "shop_orders", { state: "cancelled" }) >= 1, "the declined one");
    const auth = await scrape("auth");
    assert.ok(grew(auth, before_.auth!, "shop_logins_total", { outcome: "success" }) >= 1);
    assert.ok(grew(auth, before_.auth!, "shop_logins_total", { outcome: "failure" }) >= 1);
    assert.ok(total(await scrape("cart"), "shop_carts_created_total") >= 1, "carts created");
  });

  it("the platform's own signals are there: caches, idempotency, breakers, tokens, outbox, stock", async () => {
    const gatewaySeries = await scrape("gateway");
    assert.ok(total(gatewaySeries, "idempotency_events_total", { outcome: "claim" }) >= 1);
    assert.ok(has(gatewaySeries, "circuit_breaker_state", { dependency: "order" }));
    assert.ok(total(gatewaySeries, "token_verifications_total", { outcome: "ok" }) >= 1);
    const edgeSeries = await scrape("edge-proxy");
    assert.ok(total(edgeSeries, "cache_events_total", { cache: "html" }) >= 2);
    assert.ok(total(edgeSeries, "cache_fills_total", { cache: "html" }) >= 1);
    const order = await scrape("order");
    assert.ok(has(order, "outbox_backlog_events"));
    assert.ok(has(order, "outbox_oldest_unpublished_age_seconds"));
    assert.ok(has(await scrape("product"), "stock_reservations_open"));
  });
});
