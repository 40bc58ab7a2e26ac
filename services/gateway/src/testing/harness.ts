/**
 * Test harness: a JWKS server with an Ed25519 key and a token minter, small node:http upstreams
 * started on port 0, and a gateway built from a YAML string against real Redis (DB 15, random prefix).
 */
import { createLogger, type Logger } from "@shop/platform";
import { createTestRedis } from "@shop/test-kit";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from "jose";
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp, type Gateway } from "../app.js";
import { loadGatewayEnv } from "../config.js";
import { parseGatewayFile } from "../gateway-file/load.js";

export interface TestServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestServer> {
  const server = createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export interface Issuer extends TestServer {
  /** Signs an access token; claims override the defaults (a customer with a fresh session). */
  token(
    claims?: Partial<JWTPayload & { role: string; sid: string; name: string }>,
    options?: { expiresIn?: string | number; key?: CryptoKey; kid?: string; audience?: string },
  ): Promise<string>;
  privateKey: CryptoKey;
}

/** An auth-service stand-in that only serves a JWKS, plus a minter for its tokens. */
export async function startIssuer(): Promise<Issuer> {
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const kid = "test-key-1";
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "EdDSA", use: "sig" };
  const body = JSON.stringify({ keys: [jwk] });
  const server = await listen((req, res) => {
    if (req.url === "/.well-known/jwks.json") {
      res.writeHead(200, { "content-type": "application/json" }).end(body);
    } else res.writeHead(404).end();
  });
  return {
    ...server,
    privateKey,
    async token(claims = {}, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = {
        role: "customer",
        sid: `sess_${randomUUID()}`,
        jti: randomUUID(),
        ...claims,
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: "EdDSA", kid: options.kid ?? kid, typ: "JWT" })
        .setSubject(String(claims.sub ?? randomUUID()))
        .setIssuer("shop-auth")
        .setAudience(options.audience ?? "shop-api")
        .setIssuedAt(claims.iat ?? now)
        .setExpirationTime(options.expiresIn ?? "10m")
        .sign(options.key ?? privateKey);
    },
  };
}

export interface TestGateway {
  url: string;
  gateway: Gateway;
  prefix: string;
  redis: Awaited<ReturnType<typeof createTestRedis>>["redis"];
  internalKey: string;
  /** Stops the gateway; deletes its Redis keys unless `keepKeys` (a prefix shared with another gateway). */
  close(options?: { keepKeys?: boolean }): Promise<void>;
}

/**
 * Builds and starts a gateway from `yaml`. `upstreams` maps upstream names to URLs (as `<NAME>_URL`);
 * `env` adds or overrides variables (e.g. REDIS_URL pointing at a closed port).
 */
export async function startGateway(
  yaml: string,
  options: {
    upstreams?: Record<string, string>;
    env?: Record<string, string>;
    authUrl?: string;
    settleMs?: number;
    logger?: Logger;
  } = {},
): Promise<TestGateway> {
  const testRedis = await createTestRedis("gateway");
  const internalKey = `test-internal-${randomUUID()}`;
  const env = loadGatewayEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    REDIS_URL: testRedis.url,
    REDIS_PREFIX: testRedis.prefix,
    INTERNAL_KEY: internalKey,
    AUTH_URL: options.authUrl ?? "http://127.0.0.1:9",
    ENABLE_WARM_UP: "false",
    ...Object.fromEntries(
      Object.entries(options.upstreams ?? {}).map(([name, url]) => [
        `${name.toUpperCase()}_URL`,
        url,
      ]),
    ),
    ...options.env,
  });
  const logger = options.logger ?? createLogger("gateway", env.LOG_LEVEL);
  const gateway = buildApp(env, parseGatewayFile(yaml, "test.yaml"), logger);
  const port = await gateway.listen(0, "127.0.0.1");
  await gateway.settled(options.settleMs);
  return {
    url: `http://127.0.0.1:${port}`,
    gateway,
    prefix: testRedis.prefix,
    redis: testRedis.redis,
    internalKey,
    async close({ keepKeys = false } = {}) {
      await gateway.close();
      if (keepKeys) testRedis.redis.disconnect();
      else await testRedis.cleanup();
    },
  };
}

/** A counting upstream: answers with `respond` and records every request it received. */
export async function startUpstream(
  respond: (req: IncomingMessage, res: ServerResponse, body: Buffer) => unknown,
): Promise<
  TestServer & {
    calls: { method: string; url: string; headers: IncomingMessage["headers"]; body: Buffer }[];
  }
> {
  const calls: {
    method: string;
    url: string;
    headers: IncomingMessage["headers"];
    body: Buffer;
  }[] = [];
  const server = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      calls.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body });
      void Promise.resolve(respond(req, res, body)).catch(() => res.destroy());
    });
  });
  return { ...server, calls };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A logger that keeps every line (level, fields, message) for assertions. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const write =
    (level: string) =>
    (fields: Record<string, unknown> | string, msg?: string): void => {
      if (typeof fields === "string") lines.push({ level, msg: fields });
      else lines.push({ level, ...fields, msg });
    };
  const logger = {
    level: "info",
    fatal: write("fatal"),
    error: write("error"),
    warn: write("warn"),
    info: write("info"),
    debug: write("debug"),
    trace: write("trace"),
    child: () => logger,
    isLevelEnabled: () => true,
  };
  return { logger: logger as unknown as Logger, lines };
}
