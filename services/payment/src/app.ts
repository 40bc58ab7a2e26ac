/** Builds the payment service (without listening) so tests can run it in process or on port 0. */
import { createHealth, createLogger, type Logger } from "@shop/platform";
import { accessHook, createFastifyApp, type App } from "@shop/platform/fastify";
import type { Config } from "./config.js";
import { openDatabase, type Db } from "./db.js";
import { createOrderClient } from "./clients/order.client.js";
import { OrderForwarder } from "./forwarding/order-forwarder.js";
import { registerPaymentRoutes } from "./payments/payments.routes.js";
import { PaymentsService } from "./payments/payments.service.js";
import type { PaymentProvider } from "./providers/provider.js";
import { SandboxLedger } from "./providers/sandbox/sandbox-ledger.js";
import { SandboxProvider } from "./providers/sandbox/sandbox-provider.js";
import { registerWebhookRoutes } from "./webhooks/webhooks.routes.js";
import { WebhooksService } from "./webhooks/webhooks.service.js";

export interface PaymentApp {
  app: App;
  db: Db;
  logger: Logger;
  sandbox: SandboxProvider;
  forwarder: OrderForwarder;
  payments: PaymentsService;
  /** Starts background work (the forwarder); call after listening. */
  start(): void;
  /** Sets where the test provider delivers webhooks (tests listening on port 0 learn it late). */
  setWebhookUrl(url: string): void;
  close(): Promise<void>;
}

export async function buildApp(
  config: Config,
  logger: Logger = createLogger("payment", config.LOG_LEVEL),
): Promise<PaymentApp> {
  const db = await openDatabase(config.DATABASE_URL, logger);
  let webhookUrl =
    config.TEST_PROVIDER_WEBHOOK_URL ??
    `http://127.0.0.1:${config.PORT}/api/payments/webhooks/test`;
  const sandbox = new SandboxProvider({
    secret: config.WEBHOOK_SECRET,
    webhookUrl: () => webhookUrl,
    toleranceSeconds: config.WEBHOOK_TOLERANCE_SECONDS,
    settleDelayMs: config.TEST_PROVIDER_SETTLE_DELAY_MS,
    failDelayMs: config.TEST_PROVIDER_FAIL_DELAY_MS,
    logger,
    ledger: new SandboxLedger(db),
  });
  const providers = new Map<string, PaymentProvider>([[sandbox.name, sandbox]]);
  const order = createOrderClient({ orderUrl: config.ORDER_URL, internalKey: config.INTERNAL_KEY });
  const forwarder = new OrderForwarder({ db, order, logger, pollMs: config.FORWARD_POLL_MS });
  const payments = new PaymentsService(db, providers, logger);
  const webhooks = new WebhooksService(db, providers, logger, () => forwarder.nudge());

  const health = createHealth("payment", { postgres: () => db.query("SELECT 1") });
  const app = await createFastifyApp({
    name: "payment",
    logger,
    health,
    openapi: {
      title: "Payment service",
      description:
        "Payments behind a provider interface; the built-in test provider; signed webhooks.",
    },
  });
  registerPaymentRoutes(app, payments, accessHook({ internalKey: config.INTERNAL_KEY }));
  registerWebhookRoutes(app, webhooks);

  return {
    app,
    db,
    logger,
    sandbox,
    forwarder,
    payments,
    start: () => forwarder.start(),
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
    async close() {
      sandbox.close();
      await app.close();
      await forwarder.close();
      await order.close();
      await db.end();
    },
  };
}
