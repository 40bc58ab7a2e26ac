/**
 * The member's wishlist on the client: a set of product ids behind every heart. Toggles are
 * optimistic and rolled back when the member service refuses.
 */
import { createStore } from "zustand/vanilla";

export interface WishlistApi {
  list(): Promise<string[]>;
  add(productId: string): Promise<void>;
  remove(productId: string): Promise<void>;
}

export interface WishlistState {
  ids: ReadonlySet<string>;
  loaded: boolean;
  load(): Promise<void>;
  has(productId: string): boolean;
  /** Adds or removes; resolves to the new state, or throws (after rolling back) on failure. */
  toggle(productId: string): Promise<boolean>;
  reset(): void;
}

export function createWishlistStore(api: WishlistApi) {
  return createStore<WishlistState>()((set, get) => {
    const write = (productId: string, present: boolean) => {
      const ids = new Set(get().ids);
      if (present) ids.add(productId);
      else ids.delete(productId);
      set({ ids });
    };
    return {
      ids: new Set<string>(),
      loaded: false,
      async load() {
        set({ ids: new Set(await api.list()), loaded: true });
      },
      has: (productId) => get().ids.has(productId),
      async toggle(productId) {
        const next = !get().ids.has(productId);
        write(productId, next);
        try {
          await (next ? api.add(productId) : api.remove(productId));
          return next;
        } catch (error) {
          write(productId, !next);
          throw error;
        }
      },
      reset() {
        set({ ids: new Set<string>(), loaded: false });
      },
    };
  });
}

export type WishlistStore = ReturnType<typeof createWishlistStore>;
