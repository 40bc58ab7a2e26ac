/**
 * The real product service for other services' integration tests: started from its own folder
 * (`services/product`, `src/main.ts`) as a child process, with a throwaway database, a random
 * Redis prefix and a temporary image folder. It verifies tokens against `authUrl` (for example a
 * {@link startTestIssuer} JWKS). Nothing of the product service is imported: it is only run.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "./databases.js";
import { createTestRedis, testPrefix } from "./redis.js";
import { freePort } from "./wait.js";

/** `services/product` in this repository. */
export const productServiceDir = fileURLToPath(
  new URL("../../../services/product/", import.meta.url),
);

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
  if (!existsSync(join(productServiceDir, "src/main.ts"))) {
    throw new Error(`startProductService: no product service at ${productServiceDir}`);
  }
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
  let child: ChildProcess | undefined;
  const stop = async () => {
    const running = child;
    child = undefined;
    await terminate(running);
  };
  const start = async () => {
    child = await spawnUntilReady(env, url, options.readyTimeoutMs ?? 90_000);
  };
  const cleanup = async () => {
    await db.drop();
    await redis.cleanup();
    await rm(imageDir, { recursive: true, force: true });
  };

  try {
    await start();
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
    stop,
    start,
    async close() {
      await stop();
      await cleanup();
    },
  };
}

/** Spawns `src/main.ts` and waits for readiness; on failure stops it and throws with its last output. */
async function spawnUntilReady(
  env: Record<string, string>,
  url: string,
  timeoutMs: number,
): Promise<ChildProcess> {
  let output = "";
  const child = spawn(
    process.execPath,
    ["--import", "@swc-node/register/esm-register", "src/main.ts"],
    {
      cwd: productServiceDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`product service exited (${child.exitCode ?? child.signalCode})`);
      }
      if (await isReady(url)) return child;
      if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await terminate(child);
    throw new Error(`the product service did not start: ${(error as Error).message}\n${output}`, {
      cause: error,
    });
  }
}

async function isReady(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/health/ready`)).ok;
  } catch {
    return false;
  }
}

/** SIGTERM (graceful shutdown), then SIGKILL if it is still running after 10 s. */
async function terminate(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
