/**
 * The real product service for integration tests: started from its own folder as a child process
 * on a free port, with a throwaway database, a random Redis prefix and a temporary image folder.
 * It verifies tokens against `authUrl` (a test issuer's JWKS). `stop()`/`start()` play an outage.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createTestDatabase, createTestRedis, freePort, testPrefix, waitFor } from "@shop/test-kit";

const productDir = fileURLToPath(new URL("../../../product/", import.meta.url));

export interface ProductService {
  url: string;
  internalKey: string;
  /** Stops the process (SIGTERM), keeping its data; `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function startProductService(options: {
  authUrl: string;
  seed?: boolean;
}): Promise<ProductService> {
  const db = await createTestDatabase("cart_product");
  const redis = await createTestRedis("cart-product");
  const imageDir = await mkdtemp(join(tmpdir(), "cart-product-images-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const internalKey = `test-internal-${testPrefix("k").replaceAll(":", "")}`;
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
  };
  let child: ChildProcess | undefined;
  let output = "";

  const start = async () => {
    output = "";
    child = spawn(
      process.execPath,
      ["--import", "@swc-node/register/esm-register", "src/main.ts"],
      {
        cwd: productDir,
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
      await waitFor(
        async () => {
          if (child?.exitCode !== null)
            throw new Error(`product service exited (${child?.exitCode})`);
          return (await fetch(`${url}/health/ready`)).ok;
        },
        60_000,
        100,
      );
    } catch (error) {
      await stop();
      throw new Error(`the product service did not start: ${(error as Error).message}\n${output}`, {
        cause: error,
      });
    }
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    await terminate(running);
  };

  await start();
  return {
    url,
    internalKey,
    stop,
    start,
    async close() {
      await stop();
      await db.drop();
      await redis.cleanup();
      await rm(imageDir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (graceful shutdown), then SIGKILL if it is still running after 10 s. */
async function terminate(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}
