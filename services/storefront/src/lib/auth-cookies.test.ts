import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  clearedCookies,
  isSecureRequest,
  needsRefresh,
  peekClaims,
  rewriteCookieHeader,
  sessionCookies,
} from "./auth-cookies";

function jwt(claims: Record<string, unknown>): string {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${part({ alg: "EdDSA", kid: "k1" })}.${part(claims)}.signature`;
}

describe("session cookies", () => {
  it("are httpOnly, SameSite=Lax, Path=/ and live as long as their tokens", () => {
    const [access, refresh] = sessionCookies(
      { accessToken: "A", refreshToken: "R", expiresIn: 900, refreshExpiresIn: 1209600 },
      true,
    );
    assert.deepEqual(access, {
      name: "access_token",
      value: "A",
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure: true,
      maxAge: 900,
    });
    assert.equal(refresh?.maxAge, 1209600);
    assert.equal(refresh?.name, "refresh_token");
  });

  it("are cleared with the same attributes", () => {
    for (const c of clearedCookies(false)) {
      assert.equal(c.maxAge, 0);
      assert.equal(c.value, "");
      assert.equal(c.secure, false);
      assert.equal(c.httpOnly, true);
    }
  });

  it("are Secure when the edge says the browser used HTTPS", () => {
    assert.equal(isSecureRequest("https", "http://storefront:3000/"), true);
    assert.equal(isSecureRequest("http", "https://x/"), false);
    assert.equal(isSecureRequest(null, "https://shop.example/"), true);
    assert.equal(isSecureRequest(undefined, "http://localhost:3000/"), false);
  });
});

describe("refresh decision", () => {
  const now = 1_800_000_000;
  it("refreshes a missing, unreadable or expiring access token when a refresh token exists", () => {
    assert.equal(needsRefresh(undefined, "r", now), true);
    assert.equal(needsRefresh("garbage", "r", now), true);
    assert.equal(needsRefresh(jwt({ exp: now + 10 }), "r", now), true);
    assert.equal(needsRefresh(jwt({ exp: now + 600 }), "r", now), false);
  });

  it("never refreshes without a refresh token", () => {
    assert.equal(needsRefresh(jwt({ exp: now - 10 }), undefined, now), false);
  });

  it("reads claims without trusting them", () => {
    assert.deepEqual(peekClaims(jwt({ exp: 5, role: "guest", sub: "guest_1" })), {
      exp: 5,
      role: "guest",
      sub: "guest_1",
    });
    assert.equal(peekClaims("a.b"), null);
  });
});

describe("rewriteCookieHeader", () => {
  it("replaces and removes cookies and keeps the others", () => {
    const header = "theme=dark; access_token=old; refresh_token=r1";
    assert.equal(
      rewriteCookieHeader(header, { access_token: "new", refresh_token: "r2" }),
      "theme=dark; access_token=new; refresh_token=r2",
    );
    assert.equal(
      rewriteCookieHeader(header, { access_token: null, refresh_token: null }),
      "theme=dark",
    );
    assert.equal(rewriteCookieHeader(null, { access_token: "a" }), "access_token=a");
  });
});
