import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { canTransition, nextStates } from "./order-states.ts";
import { OrderState } from "./orders.ts";

describe("order state machine", () => {
  it("offers an admin the usual next step first", () => {
    assert.deepEqual(nextStates("paid", "admin"), ["preparing", "cancelled", "refunded"]);
    assert.deepEqual(nextStates("shipped", "admin"), ["delivered", "refunded"]);
  });

  it("lets nobody move an order out of a final state", () => {
    for (const actor of ["customer", "guest", "admin", "system", "payment"] as const) {
      assert.deepEqual(nextStates("cancelled", actor), []);
      assert.deepEqual(nextStates("refunded", actor), []);
    }
  });

  it("keeps the owner's cancel to before shipping", () => {
    const cancellable = OrderState.options.filter((s) => canTransition(s, "cancelled", "customer"));
    assert.deepEqual(cancellable, ["pending_payment", "paid", "preparing"]);
  });
});
