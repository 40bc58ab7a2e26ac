/** Fakes of the cart and member services' internal routes the order service reads. */
import type { Cart, CartLine } from "@shop/contracts";
import { startFake, type FakeServer } from "./http-fake.js";

export interface FakeCart extends FakeServer {
  put(ownerId: string, lines: Array<{ productId: string; quantity: number }>): void;
  carts: Map<string, Array<{ productId: string; optionId: null; quantity: number }>>;
}

export async function startFakeCart(): Promise<FakeCart> {
  const carts: FakeCart["carts"] = new Map();
  const server = await startFake(({ method, path }) => {
    const m = /^\/internal\/carts\/([^/]+)$/.exec(path);
    if (!m) return { status: 404 };
    const owner = decodeURIComponent(m[1] as string);
    if (method === "DELETE") {
      carts.delete(owner);
      return { status: 204 };
    }
    const lines = carts.get(owner) ?? [];
    const body: Cart = {
      ownerId: owner,
      lines: lines.map((l, i) => fakeLine(`l${i}`, l)),
      itemCount: lines.length,
      subtotal: 0,
      currency: "KRW",
      updatedAt: null,
    };
    return { status: 200, body };
  });
  return {
    ...server,
    carts,
    put: (owner, lines) =>
      carts.set(
        owner,
        lines.map((l) => ({ ...l, optionId: null })),
      ),
  };
}

/** A stored line as the cart answers it; the order service reads only ids and quantities. */
function fakeLine(
  lineId: string,
  line: { productId: string; optionId: null; quantity: number },
): CartLine {
  return {
    lineId,
    ...line,
    name: null,
    slug: null,
    brand: null,
    imageUrl: null,
    optionLabel: null,
    unitPrice: 0,
    originalPrice: null,
    priceWhenAdded: 0,
    priceChanged: false,
    available: line.quantity,
    outOfStock: false,
    exceedsStock: false,
    lineTotal: 0,
    addedAt: new Date(0).toISOString(),
  };
}

export interface FakeMember extends FakeServer {
  profiles: Map<string, Record<string, unknown>>;
}

export async function startFakeMember(): Promise<FakeMember> {
  const profiles = new Map<string, Record<string, unknown>>();
  const server = await startFake(({ path }) => {
    const m = /^\/internal\/members\/([^/]+)$/.exec(path);
    const profile = m ? profiles.get(decodeURIComponent(m[1] as string)) : undefined;
    return profile
      ? { status: 200, body: profile }
      : { status: 404, body: { code: "MEMBER_NOT_FOUND", status: 404 } };
  });
  return { ...server, profiles };
}
