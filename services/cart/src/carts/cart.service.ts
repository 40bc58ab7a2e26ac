/** Cart rules: who owns which cart, limits, stock checks, merge at login. */
import { createHash } from "node:crypto";
import { AppError, countCartCreated, fieldError, type Identity } from "@shop/platform";
import {
  refKey,
  type LineRef,
  type LookupItem,
  type ProductLookup,
} from "../clients/product.client.js";
import { isPurchasable, priceCart } from "./cart.pricing.js";
import type { AddCartItem, Cart, CartMergeResult } from "@shop/contracts";
import type { CartStore, WriteResult } from "./cart.store.js";

export interface CartLimits {
  maxLines: number;
  maxQuantity: number;
  guestTtlSeconds: number;
  memberTtlSeconds: number;
  /** How long a merge is remembered, so a repeated merge is recognised as one. */
  mergeMarkerTtlSeconds: number;
}

/** Stable line id for a product+option: the same line in every cart, so repeats add up. */
export function lineIdOf(ref: LineRef): string {
  return createHash("sha256").update(refKey(ref)).digest("base64url").slice(0, 16);
}

export type CartService = ReturnType<typeof createCartService>;

export function createCartService(store: CartStore, products: ProductLookup, limits: CartLimits) {
  const ttlFor = (owner: Identity) =>
    owner.role === "guest" ? limits.guestTtlSeconds : limits.memberTtlSeconds;
  const read = async (ownerId: string): Promise<Cart> =>
    priceCart(ownerId, await store.read(ownerId), products);

  return {
    read,

    async add(owner: Identity, body: AddCartItem): Promise<Cart> {
      const ref = { productId: body.productId, optionId: body.optionId ?? null };
      const item = sellable(ref, (await products.lookup([ref])).get(refKey(ref)));
      const line = {
        ...ref,
        quantity: body.quantity,
        priceWhenAdded: item.unitPrice ?? 0,
        name: item.name ?? null,
        addedAt: new Date().toISOString(),
      };
      const result = await store.add(owner.sub, lineIdOf(ref), line, {
        maxLines: limits.maxLines,
        maxQuantity: limits.maxQuantity,
        stock: item.available,
        ttl: ttlFor(owner),
      });
      if (result.status !== "OK") refuse(result, item.available, limits);
      if (result.created) countCartCreated();
      return read(owner.sub);
    },

    async setQuantity(owner: Identity, lineId: string, quantity: number): Promise<Cart> {
      const line = (await store.read(owner.sub)).lines.find((l) => l.lineId === lineId);
      if (!line) throw lineNotFound();
      const item = (await products.lookup([line])).get(refKey(line));
      const stock = item?.found ? Math.max(0, item.available ?? 0) : 0;
      const result = await store.setQuantity(owner.sub, lineId, quantity, {
        maxQuantity: limits.maxQuantity,
        stock,
        ttl: ttlFor(owner),
      });
      if (result.status !== "OK") refuse(result, stock, limits);
      return read(owner.sub);
    },

    async remove(owner: Identity, lineId: string): Promise<Cart> {
      if (!(await store.remove(owner.sub, lineId, ttlFor(owner)))) throw lineNotFound();
      return read(owner.sub);
    },

    async clear(ownerId: string): Promise<void> {
      await store.clear(ownerId);
    },

    /** Moves the guest's cart into the member's; repeating it is a no-op. */
    async merge(member: Identity, guestId: string): Promise<CartMergeResult> {
      const caps = await stockCaps(products, guestId, store);
      const outcome = await store.merge(guestId, member.sub, caps, {
        maxLines: limits.maxLines,
        maxQuantity: limits.maxQuantity,
        ttl: limits.memberTtlSeconds,
        markerTtl: limits.mergeMarkerTtlSeconds,
      });
      const lines = outcome.summary ?? { merged: [], capped: [], dropped: [] };
      return { cart: await read(member.sub), merged: Boolean(outcome.summary), lines };
    },
  };
}

/** The lookup answer for an add, or the 400 that says which id is wrong. */
function sellable(ref: LineRef, item: LookupItem | undefined): LookupItem & { available: number } {
  if (!item?.found) {
    throw ref.optionId
      ? fieldError("optionId", "no such product option (check productId and optionId)")
      : fieldError("productId", "no such product");
  }
  if ((item.status ?? "active") !== "active") {
    throw fieldError("productId", "this product is not for sale");
  }
  return { ...item, available: Math.max(0, item.available ?? 0) };
}

/** Per guest line, how many units the merged line may hold (0 when it cannot be bought). */
async function stockCaps(products: ProductLookup, guestId: string, store: CartStore) {
  const guest = await store.read(guestId);
  const caps: Record<string, number> = {};
  if (guest.lines.length === 0) return caps;
  const current = await products.lookup(guest.lines);
  for (const line of guest.lines) {
    const item = current.get(refKey(line));
    caps[line.lineId] = isPurchasable(item) ? (item.available ?? 0) : 0;
  }
  return caps;
}

function lineNotFound(): AppError {
  return new AppError("CART_LINE_NOT_FOUND", "This item is not in your cart");
}

function refuse(result: WriteResult, available: number, limits: CartLimits): never {
  switch (result.status) {
    case "LINES":
      throw new AppError(
        "CART_LIMIT_EXCEEDED",
        `A cart holds at most ${limits.maxLines} different items`,
        {
          extra: { limit: "lines", max: limits.maxLines },
        },
      );
    case "QUANTITY":
      throw new AppError(
        "CART_LIMIT_EXCEEDED",
        `At most ${limits.maxQuantity} of one item per cart`,
        {
          extra: { limit: "quantity", max: limits.maxQuantity, inCart: result.value },
        },
      );
    case "STOCK":
      throw new AppError(
        "INSUFFICIENT_STOCK",
        `Only ${available} left in stock (${result.value} already in your cart)`,
        { extra: { available, inCart: result.value } },
      );
    case "MISSING":
      throw lineNotFound();
    default:
      throw new Error(`unexpected cart write status ${result.status}`);
  }
}
