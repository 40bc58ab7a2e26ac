import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { startHarness, type Harness } from "../testing/harness.js";

describe("POST /api/cart/merge (real product service)", () => {
  let h: Harness;
  let tee: string;
  let cap: string;
  let gone: string;

  before(async () => {
    h = await startHarness({ MERGE_GUEST_TOKEN_GRACE_SECONDS: "86400" });
    tee = (await h.catalogue.create({ price: 19_000, stock: 5 })).id;
    cap = (await h.catalogue.create({ price: 15_000, stock: 10 })).id;
    gone = (await h.catalogue.create({ price: 9_000, stock: 10 })).id;
  });
  after(() => h.close());

  const add = async (sub: string, productId: string, quantity: number) => {
    const res = await h.app.inject({
      method: "POST",
      url: "/api/cart/items",
      headers: await h.auth(sub),
      payload: { productId, quantity },
    });
    assert.equal(res.statusCode, 200, res.body);
  };
  const merge = async (memberAuth: { authorization: string }, guestToken: string) =>
    h.app.inject({
      method: "POST",
      url: "/api/cart/merge",
      headers: memberAuth,
      payload: { guestToken },
    });

  it("adds quantities of the same line capped by stock, keeps the others, deletes the guest cart, and is idempotent", async () => {
    const guest = `guest_${randomUUID()}`;
    const member = randomUUID();
    await add(member, tee, 3);
    await add(guest, tee, 4);
    await add(guest, cap, 2);
    await add(guest, gone, 1);
    await h.catalogue.update(gone, { stock: 0 });
    const guestToken = await h.issuer.sign({ sub: guest, role: "guest" });
    const memberAuth = await h.auth(member);

    const first = await merge(memberAuth, guestToken);
    assert.equal(first.statusCode, 200, first.body);
    const body = first.json();
    assert.equal(body.merged, true);
    const qty = Object.fromEntries(
      body.cart.lines.map((l: { productId: string; quantity: number }) => [
        l.productId,
        l.quantity,
      ]),
    );
    assert.deepEqual(
      qty,
      { [tee]: 5, [cap]: 2 },
      "3 + 4 tees capped at the 5 in stock; the sold-out line is left out",
    );
    assert.equal(body.lines.capped.length, 1);
    assert.equal(body.lines.dropped.length, 1);
    assert.equal(await h.redis.exists(`${h.prefix}cart:${guest}`), 0, "guest cart removed");
    const ttl = await h.redis.ttl(`${h.prefix}cart:${member}`);
    assert.ok(ttl > 30 * 86400 - 10, "member expiry");

    const again = await merge(memberAuth, guestToken);
    assert.equal(again.statusCode, 200);
    assert.equal(again.json().merged, false);
    assert.deepEqual(again.json().cart, body.cart, "a repeated merge changes nothing");
  });

  it("merges exactly once when the same merge arrives twice at the same time", async () => {
    const guest = `guest_${randomUUID()}`;
    const member = randomUUID();
    await add(guest, cap, 3);
    const guestToken = await h.issuer.sign({ sub: guest, role: "guest" });
    const memberAuth = await h.auth(member);
    const results = await Promise.all([
      merge(memberAuth, guestToken),
      merge(memberAuth, guestToken),
    ]);
    assert.deepEqual(
      results.map((r) => r.statusCode),
      [200, 200],
    );
    assert.deepEqual(results.map((r) => r.json().merged).sort(), [false, true]);
    const cart = (
      await h.app.inject({ method: "GET", url: "/api/cart", headers: memberAuth })
    ).json();
    assert.equal(cart.lines[0].quantity, 3);
  });

  it("accepts a guest token that expired within the grace period", async () => {
    const guest = `guest_${randomUUID()}`;
    const member = randomUUID();
    await add(guest, cap, 1);
    const expired = await h.issuer.sign({ sub: guest, role: "guest", expiresIn: -3600 });
    const res = await merge(await h.auth(member), expired);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().cart.lines.length, 1);
  });

  it("refuses member tokens, forged or long-expired guest tokens (400), and guests as the target (403)", async () => {
    const member = randomUUID();
    const memberAuth = await h.auth(member);
    const otherMember = await h.issuer.sign({ sub: randomUUID(), role: "customer" });
    const old = await h.issuer.sign({
      sub: `guest_${randomUUID()}`,
      role: "guest",
      expiresIn: -2 * 86400,
    });
    const guestToken = await h.issuer.sign({ sub: `guest_${randomUUID()}`, role: "guest" });
    const [header, payload] = guestToken.split(".");
    const forged = `${header}.${payload}.${"A".repeat(86)}`;
    for (const token of [otherMember, old, forged, "not-a-jwt"]) {
      const res = await merge(memberAuth, token);
      assert.equal(res.statusCode, 400, token);
      assert.equal(res.json().errors[0].field, "guestToken");
    }
    const asGuest = await merge(await h.auth(`guest_${randomUUID()}`), guestToken);
    assert.equal(asGuest.statusCode, 403);
    const anonymous = await h.app.inject({
      method: "POST",
      url: "/api/cart/merge",
      payload: { guestToken },
    });
    assert.equal(anonymous.statusCode, 401);
  });
});
