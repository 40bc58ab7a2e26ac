/**
 * The public requests the fault matrix sends while a dependency is hung or down. Each probe is
 * prepared while the stack is healthy (a signed-in customer, a cart with an item, a cached page)
 * and returns one request to send during the fault; names are the rows of docs/fault-matrix.md.
 */
import { randomUUID } from "node:crypto";
import {
  addToCart,
  checkoutBody,
  createProduct,
  guestSession,
  registerCustomer,
  type CreatedProduct,
} from "../api/lib/fixtures.js";
import { call, edge, gateway, type Answer } from "../api/lib/http.js";

export type Send = () => Promise<Answer<unknown>>;

export interface Probe {
  /** The request as the matrix names it. */
  name: string;
  /** Runs while the stack is healthy; returns the request to send during the fault. */
  prepare(): Promise<Send>;
}

const html = { accept: "text/html" };
const fresh = () => randomUUID().slice(0, 8);

/** Set-up shared by every probe: one product that pages and carts can use. */
export interface ProbeWorld {
  product: CreatedProduct;
}

export function probes(world: ProbeWorld): Probe[] {
  return [
    {
      name: "page: home (cached at the edge)",
      prepare: async () => {
        await call(edge(), "/", { headers: html });
        return () => call(edge(), "/", { headers: html });
      },
    },
    {
      name: "page: search (rendered per request)",
      prepare: async () => () => call(edge(), `/search?q=${fresh()}`, { headers: html }),
    },
    {
      name: "GET /api/products/:slug (cached at the gateway)",
      prepare: async () => {
        const path = `/api/products/${encodeURIComponent(world.product.slug)}`;
        await call(gateway(), path);
        return () => call(gateway(), path);
      },
    },
    {
      name: "GET /api/v1/products?q= (not cached)",
      prepare: async () => () => call(gateway(), `/api/v1/products?q=${fresh()}`),
    },
    {
      name: "POST /api/auth/login",
      prepare: async () => {
        const customer = await registerCustomer("chaos");
        return () =>
          call(gateway(), "/api/auth/login", {
            client: true,
            ip: customer.ip,
            json: { email: customer.email, password: customer.password },
          });
      },
    },
    {
      name: "GET /api/members/me",
      prepare: async () => {
        const customer = await registerCustomer("chaos");
        return () =>
          call(gateway(), "/api/members/me", { token: customer.accessToken, ip: customer.ip });
      },
    },
    {
      name: "GET /api/cart",
      prepare: async () => {
        const guest = await guestSession();
        return () => call(gateway(), "/api/cart", { token: guest.accessToken, ip: guest.ip });
      },
    },
    {
      name: "POST /api/cart/items",
      prepare: async () => {
        const guest = await guestSession();
        return () =>
          call(gateway(), "/api/cart/items", {
            token: guest.accessToken,
            ip: guest.ip,
            json: { productId: world.product.id, quantity: 1 },
          });
      },
    },
    {
      name: "POST /api/checkout",
      prepare: async () => {
        const guest = await guestSession();
        await addToCart(guest, world.product.id);
        return () =>
          call(gateway(), "/api/checkout", {
            token: guest.accessToken,
            ip: guest.ip,
            idempotencyKey: randomUUID(),
            json: checkoutBody(),
          });
      },
    },
    {
      name: "GET /api/orders",
      prepare: async () => {
        const customer = await registerCustomer("chaos");
        return () =>
          call(gateway(), "/api/orders", { token: customer.accessToken, ip: customer.ip });
      },
    },
  ];
}

export async function probeWorld(): Promise<ProbeWorld> {
  return { product: await createProduct({ stock: 100_000 }) };
}

/** What an answer says, in the matrix's words: status, problem code, and how it was served. */
export function describeAnswer(answer: Answer<unknown>): {
  status: number;
  code?: string;
  stale: boolean;
  page: boolean;
} {
  const body = answer.body as { code?: unknown } | undefined;
  const pageCode = /([A-Z][A-Z_]{3,}) · /.exec(answer.text)?.[1];
  const code = typeof body?.code === "string" ? body.code : pageCode;
  const stale = [answer.headers.get("x-cache-status"), answer.headers.get("x-cache")].some(
    (value) => value?.toUpperCase() === "STALE",
  );
  const page = (answer.headers.get("content-type") ?? "").includes("text/html");
  return { status: answer.status, code, stale, page };
}
