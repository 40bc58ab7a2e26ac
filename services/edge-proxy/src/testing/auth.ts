/**
 * A stand-in auth service for tests: real EdDSA JWTs with a JWKS, refresh-token rotation (a used
 * token is rejected), guest sessions, and counters of what the edge asked for.
 */
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from "jose";
import { startServer, type TestServer } from "./servers.js";

export interface FakeAuth extends TestServer {
  refreshCalls: number;
  guestCalls: number;
  /** A session as the browser would hold it; `expiresInSec` ≤ 0 makes the access token already expired. */
  session(options?: {
    role?: "guest" | "customer" | "admin";
    expiresInSec?: number;
  }): Promise<{ accessToken: string; refreshToken: string }>;
  token(options?: {
    role?: "guest" | "customer" | "admin";
    expiresInSec?: number;
    sub?: string;
  }): Promise<string>;
}

export async function startFakeAuth(clientKey = "test-client-key"): Promise<FakeAuth> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", {
    crv: "Ed25519",
    extractable: true,
  });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "EdDSA", use: "sig" };
  const refreshTokens = new Map<string, { sub: string; role: string; used: boolean }>();
  const expectedBasic = `Basic ${Buffer.from(`edge-proxy:${clientKey}`).toString("base64")}`;

  const token = (options: { role?: string; expiresInSec?: number; sub?: string } = {}) =>
    sign(
      privateKey,
      options.sub ?? `member-${crypto.randomUUID()}`,
      options.role ?? "customer",
      options.expiresInSec ?? 900,
    );

  const issue = async (sub: string, role: string) => {
    const refreshToken = crypto.randomUUID() + crypto.randomUUID();
    refreshTokens.set(refreshToken, { sub, role, used: false });
    return {
      accessToken: await sign(privateKey, sub, role, 900),
      refreshToken,
      tokenType: "Bearer",
      expiresIn: 900,
      refreshExpiresIn: 604_800,
      user: null,
    };
  };

  const problem = (status: number, code: string) =>
    Response.json(
      { type: "about:blank", title: code, status, detail: code, code },
      { status, headers: { "content-type": "application/problem+json" } },
    );

  const server = startServer(async (request, seen) => {
    if (seen.path === "/.well-known/jwks.json") return Response.json({ keys: [jwk] });
    if (request.headers.get("authorization") !== expectedBasic)
      return problem(401, "AUTH_CLIENT_INVALID");
    if (seen.path === "/api/auth/guest") {
      fake.guestCalls += 1;
      return Response.json(await issue(`guest_${crypto.randomUUID()}`, "guest"));
    }
    if (seen.path === "/api/auth/refresh") {
      fake.refreshCalls += 1;
      await Bun.sleep(30); // a realistic round trip, so parallel callers overlap
      const { refreshToken } = JSON.parse(seen.body || "{}") as { refreshToken?: string };
      const known = refreshToken ? refreshTokens.get(refreshToken) : undefined;
      if (!known || known.used)
        return problem(401, known ? "AUTH_REFRESH_REUSED" : "AUTH_REFRESH_INVALID");
      known.used = true;
      return Response.json(await issue(known.sub, known.role));
    }
    return problem(404, "ROUTE_NOT_FOUND");
  });

  const fake: FakeAuth = {
    ...server,
    refreshCalls: 0,
    guestCalls: 0,
    token,
    async session(options = {}) {
      const sub = `member-${crypto.randomUUID()}`;
      const role = options.role ?? "customer";
      const refreshToken = crypto.randomUUID() + crypto.randomUUID();
      refreshTokens.set(refreshToken, { sub, role, used: false });
      return {
        accessToken: await token({ sub, role, expiresInSec: options.expiresInSec ?? 900 }),
        refreshToken,
      };
    },
  };
  return fake;
}

async function sign(
  key: CryptoKey,
  sub: string,
  role: string,
  expiresInSec: number,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role, sid: crypto.randomUUID() })
    .setProtectedHeader({ alg: "EdDSA", kid: "test-key" })
    .setSubject(sub)
    .setIssuer("shop-auth")
    .setAudience("shop-api")
    .setJti(crypto.randomUUID())
    .setIssuedAt(now - 1000)
    .setExpirationTime(now + expiresInSec)
    .sign(key);
}
