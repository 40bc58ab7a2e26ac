/**
 * The cart on the client: mirrors the cart service for the badge and the cart page, and is
 * refreshed from each mutation's answer (or re-read when a mutation answers nothing).
 */
import { createStore } from "zustand/vanilla";
import { ApiError } from "../api/http";
import type { AddItem, Cart } from "../api/cart";

export interface CartApi {
  get(): Promise<Cart>;
  add(item: AddItem): Promise<Cart | null>;
  setQuantity(lineId: string, quantity: number): Promise<Cart | null>;
  remove(lineId: string): Promise<Cart | null>;
}

export type MutationResult = { ok: true } | { ok: false; message: string; code: string };

export interface CartState {
  cart: Cart | null;
  /** Units in the cart, for the badge. */
  count: number;
  /** Line being changed (for disabling its controls). */
  busyLine: string | null;
  error: string | null;
  refresh(): Promise<void>;
  replace(cart: Cart): void;
  reset(): void;
  add(item: AddItem): Promise<MutationResult>;
  setQuantity(lineId: string, quantity: number): Promise<MutationResult>;
  remove(lineId: string): Promise<MutationResult>;
}

function failure(error: unknown): MutationResult & { ok: false } {
  if (error instanceof ApiError) return { ok: false, message: error.message, code: error.code };
  return { ok: false, message: "잠시 후 다시 시도해 주세요.", code: "UNKNOWN" };
}

export function createCartStore(api: CartApi) {
  return createStore<CartState>()((set, get) => {
    const apply = (cart: Cart) => set({ cart, count: cart.itemCount, error: null });

    async function mutate(
      lineId: string | null,
      call: () => Promise<Cart | null>,
    ): Promise<MutationResult> {
      set({ busyLine: lineId, error: null });
      try {
        const cart = await call();
        if (cart) apply(cart);
        else await get().refresh();
        return { ok: true };
      } catch (error) {
        const result = failure(error);
        // The server is the truth: re-read after a failed change so the page shows what is stored.
        await get()
          .refresh()
          .catch(() => undefined);
        set({ error: result.message });
        return result;
      } finally {
        set({ busyLine: null });
      }
    }

    return {
      cart: null,
      count: 0,
      busyLine: null,
      error: null,
      async refresh() {
        apply(await api.get());
      },
      replace: apply,
      reset() {
        set({ cart: null, count: 0, busyLine: null, error: null });
      },
      add: (item) => mutate(null, () => api.add(item)),
      setQuantity: (lineId, quantity) => mutate(lineId, () => api.setQuantity(lineId, quantity)),
      remove: (lineId) => mutate(lineId, () => api.remove(lineId)),
    };
  });
}

export type CartStore = ReturnType<typeof createCartStore>;
