// Redis restarted under load keeps every cart and session: the launcher's Redis writes an
// append-only file, so what it acknowledged before the restart is there after it. Shoppers keep
// adding to their carts and customers keep refreshing their sessions while Redis restarts; every
// write that was answered 2xx is found afterwards, and every session still works.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Cart, TokenResponse } from "@shop/contracts";
import type { RunningStack } from "../../infra/launcher/stack.js";
import {
  createProduct,
  guestSession,
  registerCustomer,
  type CreatedProduct,
  type Session,
} from "../api/lib/fixtures.js";
import { call, gateway, within } from "../api/lib/http.js";
import { chaosStack, restart } from "./lab.js";

let stack: RunningStack;
let product: CreatedProduct;
before(async () => {
  stack = await chaosStack();
  product = await createProduct({ stock: 100_000 });
});
after(() => stack?.stop());

interface Shopper {
  session: Session;
  /** Units the cart service acknowledged (200) for this shopper. */
  acknowledged: number;
  /** Adds with no answer or a 5xx: applied or not, the shopper cannot know. */
  unanswered: number;
}

/** Each simulated client sends a few requests a second, well inside the gateway's rate limits. */
const pace = () => new Promise((r) => setTimeout(r, 150));

interface Customer {
  session: Session;
  /** The refresh token from the newest acknowledged rotation. */
  refreshToken: string;
}

describe("Redis restarted under load", () => {
  it("loses no acknowledged cart line and no session", async () => {
    const shoppers: Shopper[] = await Promise.all(
      Array.from({ length: 6 }, async () => ({
        session: await guestSession(),
        acknowledged: 0,
        unanswered: 0,
      })),
    );
    const customers: Customer[] = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const c = await registerCustomer("aof");
        return { session: c, refreshToken: c.refreshToken };
      }),
    );
    let load = true;
    let refused = 0;
    const addLoop = async (s: Shopper) => {
      while (load) {
        const res = await call(gateway(), "/api/cart/items", {
          token: s.session.accessToken,
          ip: s.session.ip,
          json: { productId: product.id, quantity: 1 },
        }).catch(() => undefined);
        if (res?.status === 200) s.acknowledged += 1;
        else {
          refused += 1;
          if (!res || res.status >= 500) s.unanswered += 1;
        }
        await pace();
      }
    };
    const refreshLoop = async (c: Customer) => {
      while (load) {
        const res = await call(gateway(), "/api/auth/refresh", {
          client: true,
          ip: c.session.ip,
          json: { refreshToken: c.refreshToken },
        }).catch(() => undefined);
        if (res?.status === 200) c.refreshToken = TokenResponse.parse(res.body).refreshToken;
        else refused += 1;
        await pace();
      }
    };
    const loops = [...shoppers.map(addLoop), ...customers.map(refreshLoop)];
    // Under load before, during and after the restart.
    await within(30_000, async () =>
      shoppers.every((s) => s.acknowledged >= 3) ? true : undefined,
    );
    const before = shoppers.map((s) => s.acknowledged);
    await restart(stack, "redis");
    await within(30_000, async () =>
      shoppers.every((s, i) => s.acknowledged >= before[i]! + 3) ? true : undefined,
    );
    load = false;
    await Promise.all(loops);

    for (const s of shoppers) {
      const res = await call(gateway(), "/api/cart", {
        token: s.session.accessToken,
        ip: s.session.ip,
      });
      assert.equal(res.status, 200, res.text);
      const quantity = Cart.parse(res.body).lines.find((l) => l.productId === product.id)?.quantity;
      assert.ok(
        (quantity ?? 0) >= s.acknowledged,
        `${quantity} < ${s.acknowledged} acknowledged units`,
      );
      assert.ok((quantity ?? 0) <= s.acknowledged + s.unanswered, "no unit appears from nowhere");
    }
    for (const c of customers) {
      const res = await call(gateway(), "/api/auth/refresh", {
        client: true,
        ip: c.session.ip,
        json: { refreshToken: c.refreshToken },
      });
      assert.equal(res.status, 200, `the session survived the restart: ${res.text}`);
    }
    console.log(
      `redis restart: ${shoppers.reduce((n, s) => n + s.acknowledged, 0)} cart writes acknowledged, ` +
        `${refused} refused while Redis was away`,
    );
  });
});
