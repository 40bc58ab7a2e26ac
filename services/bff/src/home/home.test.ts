import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { buildApp } from "../app.js";
import { readConfig } from "../config.js";
import { startBffStack, type BffStack } from "../testing/stack.js";

type Component = {
  id: string;
  type: string;
  title: string;
  visible: boolean;
  data: Record<string, unknown>;
};
const ALL = ["banner", "categories", "featuredProducts", "promotion", "newArrivals", "reviews"];
const FROM_PRODUCT = ["categories", "featuredProducts", "newArrivals", "reviews"];

describe("GET /api/home against the real product service", () => {
  let stack: BffStack;
  // Inside the shipped content's season-sale window, so every slide is live.
  const clock = () => new Date("2026-12-15T00:00:00Z");

  before(async () => {
    stack = await startBffStack({ UPSTREAM_TIMEOUT_MS: "800" }, { clock });
  });
  after(() => stack.close());

  const home = () => stack.app.inject({ method: "GET", url: "/api/home" });

  it("composes every component in content order from one parallel round of upstream calls", async () => {
    stack.proxy.reset();
    const res = await home();
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers["cache-control"], "public, s-maxage=300");
    assert.equal(res.headers["x-degraded"], undefined);
    const body = res.json() as {
      components: Component[];
      degraded: string[];
      contentVersion: number;
    };
    assert.deepEqual(body.degraded, []);
    assert.deepEqual(
      body.components.map((c) => c.type),
      ALL,
    );
    for (const c of body.components)
      assert.deepEqual(Object.keys(c).sort(), ["data", "id", "title", "type", "visible"]);
    const by = Object.fromEntries(body.components.map((c) => [c.type, c.data])) as Record<
      string,
      Record<string, unknown>
    >;

    const slides = by.banner!.slides as Array<{
      title: string;
      cta: { text: string; href: string };
    }>;
    assert.equal(slides.length, 3);
    assert.ok(slides.every((s) => s.title && s.cta.text && s.cta.href));
    const categories = by.categories!.items as Array<{ slug: string; iconCode: string }>;
    assert.equal(categories.length, 8);
    assert.ok(categories.every((c) => c.iconCode));
    const featured = by.featuredProducts!.items as Array<{
      isFeatured: boolean;
      price: number;
      colours: unknown[];
    }>;
    assert.equal(featured.length, 8);
    assert.ok(
      featured.every((p) => p.isFeatured && Number.isInteger(p.price) && Array.isArray(p.colours)),
    );
    const fresh = by.newArrivals!.items as Array<{ isNew: boolean }>;
    assert.ok(fresh.length > 0 && fresh.every((p) => p.isNew));
    const reviews = by.reviews!.items as Array<{ rating: number; product: { slug: string } }>;
    assert.equal(reviews.length, 6);
    assert.ok(reviews.every((r) => r.rating >= 4 && r.product.slug));
    assert.equal((by.promotion!.cta as { href: string }).href, "/search?onSale=true&sort=popular");

    assert.equal(stack.proxy.calls.length, 4, stack.proxy.calls.join("\n"));
  });

  it("leaves out a slow component, names it, and is not cacheable", async () => {
    stack.proxy.reset();
    stack.proxy.delays.set("/api/v1/reviews", 3_000);
    const t0 = performance.now();
    const res = await home();
    const elapsed = performance.now() - t0;
    stack.proxy.reset();
    assert.equal(res.statusCode, 200);
    // The component budget is 1.25 × UPSTREAM_TIMEOUT_MS = 1 s, far below the 3 s delay.
    assert.ok(elapsed < 2_000, `answered in ${Math.round(elapsed)} ms`);
    assert.deepEqual(res.json().degraded, ["reviews"]);
    assert.equal(res.headers["x-degraded"], "reviews");
    assert.equal(res.headers["cache-control"], "no-store");
    assert.deepEqual(
      res.json().components.map((c: Component) => c.type),
      ALL.filter((t) => t !== "reviews"),
    );
  });

  it("still answers 200 with the content-owned components when the product service is stopped", async () => {
    await stack.product.stop();
    try {
      const t0 = performance.now();
      const res = await home();
      const elapsed = performance.now() - t0;
      assert.equal(res.statusCode, 200);
      assert.ok(elapsed < 2_000, `answered in ${Math.round(elapsed)} ms`);
      const body = res.json();
      assert.deepEqual(
        body.components.map((c: Component) => c.type),
        ["banner", "promotion"],
      );
      assert.deepEqual([...body.degraded].sort(), [...FROM_PRODUCT].sort());
      assert.equal(res.headers["x-degraded"], FROM_PRODUCT.join(", "));
      assert.equal(res.headers["cache-control"], "no-store");
      const ready = await stack.app.inject({ method: "GET", url: "/health/ready" });
      assert.equal(ready.statusCode, 503);
    } finally {
      await stack.product.start();
    }
    const back = await home();
    assert.deepEqual(back.json().degraded, []);
  });
});

describe("GET /api/home content rules", () => {
  it("hides components the content hides, drops expired ones, and caps caching at the next scheduled change", async () => {
    const dir = mkdtempSync(join(tmpdir(), "bff-home-"));
    const file = join(dir, "home.json");
    const visual = { gradient: { from: "#000000", to: "#ffffff" } };
    const cta = { text: "Go", href: "/" };
    writeFileSync(
      file,
      JSON.stringify({
        version: 7,
        updatedAt: "2026-11-25T00:00:00Z",
        components: [
          {
            id: "hero",
            type: "banner",
            title: "Hero",
            slides: [
              { id: "now", title: "Now", cta, visual },
              { id: "later", title: "Later", cta, visual, startsAt: "2026-12-01T00:10:00Z" },
            ],
          },
          {
            id: "old-promo",
            type: "promotion",
            title: "Old",
            cta,
            visual,
            endsAt: "2026-11-30T00:00:00Z",
          },
          {
            id: "promo",
            type: "promotion",
            title: "Now",
            cta,
            visual,
            endsAt: "2026-12-01T01:00:00Z",
          },
          { id: "reviews", type: "reviews", title: "Reviews", visible: false },
        ],
      }),
    );
    // No product service at all: nothing here needs one.
    const config = readConfig({
      LOG_LEVEL: "silent",
      CONTENT_FILE: file,
      PRODUCT_URL: "http://127.0.0.1:9",
    });
    const { app } = await buildApp(config, { clock: () => new Date("2026-12-01T00:00:00Z") });
    try {
      const res = await app.inject({ method: "GET", url: "/api/home" });
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.contentVersion, 7);
      assert.deepEqual(body.degraded, []);
      assert.deepEqual(
        body.components.map((c: Component) => [c.id, c.visible]),
        [
          ["hero", true],
          ["promo", true],
          ["reviews", false],
        ],
      );
      assert.deepEqual(
        body.components[0].data.slides.map((s: { id: string }) => s.id),
        ["now"],
      );
      assert.equal(body.components[2].data, null);
      assert.equal(
        res.headers["cache-control"],
        "public, s-maxage=300",
        "the next change is 10 minutes away",
      );
      const late = await buildApp(config, { clock: () => new Date("2026-12-01T00:09:00Z") });
      const soon = await late.app.inject({ method: "GET", url: "/api/home" });
      assert.equal(
        soon.headers["cache-control"],
        "public, s-maxage=60",
        "the 'later' slide starts in 60 s",
      );
      await late.app.close();
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
