/** Test harness: a payment service on a throwaway database, listening on a free port. */
import { createLogger } from "@shop/platform";
import { createTestDatabase, type TestDatabase } from "@shop/test-kit";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp, type PaymentApp } from "../app.js";
import { readConfig } from "../config.js";

export const INTERNAL_KEY = "test-internal-key";
export const WEBHOOK_SECRET = "test-webhook-secret";

export interface Harness {
  service: PaymentApp;
  db: TestDatabase;
  url: string;
  close(): Promise<void>;
}

export async function startPayment(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase("payment");
  const config = readConfig({
    NODE_ENV: "test",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    INTERNAL_KEY,
    WEBHOOK_SECRET,
    TEST_PROVIDER_FAIL_DELAY_MS: "300",
    TEST_PROVIDER_SETTLE_DELAY_MS: "200",
    FORWARD_POLL_MS: "100",
    ORDER_URL: "http://127.0.0.1:9",
    ...env,
  });
  const service = await buildApp(config, createLogger("payment", "silent"));
  await service.app.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(service.app.server.address() as AddressInfo).port}`;
  service.setWebhookUrl(`${url}/api/payments/webhooks/test`);
  service.start();
  return {
    service,
    db,
    url,
    async close() {
      await service.close();
      await db.drop();
    },
  };
}

/** A small real HTTP server standing in for the order service's intake; records what it receives. */
export async function startOrderIntake(): Promise<{
  url: string;
  received: unknown[];
  failNext: (n: number) => void;
  close(): Promise<void>;
}> {
  const received: unknown[] = [];
  let failures = 0;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.headers["x-internal-key"] !== INTERNAL_KEY) {
        res.writeHead(401).end();
        return;
      }
      if (failures > 0) {
        failures--;
        res
          .writeHead(503, { "content-type": "application/problem+json" })
          .end(JSON.stringify({ code: "DEPENDENCY_UNAVAILABLE" }));
        return;
      }
      received.push(JSON.parse(body));
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ applied: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (n) => {
      failures = n;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export const internal = { "x-internal-key": INTERNAL_KEY, "content-type": "application/json" };

export function authorizeBody(overrides: Record<string, unknown> = {}) {
  return {
    orderId: `ord-${Math.random().toString(36).slice(2)}`,
    amount: 32000,
    currency: "KRW",
    card: { number: "4242 4242 4242 4242", expiry: "12/39", cvc: "123" },
    idempotencyKey: `key-${Math.random().toString(36).slice(2)}`,
    capture: false,
    ...overrides,
  };
}
