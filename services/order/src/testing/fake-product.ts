/**
 * A faithful fake of the product service's internal API (lookup and stock reservations) for
 * tests that cannot run the real one: all-or-nothing reservations, 409 INSUFFICIENT_STOCK per
 * line, idempotent commit/release, release restocking a committed reservation, TTL expiry.
 * Node runs one request at a time, so each reservation is atomic like the real row locks.
 */
import { randomUUID } from "node:crypto";
import type { Reservation as ReservationAnswer } from "@shop/contracts";
import { startFake, type FakeServer } from "./http-fake.js";

export interface FakeProductItem {
  id: string;
  name: string;
  price: number;
  originalPrice: number;
  stock: number;
  status?: "active" | "draft" | "archived";
}

interface Reservation {
  status: "reserved" | "committed" | "released";
  expiresAt: number;
  items: Array<{ productId: string; quantity: number }>;
}

/** A reservation as the product service answers it (`Reservation` in @shop/contracts). */
function reservationView(id: string, r: Reservation): ReservationAnswer {
  const at = new Date(r.expiresAt).toISOString();
  return {
    reservationId: id,
    status: r.status,
    expiresAt: at,
    items: r.items.map((i) => ({ productId: i.productId, optionId: null, quantity: i.quantity })),
    createdAt: at,
    committedAt: r.status === "committed" ? at : null,
    releasedAt: r.status === "released" ? at : null,
    releaseReason: r.status === "released" ? "requested" : null,
  };
}

export interface FakeProduct extends FakeServer {
  products: Map<string, FakeProductItem>;
  reservations: Map<string, Reservation>;
  add(item: Partial<FakeProductItem> & { stock: number }): FakeProductItem;
  /** Stock reserved and not yet committed or released. */
  held(productId: string): number;
}

export async function startFakeProduct(port = 0): Promise<FakeProduct> {
  const products = new Map<string, FakeProductItem>();
  const reservations = new Map<string, Reservation>();
  const expire = () => {
    for (const r of reservations.values()) {
      if (r.status === "reserved" && r.expiresAt <= Date.now()) restock(r);
    }
  };
  const restock = (r: Reservation) => {
    for (const item of r.items) {
      const p = products.get(item.productId);
      if (p) p.stock += item.quantity;
    }
    r.status = "released";
  };
  const timer = setInterval(expire, 200);
  timer.unref();

  const server = await startFake(({ method, path, body }) => {
    expire();
    const b = (body ?? {}) as {
      items?: Array<{ productId: string; quantity: number }>;
      reservationId?: string;
      ttlSeconds?: number;
    };
    if (method === "POST" && path === "/internal/products/lookup") {
      return {
        status: 200,
        body: {
          items: (b.items ?? []).map((i) => {
            const p = products.get(i.productId);
            return p
              ? {
                  productId: p.id,
                  optionId: null,
                  found: true,
                  name: p.name,
                  slug: p.id,
                  brand: "Test",
                  imageUrl: null,
                  optionLabel: null,
                  unitPrice: p.price,
                  originalPrice: p.originalPrice,
                  available: p.stock,
                  status: p.status ?? "active",
                }
              : { productId: i.productId, optionId: null, found: false };
          }),
        },
      };
    }
    if (method === "POST" && path === "/internal/reservations") {
      const id = String(b.reservationId);
      const known = reservations.get(id);
      if (known) return { status: 201, body: reservationView(id, known) };
      const items = b.items ?? [];
      const errors = items.flatMap((item, i) => {
        const p = products.get(item.productId);
        return !p || p.stock < item.quantity
          ? [{ field: `items.${i}`, message: `only ${p?.stock ?? 0} left` }]
          : [];
      });
      if (errors.length)
        return {
          status: 409,
          body: {
            code: "INSUFFICIENT_STOCK",
            status: 409,
            title: "Not enough stock",
            detail: "Not enough stock",
            errors,
          },
        };
      for (const item of items)
        (products.get(item.productId) as FakeProductItem).stock -= item.quantity;
      const expiresAt = Date.now() + (b.ttlSeconds ?? 600) * 1000;
      const reservation: Reservation = { status: "reserved", expiresAt, items };
      reservations.set(id, reservation);
      return { status: 201, body: reservationView(id, reservation) };
    }
    const match = /^\/internal\/reservations\/([^/]+)\/(commit|release)$/.exec(path);
    if (method === "POST" && match) {
      const r = reservations.get(decodeURIComponent(match[1] as string));
      if (!r) return { status: 404, body: { code: "RESERVATION_NOT_FOUND", status: 404 } };
      if (match[2] === "commit") {
        if (r.status === "released")
          return {
            status: 409,
            body: { code: "CONFLICT", status: 409, detail: "reservation released" },
          };
        r.status = "committed";
      } else if (r.status !== "released") restock(r);
      return { status: 200, body: { reservationId: match[1], status: r.status } };
    }
    return { status: 404, body: { code: "ROUTE_NOT_FOUND", status: 404 } };
  }, port);

  return {
    ...server,
    products,
    reservations,
    add(item) {
      const full: FakeProductItem = {
        id: randomUUID(),
        name: "Plain T-shirt",
        price: 29_000,
        originalPrice: 29_000,
        ...item,
      };
      products.set(full.id, full);
      return full;
    },
    held(productId) {
      let n = 0;
      for (const r of reservations.values())
        if (r.status === "reserved")
          n += r.items.filter((i) => i.productId === productId).reduce((s, i) => s + i.quantity, 0);
      return n;
    },
    async close() {
      clearInterval(timer);
      await server.close();
    },
  };
}
