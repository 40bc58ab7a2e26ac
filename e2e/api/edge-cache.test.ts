// Issue 5 on the real storefront: the edge's HTML cache keys (the original's category bug),
// RSC requests that never touch HTML entries, and cached pages that never carry a session.
import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { before, describe, it } from "node:test";
import { createProduct, login, registerCustomer, type CreatedProduct } from "./lib/fixtures.js";
import { logLinesWith, logsFlushed } from "../harness.js";
import { call, CookieJar, edge, within } from "./lib/http.js";
import { expiredLike } from "./lib/tokens.js";

const page = (path: string, headers: Record<string, string> = {}, jar?: CookieJar) =>
  call(edge(), path, { headers: { accept: "text/html", ...headers }, ...(jar ? { jar } : {}) });

describe("issue 5: the edge HTML cache key", () => {
  let shoe: CreatedProduct;
  let bag: CreatedProduct;
  const tag = randomBytes(3).toString("hex");
  // A price floor only this run uses, so every key below starts cold.
  const floor = 1 + randomInt(5_000);
  const categoryPage = (slug: string, extra = "") =>
    `/categories/${slug}?minPrice=${floor}${extra}`;

  before(async () => {
    [shoe, bag] = await Promise.all([
      createProduct({
        name: `E2E 키 운동화 ${tag}`,
        slug: `e2e-key-shoe-${tag}`,
        categoryId: "shoes",
        price: 60_000,
        originalPrice: 60_000,
      }),
      createProduct({
        name: `E2E 키 가방 ${tag}`,
        slug: `e2e-key-bag-${tag}`,
        categoryId: "bags",
        price: 60_000,
        originalPrice: 60_000,
      }),
    ]);
  });

  /** Both pages start cold, each shows only its own product, and each is then served from its own entry. */
  async function assertSeparateEntries(paths: [string, string]) {
    const owners = [shoe, bag] as const;
    const first = [await page(paths[0]), await page(paths[1])];
    for (const [i, res] of first.entries()) {
      const own = owners[i]!;
      const other = owners[1 - i]!;
      assert.equal(res.status, 200, paths[i]);
      assert.match(res.headers.get("content-type") ?? "", /text\/html/);
      assert.equal(res.headers.get("x-cache"), "MISS", `${paths[i]} is its own entry`);
      assert.ok(res.text.includes(own.name), `${paths[i]} lists ${own.name}`);
      assert.ok(!res.text.includes(other.name), `${paths[i]} does not list ${other.name}`);
    }
    for (const [i, path] of paths.entries()) {
      const again = await page(path);
      assert.equal(again.headers.get("x-cache"), "HIT", path);
      assert.match(again.headers.get("cache-status") ?? "", /^edge-proxy; hit/);
      assert.ok(Number(again.headers.get("age")) >= 0);
      assert.equal(again.text, first[i]!.text, `${path} is served its own page`);
    }
  }

  it("gives two category pages two entries: neither is ever served the other's HTML", async () => {
    await assertSeparateEntries([categoryPage("shoes"), categoryPage("bags")]);
  });

  it("keys on the query parameters a page reads: two searches never share a page", async () => {
    await assertSeparateEntries([
      `/search?q=${encodeURIComponent(`운동화 ${tag}`)}`,
      `/search?q=${encodeURIComponent(`가방 ${tag}`)}`,
    ]);
  });

  it("drops tracking and unknown parameters from the key, and ignores parameter order", async () => {
    const plain = await page(categoryPage("bags"));
    assert.equal(plain.status, 200);
    for (const extra of [
      "&utm_source=newsletter&utm_campaign=sale",
      "&fbclid=abc123&gclid=xyz",
      `&x=${randomBytes(4).toString("hex")}`,
    ]) {
      const tracked = await page(categoryPage("bags", extra));
      assert.equal(
        tracked.headers.get("x-cache"),
        "HIT",
        `${extra} neither splits nor busts the entry`,
      );
      assert.equal(tracked.text, plain.text);
    }
    const sorted = await page(`/categories/bags?sort=price_asc&minPrice=${floor}`);
    const reordered = await page(
      `/categories/bags?utm_medium=mail&minPrice=${floor}&sort=price_asc`,
    );
    assert.equal(reordered.headers.get("x-cache"), "HIT", "same parameters in another order");
    assert.equal(reordered.text, sorted.text);
  });
});

describe("issue 5: RSC requests bypass the HTML cache", () => {
  it("RSC, prefetch and text/x-component requests go to the storefront and never replace the HTML entry", async () => {
    const path = `/categories?category=sports&minPrice=${1 + randomInt(5_000)}`;
    const html = await page(path);
    assert.equal(html.headers.get("x-cache"), "MISS");
    const rsc = await call(edge(), `${path}&_rsc`, { headers: { rsc: "1" } });
    assert.equal(rsc.status, 200, rsc.text.slice(0, 200));
    assert.match(rsc.headers.get("content-type") ?? "", /text\/x-component/);
    assert.equal(rsc.headers.get("x-cache"), "BYPASS");
    assert.match(rsc.headers.get("cache-status") ?? "", /fwd=bypass; detail=rsc/);
    const rscHeaders: Array<Record<string, string>> = [
      { "next-router-prefetch": "1", rsc: "1" },
      { accept: "text/x-component" },
    ];
    for (const headers of rscHeaders) {
      const other = await call(edge(), path, { headers });
      assert.equal(other.headers.get("x-cache"), "BYPASS", JSON.stringify(headers));
    }
    const after = await page(path);
    assert.equal(after.headers.get("x-cache"), "HIT");
    assert.match(after.headers.get("content-type") ?? "", /text\/html/);
    assert.equal(after.text, html.text, "the stored HTML is untouched by the RSC answers");
  });
});

describe("issue 5: cached pages never carry a session", () => {
  it("a member's visit fills a shared entry with no Set-Cookie and nothing of theirs; refreshes happen only on pass-through pages", async () => {
    const customer = await registerCustomer("cached");
    const session = await login(customer.email, customer.password);
    // An access token that needs refreshing: any page that touched the session would set cookies.
    const jar = new CookieJar({
      access_token: expiredLike(session.accessToken),
      refresh_token: session.refreshToken,
    });
    const product = await createProduct({ slug: `e2e-private-${randomBytes(3).toString("hex")}` });
    const path = `/products/${product.slug}`;

    const member = await page(path, {}, jar);
    assert.equal(member.status, 200);
    assert.equal(member.headers.get("x-cache"), "MISS");
    assert.deepEqual(
      member.headers.getSetCookie(),
      [],
      "a cacheable page is rendered without the visitor's session",
    );
    assert.ok(!member.text.includes(customer.email), "the page holds nothing of the member");

    const stranger = await page(path);
    assert.equal(stranger.headers.get("x-cache"), "HIT");
    assert.deepEqual(stranger.headers.getSetCookie(), [], "no cookie is replayed from the cache");
    assert.equal(stranger.text, member.text, "everyone gets the same HTML");

    // The same member on a per-user page: the session is refreshed there (Set-Cookie), and such
    // an answer is passed through, never stored.
    const account = await page("/account", {}, jar);
    assert.equal(account.status, 200);
    assert.equal(account.headers.get("x-cache"), "BYPASS");
    assert.ok(
      account.headers.getSetCookie().some((c) => c.startsWith("access_token=")),
      "refreshed on the way",
    );
    assert.ok(account.text.includes(customer.email));
    const anonymous = await page("/account");
    assert.ok(
      [303, 307].includes(anonymous.status),
      "another visitor is not served the member's page",
    );
    assert.ok(!anonymous.text.includes(customer.email));
  });
});

describe("issue 5: stampede on a cold page", () => {
  it("200 concurrent requests for a cold page: the storefront renders it once, everyone gets the same HTML", async () => {
    const tag = `stampede-${randomBytes(4).toString("hex")}`;
    const path = `/categories/home?minPrice=${1 + randomInt(5_000)}&sort=price_desc`;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        call(edge(), path, { headers: { accept: "text/html", "x-request-id": `${tag}-${i}` } }),
      ),
    );
    assert.ok(
      answers.every((a) => a.status === 200),
      answers.map((a) => a.status).join(","),
    );
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, "everyone got the same page");
    // A render asks the gateway for /api/categories with the request id of the visitor it renders for.
    const renders = () =>
      new Set(
        logLinesWith("gateway", tag)
          .map((line) => JSON.parse(line) as { requestId: string; path: string })
          .filter((entry) => entry.path === "/api/categories")
          .map((entry) => entry.requestId),
      );
    await within(3_000, async () => (renders().size > 0 ? true : undefined), 100);
    await logsFlushed("gateway", "/api/categories");
    assert.equal(renders().size, 1, `renders: ${[...renders()].join(", ")}`);
    const statuses = new Set(answers.map((a) => a.headers.get("x-cache")));
    assert.ok(
      statuses.has("MISS") && [...statuses].every((s) => s === "MISS" || s === "HIT"),
      [...statuses].join(","),
    );
  });
});
