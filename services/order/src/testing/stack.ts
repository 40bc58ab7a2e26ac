/**
 * The order service under test with its neighbours: the real payment service (its own process),
 * real PostgreSQL and Redis, and small real-HTTP fakes of auth, product, cart and member.
 */
import { createLogger } from "@shop/platform";
import { createTestDatabase, createTestRedis, freePort, type TestDatabase } from "@shop/test-kit";
import { buildApp, type OrderApp } from "../app.js";
import { readConfig } from "../config.js";
import { startFakeAuth, type FakeAuth } from "./fake-auth.js";
import {
  startFakeCart,
  startFakeMember,
  type FakeCart,
  type FakeMember,
} from "./fake-cart-member.js";
import { startFakeProduct, type FakeProduct } from "./fake-product.js";
import { INTERNAL_KEY } from "./http-fake.js";
import { startPaymentProcess, type PaymentProcess } from "./payment-process.js";

export interface Stack {
  order: OrderApp;
  url: string;
  auth: FakeAuth;
  product: FakeProduct;
  cart: FakeCart;
  member: FakeMember;
  payment: PaymentProcess | undefined;
  db: TestDatabase;
  redisPrefix: string;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Point the order service at a port where nothing listens. */
  paymentDown?: boolean;
  env?: Record<string, string>;
  /** Environment for the payment process (e.g. a long settle delay). */
  paymentEnv?: Record<string, string>;
  /** Use this auth fake (e.g. one the real product service already trusts). */
  auth?: FakeAuth;
  /** Use a real product service at this URL instead of the fake. */
  productUrl?: string;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const [orderPort, paymentPort] = [await freePort(), await freePort()];
  const [auth, product, cart, member, db, redis] = await Promise.all([
    options.auth ?? startFakeAuth(),
    startFakeProduct(),
    startFakeCart(),
    startFakeMember(),
    createTestDatabase("order"),
    createTestRedis("order"),
  ]);
  const payment = options.paymentDown
    ? undefined
    : await startPaymentProcess(paymentPort, `http://127.0.0.1:${orderPort}`, options.paymentEnv);
  const config = readConfig({
    NODE_ENV: "test",
    PORT: String(orderPort),
    LOG_LEVEL: "silent",
    DATABASE_URL: db.url,
    REDIS_URL: redis.url,
    REDIS_PREFIX: redis.prefix,
    PRODUCT_URL: options.productUrl ?? product.url,
    CART_URL: cart.url,
    MEMBER_URL: member.url,
    AUTH_URL: auth.url,
    PAYMENT_URL: `http://127.0.0.1:${paymentPort}`,
    INTERNAL_KEY,
    OUTBOX_POLL_MS: "100",
    ENABLE_SWEEPER: "false",
    PAYMENT_TIMEOUT_MS: "5000",
    ...options.env,
  });
  const order = await buildApp(config, createLogger("order", "silent"));
  await order.app.listen({ port: orderPort, host: "127.0.0.1" });
  order.start();
  return {
    order,
    url: `http://127.0.0.1:${orderPort}`,
    auth,
    product,
    cart,
    member,
    payment,
    db,
    redisPrefix: redis.prefix,
    async close() {
      await payment?.stop();
      await order.close();
      await Promise.all([auth.close(), product.close(), cart.close(), member.close()]);
      await redis.cleanup();
      await db.drop();
    },
  };
}

export const GOOD_CARD = {
  method: "card",
  cardNumber: "4242 4242 4242 4242",
  expiry: "12/39",
  cvc: "123",
} as const;
export const DECLINED_CARD = { ...GOOD_CARD, cardNumber: "4000 0000 0000 0002" };
export const LATER_CARD = { ...GOOD_CARD, cardNumber: "4000 0000 0000 3220" };
export const ADDRESS = {
  recipient: "Kim Minji",
  phone: "010-1234-5678",
  postalCode: "04524",
  line1: "Sejong-daero 110",
  line2: "3F",
};

/** A checkout request body for a guest (email included). */
export function guestCheckout(overrides: Record<string, unknown> = {}) {
  return {
    email: "guest@example.com",
    shippingAddress: ADDRESS,
    shippingMethod: "standard",
    payment: GOOD_CARD,
    ...overrides,
  };
}

/** Sends a request to the order service over HTTP and returns status, headers and JSON. */
export async function call(
  stack: Stack,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; key?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.key) headers["idempotency-key"] = options.key;
  const res = await fetch(stack.url + path, {
    method,
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    // Tests read whatever shape the route answers.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    body: (text ? JSON.parse(text) : undefined) as any,
  };
}
