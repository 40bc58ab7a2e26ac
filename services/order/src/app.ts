/** Builds the order service (without listening) so tests can run it in process or on a port. */
import {
  createHealth,
  createLogger,
  reportOrderStates,
  reportOutbox,
  type Logger,
} from "@shop/platform";
import { accessHook, createFastifyApp, type App } from "@shop/platform/fastify";
import { createAccessTokenVerification, createRedis } from "@shop/platform/redis";
import type { Redis } from "ioredis";
import { registerCheckoutRoutes } from "./checkout/checkout.routes.js";
import { CheckoutService } from "./checkout/checkout.service.js";
import { CartClient } from "./clients/cart.client.js";
import { MemberClient } from "./clients/member.client.js";
import { PaymentClient } from "./clients/payment.client.js";
import { ProductClient } from "./clients/product.client.js";
import type { Config } from "./config.js";
import { openDatabase, type Db } from "./db.js";
import { registerOrderRoutes } from "./orders/orders.routes.js";
import { OrdersService } from "./orders/orders.service.js";
import { countByState } from "./orders/orders.store.js";
import { OutboxRelay } from "./outbox/outbox.relay.js";
import { backlog } from "./outbox/outbox.store.js";
import { registerPaymentEventRoutes } from "./payments/payment-events.routes.js";
import { PaymentEventsService } from "./payments/payment-events.service.js";
import { ReservationSweeper } from "./sweeper/reservation-sweeper.js";

export interface OrderApp {
  app: App;
  db: Db;
  redis: Redis;
  relay: OutboxRelay;
  sweeper: ReservationSweeper;
  orders: OrdersService;
  /** Starts background work (outbox relay, sweeper) as configured; call after listening. */
  start(): void;
  close(): Promise<void>;
}

export async function buildApp(
  config: Config,
  logger: Logger = createLogger("order", config.LOG_LEVEL),
): Promise<OrderApp> {
  const db = await openDatabase(config.DATABASE_URL, logger);
  reportOutbox(() => backlog(db));
  reportOrderStates(() => countByState(db));
  const redis = createRedis(config.REDIS_URL, { name: "order" });
  const { verifier, revocations } = createAccessTokenVerification({
    authUrl: config.AUTH_URL,
    redisUrl: config.REDIS_URL,
    prefix: config.REDIS_PREFIX,
    logger,
  });
  await revocations.start();
  const access = accessHook({ verifier, internalKey: config.INTERNAL_KEY });

  const product = new ProductClient(config.PRODUCT_URL, config.INTERNAL_KEY);
  const cart = new CartClient(config.CART_URL, config.INTERNAL_KEY);
  const member = new MemberClient(config.MEMBER_URL, config.INTERNAL_KEY);
  const payment = new PaymentClient(
    config.PAYMENT_URL,
    config.INTERNAL_KEY,
    config.PAYMENT_TIMEOUT_MS,
  );

  const relay = new OutboxRelay({
    db,
    redis,
    prefix: config.REDIS_PREFIX,
    logger,
    pollMs: config.OUTBOX_POLL_MS,
  });
  const onEvents = () => relay.nudge();
  const orders = new OrdersService({ db, payment, product, logger, onEvents });
  const checkout = new CheckoutService({
    db,
    product,
    cart,
    member,
    payment,
    orders,
    reservationTtlSeconds: config.RESERVATION_TTL_SECONDS,
    logger,
    onEvents,
  });
  const intake = new PaymentEventsService({ db, orders, checkout, payment, logger });
  const sweeper = new ReservationSweeper({
    db,
    orders,
    logger,
    intervalMs: config.SWEEP_INTERVAL_MS,
    staleAfterSeconds: config.CHECKOUT_STALE_AFTER_SECONDS,
  });

  const health = createHealth("order", {
    postgres: () => db.query("SELECT 1"),
    redis: () => redis.ping(),
  });
  const app = await createFastifyApp({
    name: "order",
    logger,
    health,
    openapi: {
      title: "Order service",
      description:
        "Checkout saga, orders and their states, payment event intake, transactional outbox.",
    },
  });
  registerCheckoutRoutes(app, checkout, access);
  registerOrderRoutes(app, orders, access);
  registerPaymentEventRoutes(app, intake, access);

  return {
    app,
    db,
    redis,
    relay,
    sweeper,
    orders,
    start() {
      if (config.ENABLE_OUTBOX_RELAY) relay.start();
      if (config.ENABLE_SWEEPER) sweeper.start();
    },
    async close() {
      await app.close();
      await sweeper.close();
      await relay.close();
      await Promise.all([
        product.close(),
        cart.close(),
        member.close(),
        payment.close(),
        revocations.close(),
      ]);
      redis.disconnect();
      await db.end();
    },
  };
}
