/** Cookie → Bearer, refresh once per session, lazy guests, CSRF — through a real edge, auth and gateway stand-ins. */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { startFakeAuth, type FakeAuth } from "../testing/auth.js";
import {
  cleanupPrefix,
  htmlPage,
  startEdge,
  startServer,
  tracker,
  type TestEdge,
  type TestServer,
} from "../testing/servers.js";

const track = tracker();
afterEach(() => track.stopAll());
let auth: FakeAuth;
beforeAll(async () => {
  auth = await startFakeAuth();
});
afterAll(() => auth.stop());

async function setup(
  env: Record<string, string> = {},
  authUrl?: string,
): Promise<{ edge: TestEdge; gateway: TestServer; storefront: TestServer }> {
  const gateway = startServer(() => Response.json({ ok: true }));
  const storefront = startServer(() =>
    htmlPage("account page", { "surrogate-control": "no-store" }),
  );
  const edge = await startEdge({
    gateway: gateway.url,
    storefront: storefront.url,
    auth: authUrl ?? auth.url,
    env,
  });
  track.add(async () => {
    await edge.stop();
    await gateway.stop();
    await storefront.stop();
    await cleanupPrefix(edge.prefix);
  });
  auth.refreshCalls = 0;
  auth.guestCalls = 0;
  return { edge, gateway, storefront };
}

const cookieHeader = (s: { accessToken: string; refreshToken: string }) =>
  `theme=dark; access_token=${s.accessToken}; refresh_token=${s.refreshToken}`;
const setCookies = (r: Response) => r.headers.getSetCookie();
const cookieValue = (cookies: string[], name: string) =>
  cookies
    .find((c) => c.startsWith(`${name}=`))
    ?.split(";")[0]!
    .slice(name.length + 1);

describe("cookie → Bearer", () => {
  test("the access cookie becomes an Authorization header; token cookies stop at the edge", async () => {
    const { edge, gateway } = await setup();
    const session = await auth.session();
    const answer = await fetch(`${edge.url}/api/cart`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(answer.status).toBe(200);
    const seen = gateway.seen[0]!.headers;
    expect(seen.get("authorization")).toBe(`Bearer ${session.accessToken}`);
    expect(seen.get("cookie")).toBe("theme=dark");
    expect(setCookies(answer)).toEqual([]);
    expect(auth.refreshCalls).toBe(0);
  });

  test("an explicit Authorization header from the client wins over the cookie", async () => {
    const { edge, gateway } = await setup();
    const expired = await auth.session({ expiresInSec: -10 });
    await fetch(`${edge.url}/api/orders`, {
      headers: { cookie: cookieHeader(expired), authorization: "Bearer from-client" },
    });
    expect(gateway.seen[0]!.headers.get("authorization")).toBe("Bearer from-client");
    expect(auth.refreshCalls).toBe(0);
  });
});

describe("refresh", () => {
  test("an expired token is refreshed once for 30 parallel requests; every answer sets both cookies", async () => {
    const { edge, gateway } = await setup();
    const session = await auth.session({ expiresInSec: -5 });
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        fetch(`${edge.url}/api/cart`, { headers: { cookie: cookieHeader(session) } }),
      ),
    );
    expect(auth.refreshCalls).toBe(1);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const bearers = new Set(gateway.seen.map((s) => s.headers.get("authorization")));
    expect(bearers.size).toBe(1);
    const [bearer] = [...bearers];
    expect(bearer).not.toBe(`Bearer ${session.accessToken}`);
    for (const answer of answers) {
      const cookies = setCookies(answer);
      expect(`Bearer ${cookieValue(cookies, "access_token")}`).toBe(bearer!);
      expect(cookieValue(cookies, "refresh_token")).toBeTruthy();
      for (const cookie of cookies)
        expect(cookie).toContain("; Path=/; HttpOnly; SameSite=Lax; Max-Age=");
    }
    // A request the browser sent before it saw the new cookies reuses the outcome (no reuse of the rotated token).
    const late = await fetch(`${edge.url}/api/orders`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(late.status).toBe(200);
    expect(auth.refreshCalls).toBe(1);
  });

  test("a token about to expire (inside the leeway) is refreshed too", async () => {
    const { edge } = await setup();
    const session = await auth.session({ expiresInSec: 10 });
    const answer = await fetch(`${edge.url}/api/home`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(auth.refreshCalls).toBe(1);
    expect(cookieValue(setCookies(answer), "access_token")).not.toBe(session.accessToken);
  });

  test("cookies are Secure when the browser came over HTTPS", async () => {
    const { edge } = await setup();
    const session = await auth.session({ expiresInSec: -5 });
    const answer = await fetch(`${edge.url}/api/cart`, {
      headers: { cookie: cookieHeader(session), "x-forwarded-proto": "https" },
    });
    expect(setCookies(answer).every((c) => c.endsWith("; Secure"))).toBe(true);
  });

  test("a rejected refresh token clears the cookies; the visitor continues as a guest where one is needed", async () => {
    const { edge, gateway } = await setup();
    const bogus = {
      accessToken: await auth.token({ expiresInSec: -5 }),
      refreshToken: "not-a-known-token",
    };
    const publicCall = await fetch(`${edge.url}/api/home`, {
      headers: { cookie: cookieHeader(bogus) },
    });
    expect(gateway.seen[0]!.headers.get("authorization")).toBeNull();
    expect(setCookies(publicCall)).toEqual([
      "access_token=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
      "refresh_token=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
    ]);
    const cartCall = await fetch(`${edge.url}/api/cart`, {
      headers: { cookie: cookieHeader({ ...bogus, refreshToken: "another-unknown" }) },
    });
    expect(auth.guestCalls).toBe(1);
    expect(gateway.seen[1]!.headers.get("authorization")).toStartWith("Bearer ");
    expect(cookieValue(setCookies(cartCall), "access_token")).toBeTruthy();
  });

  test("with auth unreachable the request goes on with the old token and the cookies are kept", async () => {
    const { edge, gateway } = await setup({}, "http://127.0.0.1:9");
    const session = await auth.session({ expiresInSec: -5 });
    const answer = await fetch(`${edge.url}/api/cart`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(gateway.seen[0]!.headers.get("authorization")).toBe(`Bearer ${session.accessToken}`);
    expect(setCookies(answer)).toEqual([]);
  });

  test("page requests get the refresh too: the storefront renders with the new cookie, the browser receives it", async () => {
    const { edge, storefront } = await setup();
    const session = await auth.session({ expiresInSec: -5 });
    const answer = await fetch(`${edge.url}/account`, {
      headers: { cookie: cookieHeader(session) },
    });
    expect(answer.headers.get("x-cache")).toBe("BYPASS");
    const newAccess = cookieValue(setCookies(answer), "access_token")!;
    expect(newAccess).toBeTruthy();
    const forwarded = storefront.seen[0]!.headers.get("cookie")!;
    expect(forwarded).toContain(`access_token=${newAccess}`);
    expect(forwarded).toContain("theme=dark");
    expect(forwarded).not.toContain(session.refreshToken);
  });
});

describe("lazy guest sessions", () => {
  test("public catalogue reads and auth routes never create one", async () => {
    const { edge, gateway } = await setup();
    for (const [method, path] of [
      ["GET", "/api/home"],
      ["GET", "/api/categories?category=shoes"],
      ["GET", "/api/products/tee"],
      ["GET", "/api/v1/categories"],
      ["POST", "/api/auth/login"],
    ] as const) {
      const answer = await fetch(`${edge.url}${path}`, {
        method,
        body: method === "POST" ? "{}" : undefined,
      });
      expect(setCookies(answer)).toEqual([]);
    }
    expect(auth.guestCalls).toBe(0);
    expect(gateway.seen.every((s) => s.headers.get("authorization") === null)).toBe(true);
  });

  test("a call that needs an identity gets a guest session, forwarded and set as cookies", async () => {
    const { edge, gateway } = await setup();
    const answer = await fetch(`${edge.url}/api/cart`);
    expect(answer.status).toBe(200);
    expect(auth.guestCalls).toBe(1);
    const cookies = setCookies(answer);
    expect(gateway.seen[0]!.headers.get("authorization")).toBe(
      `Bearer ${cookieValue(cookies, "access_token")}`,
    );
    expect(cookieValue(cookies, "refresh_token")).toBeTruthy();
    // auth's own per-IP limits see the visitor's address, not the edge's
    const asked = auth.seen.filter((s) => s.path === "/api/auth/guest").at(-1)!;
    expect(asked.headers.get("x-forwarded-for")).toBe("127.0.0.1");
    expect(asked.headers.get("authorization")).toBe(
      `Basic ${Buffer.from("edge-proxy:test-client-key").toString("base64")}`,
    );
  });

  test("guest sessions are rate-limited per IP", async () => {
    const { edge } = await setup({ GUEST_RATE_LIMIT: "3" });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${edge.url}/api/cart`)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${edge.url}/api/cart`);
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(((await limited.json()) as { code: string }).code).toBe("RATE_LIMITED");
    expect(auth.guestCalls).toBe(3);
  });
});

describe("CSRF", () => {
  const write = (edge: TestEdge, headers: Record<string, string>) =>
    fetch(`${edge.url}/api/cart/items`, {
      method: "POST",
      headers: { "content-type": "application/json", host: "shop.example", ...headers },
      body: "{}",
    });

  test("a cookie-authenticated write from another site is rejected before it reaches the gateway", async () => {
    const { edge, gateway } = await setup();
    const cookie = cookieHeader(await auth.session());
    const answer = await write(edge, {
      cookie,
      origin: "https://evil.example",
      "sec-fetch-site": "cross-site",
    });
    expect(answer.status).toBe(403);
    expect(answer.headers.get("content-type")).toBe("application/problem+json");
    expect(((await answer.json()) as { code: string }).code).toBe("CSRF_REJECTED");
    expect((await write(edge, { cookie })).status).toBe(403); // no Origin, no Sec-Fetch-Site
    expect(gateway.seen).toHaveLength(0);
  });

  test("same-origin writes, and writes carrying their own Authorization, pass", async () => {
    const { edge, gateway } = await setup();
    const cookie = cookieHeader(await auth.session());
    expect((await write(edge, { cookie, origin: "http://shop.example" })).status).toBe(200);
    expect((await write(edge, { cookie, "sec-fetch-site": "same-origin" })).status).toBe(200);
    expect(
      (await write(edge, { cookie, authorization: "Bearer x", origin: "https://evil.example" }))
        .status,
    ).toBe(200);
    expect(gateway.seen).toHaveLength(3);
  });

  test("page writes (server actions) are checked the same way", async () => {
    const { edge, storefront } = await setup();
    const cookie = cookieHeader(await auth.session());
    const answer = await fetch(`${edge.url}/account`, {
      method: "POST",
      headers: { cookie, origin: "https://evil.example" },
      body: "x",
    });
    expect(answer.status).toBe(403);
    expect(storefront.seen).toHaveLength(0);
  });
});
