/**
 * What the API tests set up through the public APIs (straight to the gateway, each caller with its
 * own client address so set-up never spends the rate limits the tests are about): the admin's
 * session, fresh customers, guest sessions, products with known price and stock, carts.
 */
import assert from "node:assert/strict";
import { randomBytes, randomInt } from "node:crypto";
import { TokenResponse } from "@shop/contracts";
import { stack } from "../../harness.js";
import { call, gateway } from "./http.js";

/** A client address of its own (198.18.0.0/15, the benchmarking range), for one simulated shopper. */
export function uniqueIp(): string {
  return `198.${18 + randomInt(2)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

export function uniqueLabel(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string | null;
  ip: string;
}

function toSession(body: unknown, ip: string): Session {
  const tokens = TokenResponse.parse(body);
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    userId: tokens.user?.id ?? null,
    ip,
  };
}

/** Signs in with email and password through the gateway. */
export async function login(email: string, password: string, ip = uniqueIp()): Promise<Session> {
  const res = await call(gateway(), "/api/auth/login", {
    client: true,
    ip,
    json: { email, password },
  });
  assert.equal(res.status, 200, `login ${email}: ${res.text}`);
  return toSession(res.body, ip);
}

let admin: Promise<Session> | undefined;
/** The development admin's session (one per test file). */
export function adminSession(): Promise<Session> {
  admin ??= login(stack().admin.email, stack().admin.password);
  return admin;
}

export interface Customer extends Session {
  email: string;
  password: string;
  name: string;
  id: string;
}

/** Registers a new customer through the gateway; the answer's tokens are its first session. */
export async function registerCustomer(label = "shopper", ip = uniqueIp()): Promise<Customer> {
  const email = `${uniqueLabel(label)}@example.com`;
  const password = `pw-${randomBytes(9).toString("base64url")}`;
  const name = `E2E ${label}`;
  const res = await call(gateway(), "/api/auth/register", {
    client: true,
    ip,
    json: { email, password, name },
  });
  assert.equal(res.status, 201, `register ${email}: ${res.text}`);
  const session = toSession(res.body, ip);
  return { ...session, email, password, name, id: session.userId! };
}

/** A guest session from auth (what the edge issues lazily), for a shopper at `ip`. */
export async function guestSession(ip = uniqueIp()): Promise<Session> {
  const res = await call(gateway(), "/api/auth/guest", { method: "POST", client: true, ip });
  assert.equal(res.status, 201, `guest session: ${res.text}`);
  return toSession(res.body, ip);
}

export interface CreatedProduct {
  id: string;
  slug: string;
  name: string;
  price: number;
  originalPrice: number;
  stock: number;
  categoryId: string;
}

/** Creates a product as the admin (PUT/POST through the gateway, so caches hear of it as in production). */
export async function createProduct(input: Record<string, unknown> = {}): Promise<CreatedProduct> {
  const { accessToken, ip } = await adminSession();
  const res = await call<CreatedProduct>(gateway(), "/api/v1/products", {
    token: accessToken,
    ip,
    json: {
      name: uniqueLabel("E2E Product"),
      brand: "E2E Test",
      categoryId: "clothing",
      price: 19_000,
      originalPrice: 25_000,
      stock: 10,
      ...input,
    },
  });
  assert.equal(res.status, 201, `create product: ${res.text}`);
  return res.body;
}

export async function updateProduct(
  id: string,
  changes: Record<string, unknown>,
): Promise<CreatedProduct> {
  const { accessToken, ip } = await adminSession();
  const res = await call<CreatedProduct>(gateway(), `/api/v1/products/${id}`, {
    method: "PUT",
    token: accessToken,
    ip,
    json: changes,
  });
  assert.equal(res.status, 200, `update product: ${res.text}`);
  return res.body;
}

export async function productStock(id: string): Promise<number> {
  const res = await call<{ stock: number }>(gateway(), `/api/v1/products/${id}`);
  assert.equal(res.status, 200, res.text);
  return res.body.stock;
}

/** Adds `quantity` of a product to the cart of `session` through the gateway. */
export async function addToCart(session: Session, productId: string, quantity = 1): Promise<void> {
  const res = await call(gateway(), "/api/cart/items", {
    token: session.accessToken,
    ip: session.ip,
    json: { productId, quantity },
  });
  assert.equal(res.status, 200, `add to cart: ${res.text}`);
}

export const CARDS = {
  visa: "4242 4242 4242 4242",
  declined: "4000 0000 0000 0002",
} as const;

export const ADDRESS = {
  recipient: "김민지",
  phone: "010-1234-5678",
  postalCode: "04524",
  line1: "세종대로 110",
  line2: "3층",
};

/** A checkout body; guests need `email`. */
export function checkoutBody(overrides: Record<string, unknown> = {}, card: string = CARDS.visa) {
  return {
    email: "e2e-guest@example.com",
    shippingAddress: ADDRESS,
    shippingMethod: "standard",
    payment: { method: "card", cardNumber: card, expiry: "12/39", cvc: "123" },
    ...overrides,
  };
}
