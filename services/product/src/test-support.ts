/**
 * Test harness: the real service on a throwaway PostgreSQL database, a random Redis prefix and a
 * temporary image folder, listening on a free port; tokens signed with a key made for the test.
 */
import {
  createTestDatabase,
  createTestRedis,
  testRedisUrl,
  type TestDatabase,
} from "@shop/test-kit";
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from "jose";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { buildApp, type ProductApp } from "./app.js";
import { loadProductConfig, type ProductConfig } from "./config.js";
import type { ImageStorage } from "./images/image-storage.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON bodies loosely
export type Json = any;
type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];

export interface ApiResponse<T = Json> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

export interface TestService {
  url: string;
  config: ProductConfig;
  product: ProductApp;
  imageDir: string;
  /** Redis helpers for the test's own key prefix (subscribe to events with `redis.duplicate()`). */
  redis: Awaited<ReturnType<typeof createTestRedis>>;
  tokens: { admin: string; customer: string; guest: string };
  mint(claims: {
    sub: string;
    role: "guest" | "customer" | "admin";
    name?: string;
  }): Promise<string>;
  api<T = Json>(method: string, path: string, options?: CallOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

export async function startTestService(
  options: { seed?: boolean; env?: Record<string, string>; storage?: ImageStorage } = {},
): Promise<TestService> {
  const db: TestDatabase = await createTestDatabase("product");
  const redis = await createTestRedis("product");
  const imageDir = await mkdtemp(join(tmpdir(), "product-images-"));
  const { publicKey, privateKey } = await generateKeyPair("EdDSA", { crv: "Ed25519" });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "EdDSA" };
  const config = loadProductConfig({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    REDIS_URL: testRedisUrl,
    REDIS_PREFIX: redis.prefix,
    IMAGE_DIR: imageDir,
    ENABLE_SEED: options.seed === false ? "false" : "true",
    IMAGE_SWEEP_INTERVAL_SECONDS: "0",
    RESERVATION_SWEEP_INTERVAL_SECONDS: "0",
    ...options.env,
  });
  const product = await buildApp(config, {
    tokenKeys: createLocalJWKSet({ keys: [jwk] }),
    ...(options.storage ? { storage: options.storage } : {}),
  });
  const server: Server = await product.app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mint = (claims: { sub: string; role: string; name?: string }) =>
    signToken(privateKey, claims);

  const api = async (
    method: string,
    path: string,
    call: CallOptions = {},
  ): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...call.headers };
    if (call.token) headers.authorization = `Bearer ${call.token}`;
    if (call.body !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(url + path, {
      method,
      headers,
      body: call.form ?? (call.body !== undefined ? JSON.stringify(call.body) : undefined),
    });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    return {
      status: response.status,
      headers: response.headers,
      body: type.includes("json") && text ? JSON.parse(text) : text,
    };
  };

  return {
    url,
    config,
    product,
    imageDir,
    redis,
    tokens: {
      admin: await mint({ sub: randomUUID(), role: "admin", name: "관리자" }),
      customer: await mint({ sub: randomUUID(), role: "customer", name: "김민지" }),
      guest: await mint({ sub: `guest_${randomUUID()}`, role: "guest" }),
    },
    mint,
    api,
    async close() {
      await product.close();
      await redis.cleanup();
      await db.drop();
      await rm(imageDir, { recursive: true, force: true });
    },
  };
}

function signToken(
  key: PrivateKey,
  claims: { sub: string; role: string; name?: string },
): Promise<string> {
  return new SignJWT({
    role: claims.role,
    sid: randomUUID(),
    ...(claims.name ? { name: claims.name } : {}),
  })
    .setProtectedHeader({ alg: "EdDSA", kid: "test-key" })
    .setSubject(claims.sub)
    .setIssuer("shop-auth")
    .setAudience("shop-api")
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime("10m")
    .sign(key);
}

/** Collects messages published on a channel (e.g. catalog events) until `stop()`. */
export async function listen(redisUrl: string, channel: string) {
  const { Redis } = await import("ioredis");
  const subscriber = new Redis(redisUrl);
  const messages: Json[] = [];
  subscriber.on("message", (_channel: string, message: string) =>
    messages.push(JSON.parse(message)),
  );
  await subscriber.subscribe(channel);
  return {
    messages,
    async stop() {
      subscriber.disconnect();
    },
  };
}
