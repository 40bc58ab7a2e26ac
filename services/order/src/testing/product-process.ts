/** Runs the real product service (NestJS) as its own process on a throwaway database, for order tests. */
import { createTestDatabase, createTestRedis, waitFor, type TestDatabase } from "@shop/test-kit";
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { INTERNAL_KEY } from "./http-fake.js";

const PRODUCT_DIR = fileURLToPath(new URL("../../../product", import.meta.url));

export interface ProductProcess {
  url: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

export async function startProductProcess(port: number, authUrl: string): Promise<ProductProcess> {
  const [db, redis, imageDir] = await Promise.all([createTestDatabase("product"), createTestRedis("product"), mkdtemp(join(tmpdir(), "order-test-images-"))]);
  const child = spawn(process.execPath, ["--import", "@swc-node/register/esm-register", "src/main.ts"], {
    cwd: PRODUCT_DIR,
    env: {
      NODE_ENV: "test",
      PORT: String(port),
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: redis.prefix,
      INTERNAL_KEY,
      AUTH_URL: authUrl,
      IMAGE_DIR: imageDir,
      ENABLE_SEED: "true",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const cleanup = async () => {
    await db.drop();
    await redis.cleanup();
    await rm(imageDir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => child.exitCode === null && (await fetch(`${url}/health/ready`)).ok, 90_000, 200);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await cleanup();
    throw error;
  }
  return {
    url,
    db,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await cleanup();
    },
  };
}
