import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../api/http";
import { EMPTY_CART, type AddItem, type Cart } from "../api/cart";
import { createCartStore, type CartApi } from "./cart-store";

function cartWith(quantity: number): Cart {
  return {
    lines: [
      {
        lineId: "l1",
        productId: "p1",
        optionId: null,
        name: "티셔츠",
        slug: "t",
        imageUrl: null,
        optionLabel: null,
        quantity,
        unitPrice: 1000,
        priceWhenAdded: 1000,
        priceChanged: false,
        available: 10,
        outOfStock: false,
        exceedsStock: false,
        lineTotal: 1000 * quantity,
      },
    ],
    itemCount: quantity,
    subtotal: 1000 * quantity,
    currency: "KRW",
  };
}

/** A cart service stand-in that keeps one line, like the real one, and counts reads. */
function fakeCartApi(options: { answerWithCart: boolean; failAdd?: ApiError }) {
  let quantity = 0;
  const calls = { get: 0 };
  const api: CartApi = {
    async get() {
      calls.get++;
      return quantity ? cartWith(quantity) : EMPTY_CART;
    },
    async add(item: AddItem) {
      if (options.failAdd) throw options.failAdd;
      quantity += item.quantity;
      return options.answerWithCart ? cartWith(quantity) : null;
    },
    async setQuantity(_lineId, q) {
      quantity = q;
      return options.answerWithCart ? cartWith(quantity) : null;
    },
    async remove() {
      quantity = 0;
      return options.answerWithCart ? EMPTY_CART : null;
    },
  };
  return { api, calls };
}

describe("cart store", () => {
  it("takes the new cart from a mutation's answer (badge count follows)", async () => {
    const { api, calls } = fakeCartApi({ answerWithCart: true });
    const store = createCartStore(api);
    assert.deepEqual(await store.getState().add({ productId: "p1", quantity: 2 }), { ok: true });
    assert.equal(store.getState().count, 2);
    await store.getState().setQuantity("l1", 5);
    assert.equal(store.getState().count, 5);
    assert.equal(calls.get, 0);
  });

  it("re-reads the cart when a mutation answers nothing", async () => {
    const { api, calls } = fakeCartApi({ answerWithCart: false });
    const store = createCartStore(api);
    await store.getState().add({ productId: "p1", quantity: 3 });
    assert.equal(calls.get, 1);
    assert.equal(store.getState().count, 3);
    await store.getState().remove("l1");
    assert.equal(store.getState().count, 0);
    assert.equal(store.getState().busyLine, null);
  });

  it("reports a refused change with the server's message and shows what is stored", async () => {
    const { api, calls } = fakeCartApi({
      answerWithCart: true,
      failAdd: new ApiError(409, "INSUFFICIENT_STOCK", "Only 1 left"),
    });
    const store = createCartStore(api);
    const result = await store.getState().add({ productId: "p1", quantity: 5 });
    assert.deepEqual(result, { ok: false, message: "Only 1 left", code: "INSUFFICIENT_STOCK" });
    assert.equal(store.getState().error, "Only 1 left");
    assert.equal(calls.get, 1);
  });

  it("starts empty and resets to empty", () => {
    const store = createCartStore(fakeCartApi({ answerWithCart: true }).api);
    store.getState().replace(cartWith(4));
    assert.equal(store.getState().count, 4);
    store.getState().reset();
    assert.equal(store.getState().cart, null);
    assert.equal(store.getState().count, 0);
  });
});
