import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "./http";
import { blockingLines, toCart, toMergedCart } from "./cart";
import { toMember } from "./members";
import { toCheckoutPreview, toOrder, totalsWith } from "./orders";
import { toWishlistEntry } from "./wishlist";

const line = {
  lineId: "abcdEFGH12345678",
  productId: "p1",
  optionId: "o1",
  name: "심플 티셔츠",
  slug: "simple-tee",
  brand: "Moa",
  imageUrl: "/images/p/1.webp",
  optionLabel: "Black",
  quantity: 2,
  unitPrice: 29000,
  originalPrice: 34000,
  priceWhenAdded: 31000,
  priceChanged: true,
  available: 1,
  outOfStock: false,
  exceedsStock: true,
  lineTotal: 58000,
  addedAt: "2026-11-25T00:00:00Z",
};

// Fixtures are whole contract shapes: the mappers parse with @shop/contracts first.
const cart = {
  ownerId: "u1",
  lines: [line],
  itemCount: 2,
  subtotal: 58000,
  currency: "KRW",
  updatedAt: null,
};

describe("toCart", () => {
  it("maps the cart service's cart, including the merge answer's wrapped cart", () => {
    for (const mapped of [
      toCart(cart),
      toMergedCart({ cart, merged: true, lines: { merged: [], capped: [], dropped: [] } }),
    ]) {
      assert.equal(mapped.itemCount, 2);
      assert.equal(mapped.subtotal, 58000);
      assert.equal(mapped.lines[0]?.available, 1);
      assert.equal(mapped.lines[0]?.priceWhenAdded, 31000);
    }
  });

  it("lists lines that block checkout (sold out or over stock)", () => {
    const mapped = toCart({
      ...cart,
      lines: [
        line,
        { ...line, lineId: "x", exceedsStock: false },
        { ...line, lineId: "y", exceedsStock: false, outOfStock: true },
      ],
    });
    assert.deepEqual(
      blockingLines(mapped).map((l) => l.lineId),
      ["abcdEFGH12345678", "y"],
    );
  });
});

const order = {
  id: "9b2a2b8e-0000-4000-8000-000000000001",
  number: "ORD-20261125-0001",
  state: "shipped",
  email: "minji@example.com",
  lines: [
    {
      productId: "p1",
      optionId: null,
      name: "티셔츠",
      slug: "simple-tee",
      brand: null,
      imageUrl: null,
      optionLabel: null,
      quantity: 1,
      unitPrice: 29000,
      originalPrice: 34000,
      lineTotal: 29000,
    },
  ],
  totals: {
    itemsTotal: 34000,
    discountTotal: 5000,
    subtotal: 29000,
    shippingFee: 3000,
    grandTotal: 32000,
    currency: "KRW",
  },
  shippingMethod: "standard",
  shippingAddress: {
    recipient: "김민지",
    phone: "010-1234-5678",
    postalCode: "04524",
    line1: "서울 중구 세종대로 110",
    line2: "3층",
  },
  payment: { id: "pay_1", method: "card", status: "captured", brand: "visa", last4: "4242" },
  cancellable: false,
  createdAt: "2026-11-25T01:00:00Z",
  updatedAt: "2026-11-25T02:00:00Z",
  transitions: [
    {
      from: null,
      to: "pending_payment",
      actorType: "customer",
      actorId: "u1",
      reason: null,
      at: "2026-11-25T01:00:00Z",
    },
  ],
};

describe("toOrder", () => {
  it("maps an order with its totals, address, payment and history", () => {
    const o = toOrder(order);
    assert.equal(o.state, "shipped");
    assert.equal(o.totals.grandTotal, 32000);
    assert.equal(o.shippingAddress?.phone, "010-1234-5678");
    assert.equal(o.payment.last4, "4242");
    assert.equal(o.transitions[0]?.to, "pending_payment");
  });

  it("refuses an order in a state the contract does not know (a 502, not a guess)", () => {
    assert.throws(
      () => toOrder({ ...order, state: "teleported" }),
      (error: unknown) => error instanceof ApiError && error.status === 502,
    );
  });
});

describe("checkout preview", () => {
  const preview = toCheckoutPreview({
    lines: order.lines,
    totals: {
      itemsTotal: 34000,
      discountTotal: 5000,
      subtotal: 29000,
      shippingFee: 3000,
      grandTotal: 32000,
      currency: "KRW",
    },
    shippingMethod: "standard",
    shippingOptions: [
      { method: "standard", label: "Standard (2–3 days)", fee: 3000 },
      { method: "express", label: "Express (next day)", fee: 5000 },
    ],
    email: "minji@example.com",
    shippingAddress: {
      recipient: "김민지",
      phone: "010-1234-5678",
      postalCode: "04524",
      line1: "서울 중구 세종대로 110",
    },
    problems: [
      {
        productId: "p2",
        optionId: null,
        name: "가방",
        requested: 2,
        available: 0,
        reason: "unavailable",
      },
    ],
    canCheckout: false,
  });

  it("keeps the server's totals and prefill", () => {
    assert.equal(preview.address?.line2, "");
    assert.equal(preview.address?.phone, "010-1234-5678");
    assert.equal(preview.canCheckout, false);
    assert.equal(preview.problems[0]?.reason, "unavailable");
  });

  it("derives the other method's totals from the server's fee", () => {
    assert.equal(totalsWith(preview, "standard").grandTotal, 32000);
    assert.deepEqual(totalsWith(preview, "express"), {
      ...preview.totals,
      shippingFee: 5000,
      grandTotal: 34000,
    });
  });
});

describe("member mappers", () => {
  it("maps a member with or without a saved address", () => {
    const base = {
      id: "9b2a2b8e-0000-4000-8000-0000000000aa",
      email: "a@b.c",
      name: "A",
      phone: null,
      role: "customer",
      status: "active",
      createdAt: "2026-11-25T00:00:00Z",
      updatedAt: "2026-11-25T00:00:00Z",
    };
    assert.equal(toMember({ ...base, shippingAddress: null }).shippingAddress, null);
    assert.equal(
      toMember({
        ...base,
        shippingAddress: { recipient: "A", postalCode: "04524", line1: "x", line2: null },
      }).shippingAddress?.line2,
      "",
    );
    assert.equal(toMember({ ...base, shippingAddress: null }).phone, "");
  });

  it("maps wishlist entries", () => {
    assert.deepEqual(toWishlistEntry({ productId: "p1", addedAt: "2026-11-25T00:00:00Z" }), {
      productId: "p1",
      addedAt: "2026-11-25T00:00:00Z",
    });
  });
});
