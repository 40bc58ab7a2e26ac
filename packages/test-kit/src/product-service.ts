/**
 * The real product service for other services' integration tests, run as a child process
 * ({@link startServiceProcess}) with a throwaway database, a random Redis prefix and a temporary
 * image folder. It verifies tokens against `authUrl` (for example a
 * {@link startTestIssuer} JWKS). Nothing of the product service is imported: it is only run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "./databases.js";
import { createTestRedis, testPrefix } from "./redis.js";
import { startServiceProcess, type ServiceProcess } from "./service-process.js";
import { freePort } from "./wait.js";

export interface ProductServiceOptions {
  /** Base URL whose `/.well-known/jwks.json` the service trusts (AUTH_URL). */
  authUrl: string;
  /** Seed the catalogue (8 categories, 64 products). Default true. */
  seed?: boolean;
  /** Port to listen on (default: a free one). */
  port?: number;
  /** INTERNAL_KEY for `/internal/*` (default: a random one). */
  internalKey?: string;
  /** Label for the database, Redis prefix and image folder names (default `product`). */
  label?: string;
  /** Extra environment, e.g. `{ RESERVATION_SWEEP_INTERVAL_SECONDS: "1" }`. */
  env?: Record<string, string>;
  /** How long to wait for `/health/ready` (default 90 s: swc compile, migrations and seed on a busy machine). */
  readyTimeoutMs?: number;
}

export interface ProductService {
  url: string;
  port: number;
  internalKey: string;
  /** Its throwaway database (for tests that must look at rows directly). */
  db: TestDatabase;
  /** Its Redis key prefix (REDIS_PREFIX). */
  redisPrefix: string;
  /** Stops the process (SIGTERM), keeping its data; `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it and removes its database, Redis keys and images. */
  close(): Promise<void>;
}

/**
 * Starts the product service and waits until `GET /health/ready` answers 200. A failed start
 * cleans up and throws with the last lines the process printed.
 *
 * @example
 * const issuer = await startTestIssuer();
 * const product = await startProductService({ authUrl: issuer.url, seed: false });
 * after(async () => { await product.close(); await issuer.close(); });
 */
export async function startProductService(options: ProductServiceOptions): Promise<ProductService> {
  const label = (options.label ?? "product").replace(/[^a-z0-9_-]/gi, "_").toLowerCase();
  const [db, redis, imageDir] = await Promise.all([
    createTestDatabase(label.replaceAll("-", "_")),
    createTestRedis(label),
    mkdtemp(join(tmpdir(), `${label}-images-`)),
  ]);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const internalKey = options.internalKey ?? `test-internal-${testPrefix("k").replaceAll(":", "")}`;
  const env = {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    PORT: String(port),
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    AUTH_URL: options.authUrl,
    INTERNAL_KEY: internalKey,
    IMAGE_DIR: imageDir,
    ENABLE_SEED: options.seed === false ? "false" : "true",
    ...options.env,
  };
  const cleanup = async () => {
    await db.drop();
    await redis.cleanup();
    await rm(imageDir, { recursive: true, force: true });
  };

  let service: ServiceProcess;
  try {
    service = await startServiceProcess({
      name: "product",
      loader: "@swc-node/register/esm-register",
      env,
      url,
      readyTimeoutMs: options.readyTimeoutMs ?? 90_000,
    });
  } catch (error) {
    await cleanup();
    throw error;
  }
  return {
    url,
    port,
    internalKey,
    db,
    redisPrefix: redis.prefix,
    stop: () => service.stop(),
    start: () => service.start(),
    async close() {
      await service.stop();
      await cleanup();
    },
  };
}
