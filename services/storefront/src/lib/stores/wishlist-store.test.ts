import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ApiError } from "../api/http";
import { createWishlistStore, type WishlistApi } from "./wishlist-store";

function fakeWishlistApi(initial: string[], refuse = false) {
  const saved = new Set(initial);
  let release: () => void = () => undefined;
  const gate = () => new Promise<void>((resolve) => (release = resolve));
  const api: WishlistApi = {
    list: async () => [...saved],
    add: async (id) => {
      await gate();
      if (refuse) throw new ApiError(422, "WISHLIST_LIMIT_EXCEEDED", "full");
      saved.add(id);
    },
    remove: async (id) => {
      await gate();
      saved.delete(id);
    },
  };
  return { api, saved, release: () => release() };
}

describe("wishlist store", () => {
  it("loads the member's product ids", async () => {
    const store = createWishlistStore(fakeWishlistApi(["p1", "p2"]).api);
    await store.getState().load();
    assert.equal(store.getState().loaded, true);
    assert.equal(store.getState().has("p2"), true);
  });

  it("fills the heart before the server answers, and keeps it when the server agrees", async () => {
    const fake = fakeWishlistApi([]);
    const store = createWishlistStore(fake.api);
    const pending = store.getState().toggle("p9");
    assert.equal(store.getState().has("p9"), true, "optimistic");
    fake.release();
    assert.equal(await pending, true);
    assert.equal(fake.saved.has("p9"), true);
  });

  it("rolls the heart back when the server refuses", async () => {
    const fake = fakeWishlistApi([], true);
    const store = createWishlistStore(fake.api);
    const pending = store.getState().toggle("p9");
    fake.release();
    await assert.rejects(pending, ApiError);
    assert.equal(store.getState().has("p9"), false);
  });

  it("empties on logout", async () => {
    const store = createWishlistStore(fakeWishlistApi(["p1"]).api);
    await store.getState().load();
    store.getState().reset();
    assert.equal(store.getState().ids.size, 0);
    assert.equal(store.getState().loaded, false);
  });
});
