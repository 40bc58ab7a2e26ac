/** Runs the real payment service as its own process on a throwaway database, for order tests. */
import { createTestDatabase, waitFor, type TestDatabase } from "@shop/test-kit";
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { INTERNAL_KEY } from "./http-fake.js";

const PAYMENT_DIR = fileURLToPath(new URL("../../../payment", import.meta.url));

export interface PaymentProcess {
  url: string;
  db: TestDatabase;
  stop(): Promise<void>;
}

export async function startPaymentProcess(
  port: number,
  orderUrl: string,
  env: Record<string, string> = {},
): Promise<PaymentProcess> {
  const db = await createTestDatabase("payment");
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: PAYMENT_DIR,
    env: {
      NODE_ENV: "test",
      PORT: String(port),
      DATABASE_URL: db.url,
      ORDER_URL: orderUrl,
      INTERNAL_KEY,
      WEBHOOK_SECRET: "test-webhook-secret",
      LOG_LEVEL: "warn",
      FORWARD_POLL_MS: "100",
      TEST_PROVIDER_FAIL_DELAY_MS: "300",
      TEST_PROVIDER_SETTLE_DELAY_MS: "300",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitFor(async () => (await fetch(`${url}/health/ready`)).ok, 20_000, 100);
  } catch (error) {
    child.kill("SIGKILL");
    await exited;
    await db.drop();
    throw error;
  }
  return {
    url,
    db,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      await db.drop();
    },
  };
}
