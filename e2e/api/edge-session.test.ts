// Issue 3 at the edge proxy: cookies become Bearer tokens, guests get sessions lazily, expired
// access tokens are refreshed with the refresh cookie, cross-site writes are refused, and the
// storefront's redirects reach the browser untouched.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Member, MeResponse, SESSION_PATHS, type Cart } from "@shop/contracts";
import { createProduct, login, registerCustomer } from "./lib/fixtures.js";
import {
  assertProblem,
  call,
  cookieAttributes,
  CookieJar,
  edge,
  gateway,
  within,
} from "./lib/http.js";
import { decodePayload, expiredLike } from "./lib/tokens.js";

describe("issue 3: the edge proxy turns session cookies into identities", () => {
  it("sends the access_token cookie on as a Bearer token (no Authorization header from the browser)", async () => {
    const customer = await registerCustomer("cookie");
    const jar = new CookieJar({
      access_token: customer.accessToken,
      refresh_token: customer.refreshToken,
    });
    const me = await call(edge(), "/api/auth/me", { jar });
    assert.equal(me.status, 200, me.text);
    assert.equal(MeResponse.parse(me.body).id, customer.id);
    const profile = await call(edge(), "/api/members/me", { jar });
    assert.equal(profile.status, 200, profile.text);
    assert.equal(Member.parse(profile.body).email, customer.email);
    assert.deepEqual(profile.headers.getSetCookie(), [], "a valid session is not re-issued");
    // Without the cookies the visitor is a (lazily issued) guest, which this route refuses.
    assertProblem(await call(edge(), "/api/members/me"), 403, "FORBIDDEN");
  });

  it("gives a cookieless visitor a guest session only when the call needs one (/api/cart), as httpOnly cookies", async () => {
    const home = await call(edge(), "/api/home");
    assert.equal(home.status, 200);
    assert.deepEqual(home.headers.getSetCookie(), [], "public catalogue reads start no session");

    const jar = new CookieJar();
    const first = await call<Cart>(edge(), "/api/cart", { jar });
    assert.equal(first.status, 200, first.text);
    for (const name of ["access_token", "refresh_token"]) {
      const attributes = cookieAttributes(first, name);
      assert.ok(attributes, `${name} is set`);
      for (const expected of ["httponly", "samesite=lax", "path=/"])
        assert.ok(attributes.includes(expected), `${name}: ${expected}`);
      assert.ok(!attributes.includes("secure"), `${name} is not Secure over plain http`);
    }
    const claims = decodePayload(jar.get("access_token")!);
    assert.equal(claims.role, "guest");
    assert.match(String(claims.sub), /^guest_/);
    assert.equal(first.body.ownerId, claims.sub, "the cart belongs to the new guest");

    const again = await call<Cart>(edge(), "/api/cart", { jar });
    assert.equal(again.body.ownerId, claims.sub);
    assert.deepEqual(again.headers.getSetCookie(), [], "the guest keeps its session");

    const https = await call(edge(), "/api/cart", { headers: { "x-forwarded-proto": "https" } });
    assert.ok(
      cookieAttributes(https, "access_token")?.includes("secure"),
      "Secure when the visitor came over HTTPS",
    );
  });

  it("refreshes an expired access token with the refresh cookie, once for parallel requests", async () => {
    const customer = await registerCustomer("refresh");
    const session = await login(customer.email, customer.password);
    const expired = expiredLike(session.accessToken);
    // The expired token is refused on its own, so a 200 below can only come from a refresh.
    assertProblem(
      await call(gateway(), "/api/members/me", { token: expired }),
      401,
      "AUTH_TOKEN_EXPIRED",
    );

    const jars = Array.from(
      { length: 5 },
      () => new CookieJar({ access_token: expired, refresh_token: session.refreshToken }),
    );
    const answers = await Promise.all(jars.map((jar) => call(edge(), "/api/members/me", { jar })));
    for (const res of answers) {
      assert.equal(res.status, 200, res.text);
      assert.equal(Member.parse(res.body).id, customer.id);
    }
    const refreshTokens = new Set(jars.map((jar) => jar.get("refresh_token")));
    assert.equal(refreshTokens.size, 1, "parallel requests shared one refresh");
    assert.ok(!refreshTokens.has(session.refreshToken), "the refresh token was rotated");
    const fresh = jars[0]!.get("access_token")!;
    assert.notEqual(fresh, expired);
    assert.ok(Number(decodePayload(fresh).exp) > Date.now() / 1000 + 60);
    assert.equal((await call(gateway(), "/api/members/me", { token: fresh })).status, 200);
  });

  it("clears the cookies when the refresh token is no longer valid", async () => {
    const jar = new CookieJar({ refresh_token: "x".repeat(43) });
    const res = await call(edge(), "/api/auth/me", { jar });
    assertProblem(res, 401, "AUTH_REQUIRED");
    assert.equal(jar.size, 0, `both cookies cleared: ${res.headers.getSetCookie().join(" | ")}`);
    // Where the call needs an identity, the dead session is replaced by a guest one.
    const member = new CookieJar({ refresh_token: "y".repeat(43) });
    assertProblem(await call(edge(), "/api/members/me", { jar: member }), 403, "FORBIDDEN");
    assert.equal(decodePayload(member.get("access_token")!).role, "guest");
    assert.notEqual(member.get("refresh_token"), "y".repeat(43));
  });
});

describe("issue 3: CSRF on cookie-authenticated writes", () => {
  it("refuses a cross-site cookie-authenticated POST and lets the shop's own pages through", async () => {
    const product = await createProduct({ stock: 5 });
    const jar = new CookieJar();
    assert.equal((await call(edge(), "/api/cart", { jar })).status, 200);
    const add = (headers: Record<string, string>) =>
      call<Cart>(edge(), "/api/cart/items", {
        jar,
        headers,
        json: { productId: product.id, quantity: 1 },
      });

    assertProblem(
      await add({ origin: "https://evil.example", "sec-fetch-site": "cross-site" }),
      403,
      "CSRF_REJECTED",
    );
    assertProblem(await add({ origin: "https://evil.example" }), 403, "CSRF_REJECTED");
    assertProblem(
      await add({ "sec-fetch-site": "same-site", origin: "http://shop.evil.example" }),
      403,
      "CSRF_REJECTED",
    );
    assertProblem(await add({}), 403, "CSRF_REJECTED");
    const empty = await call<Cart>(edge(), "/api/cart", { jar });
    assert.deepEqual(empty.body.lines, [], "nothing was added by the refused posts");

    const sameOrigin = await add({ "sec-fetch-site": "same-origin", origin: edge() });
    assert.equal(sameOrigin.status, 200, sameOrigin.text);
    const ownOrigin = await add({ origin: edge() });
    assert.equal(ownOrigin.status, 200, ownOrigin.text);
    assert.equal(ownOrigin.body.lines[0]?.quantity, 2);
  });

  it("the logout form (posted to the edge) ends the session at the gateway and clears the cookies", async () => {
    const customer = await registerCustomer("logout-form");
    const jar = new CookieJar({
      access_token: customer.accessToken,
      refresh_token: customer.refreshToken,
    });
    const crossSite = await call(edge(), SESSION_PATHS.logout, {
      method: "POST",
      jar,
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    assert.equal(crossSite.status, 403);
    assert.equal(
      (await call(gateway(), "/api/members/me", { token: customer.accessToken })).status,
      200,
      "still signed in",
    );

    const out = await call(edge(), SESSION_PATHS.logout, {
      method: "POST",
      jar,
      headers: { "sec-fetch-site": "same-origin" },
    });
    assert.equal(out.status, 303, out.text);
    assert.equal(out.headers.get("location"), "/");
    assert.equal(jar.size, 0, "both cookies cleared");
    const { ms } = await within(1_000, async () => {
      const res = await call(gateway(), "/api/members/me", { token: customer.accessToken });
      return res.status === 401 ? res : undefined;
    });
    assert.ok(ms < 1_000);
  });
});

describe("issue 3: protected pages send a guest to the login page through the edge untouched", () => {
  for (const path of ["/account", "/orders"]) {
    it(`GET ${path} without a session answers the storefront's redirect, not the login page itself`, async () => {
      const res = await call(edge(), path, { headers: { accept: "text/html" } });
      assert.ok([303, 307].includes(res.status), `a redirect, got ${res.status}`);
      assert.equal(res.headers.get("location"), `/auth/login?redirect=${encodeURIComponent(path)}`);
      assert.doesNotMatch(res.text, /<form/i, "the proxy did not follow the redirect");
      assert.equal(res.headers.get("x-cache"), "BYPASS");
    });
  }

  it("a signed-in visitor gets /account itself", async () => {
    const customer = await registerCustomer("account");
    const jar = new CookieJar({
      access_token: customer.accessToken,
      refresh_token: customer.refreshToken,
    });
    const res = await call(edge(), "/account", { jar, headers: { accept: "text/html" } });
    assert.equal(res.status, 200, res.text.slice(0, 200));
    assert.ok(res.text.includes(customer.email), "the account page shows the member");
  });
});

describe("issue 16: the edge is the only writer of the session", () => {
  const sameSite = { "sec-fetch-site": "same-origin" };

  it("signs in with JSON: httpOnly cookies, no token in the answer, the guest's cart merged", async () => {
    const customer = await registerCustomer("edge-login");
    const product = await createProduct({ stock: 5 });
    const jar = new CookieJar();
    const added = await call(edge(), "/api/cart/items", {
      jar,
      headers: sameSite,
      json: { productId: product.id, quantity: 2 },
    });
    assert.equal(added.status, 200, added.text);
    assert.equal(decodePayload(jar.get("access_token")!).role, "guest");

    const signedIn = await call(edge(), "/_edge/session/login", {
      jar,
      headers: sameSite,
      json: { email: customer.email, password: customer.password, redirect: "/cart" },
    });
    assert.equal(signedIn.status, 200, signedIn.text);
    assert.deepEqual(Object.keys(signedIn.body).sort(), ["redirectTo", "user"]);
    assert.equal(signedIn.body.redirectTo, "/cart");
    assert.ok(!signedIn.text.includes(jar.get("access_token")!), "the token stays in the cookie");
    for (const name of ["access_token", "refresh_token"])
      assert.ok(cookieAttributes(signedIn, name)?.includes("httponly"), `${name} is httpOnly`);
    assert.equal(decodePayload(jar.get("access_token")!).sub, customer.id);

    const cart = await call<Cart>(edge(), "/api/cart", { jar });
    assert.equal(cart.body.ownerId, customer.id);
    assert.equal(cart.body.lines.find((l) => l.productId === product.id)?.quantity, 2);
  });

  it("answers a wrong password with auth's problem for scripts, and a redirect back to the form without script", async () => {
    const customer = await registerCustomer("edge-wrong");
    const wrong = { email: customer.email, password: "not-the-password" };
    assertProblem(
      await call(edge(), "/_edge/session/login", { headers: sameSite, json: wrong }),
      401,
      "AUTH_INVALID_CREDENTIALS",
    );
    const form = await call(edge(), "/_edge/session/login", {
      headers: { ...sameSite, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...wrong, redirect: "/account" }).toString(),
    });
    assert.equal(form.status, 303);
    assert.equal(
      form.headers.get("location"),
      "/auth/login?error=AUTH_INVALID_CREDENTIALS&redirect=%2Faccount",
    );
    assert.deepEqual(form.headers.getSetCookie(), []);
  });

  it("signs in and out with plain form posts (no script): 303s, cookies written then cleared", async () => {
    const customer = await registerCustomer("edge-form");
    const jar = new CookieJar();
    const signedIn = await call(edge(), "/_edge/session/login", {
      jar,
      headers: { ...sameSite, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        email: customer.email,
        password: customer.password,
        redirect: "https://evil.example/",
      }).toString(),
    });
    assert.equal(signedIn.status, 303);
    assert.equal(signedIn.headers.get("location"), "/", "only same-site destinations");
    assert.ok(jar.get("access_token"));
    const session = jar.get("refresh_token");

    const out = await call(edge(), "/_edge/session/logout", {
      jar,
      method: "POST",
      headers: { ...sameSite, "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    assert.equal(out.status, 303);
    assert.equal(out.headers.get("location"), "/");
    assert.equal(jar.get("access_token"), undefined);
    // The session ended at auth too: its refresh token no longer works.
    const refresh = await call(gateway(), "/api/auth/refresh", {
      client: true,
      json: { refreshToken: session },
    });
    assert.equal(refresh.status, 401, refresh.text);
  });

  it("refuses sign-in posts from another site", async () => {
    const customer = await registerCustomer("edge-csrf");
    const res = await call(edge(), "/_edge/session/login", {
      headers: { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      json: { email: customer.email, password: customer.password },
    });
    assertProblem(res, 403, "CSRF_REJECTED");
    assert.deepEqual(res.headers.getSetCookie(), []);
  });
});
