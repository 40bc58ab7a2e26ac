import { describe, expect, test } from "bun:test";
import {
  clearCookie,
  isSecureRequest,
  parseCookies,
  rewriteCookieHeader,
  serializeCookie,
  tokenExpiry,
} from "./cookies.js";

describe("session cookies", () => {
  test("parse: first value wins, spaces trimmed, encoded values decoded", () => {
    const cookies = parseCookies("a=1; access_token=abc.def.ghi ;a=2; theme=dark%20mode; broken");
    expect(cookies.get("a")).toBe("1");
    expect(cookies.get("access_token")).toBe("abc.def.ghi");
    expect(cookies.get("theme")).toBe("dark mode");
    expect(cookies.has("broken")).toBe(false);
  });

  test("serialise with the platform's attributes; Secure only over HTTPS", () => {
    expect(serializeCookie("access_token", "t", { maxAgeSeconds: 900, secure: false })).toBe(
      "access_token=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=900",
    );
    expect(serializeCookie("refresh_token", "r", { maxAgeSeconds: 60, secure: true })).toEndWith(
      "; Secure",
    );
    expect(clearCookie("access_token", false)).toBe(
      "access_token=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0",
    );
  });

  test("rewrite replaces or removes named cookies and keeps the rest", () => {
    expect(
      rewriteCookieHeader("theme=dark; access_token=old; refresh_token=r", {
        access_token: "new",
        refresh_token: undefined,
      }),
    ).toBe("theme=dark; access_token=new");
    expect(rewriteCookieHeader("access_token=old", { access_token: undefined })).toBeUndefined();
    expect(rewriteCookieHeader(null, { access_token: "t" })).toBe("access_token=t");
  });

  test("token expiry is read without verification; junk has none", () => {
    const payload = Buffer.from(JSON.stringify({ exp: 1_900_000_000 })).toString("base64url");
    expect(tokenExpiry(`h.${payload}.s`)).toBe(1_900_000_000);
    expect(tokenExpiry("not-a-jwt")).toBeUndefined();
    expect(tokenExpiry("a.%%%.c")).toBeUndefined();
  });

  test("HTTPS is taken from X-Forwarded-Proto (the TLS terminator in front)", () => {
    const url = new URL("http://shop.example/");
    expect(isSecureRequest(new Headers({ "x-forwarded-proto": "https" }), url)).toBe(true);
    expect(
      isSecureRequest(new Headers({ "x-forwarded-proto": "http" }), new URL("https://x/")),
    ).toBe(false);
    expect(isSecureRequest(new Headers(), url)).toBe(false);
  });
});
