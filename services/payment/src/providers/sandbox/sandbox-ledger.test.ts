import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, describe, it } from "node:test";
import { createLogger } from "@shop/platform";
import { createTestDatabase, type TestDatabase } from "@shop/test-kit";
import { openDatabase, type Db } from "../../db.js";
import { SandboxLedger } from "./sandbox-ledger.js";
import { SandboxProvider } from "./sandbox-provider.js";

const logger = createLogger("payment", "silent");

/** A sandbox as the payment service builds it at start: its books are the database's. */
function startSandbox(db: Db): SandboxProvider {
  return new SandboxProvider({
    secret: "whsec_test",
    webhookUrl: () => undefined,
    toleranceSeconds: 300,
    settleDelayMs: 10,
    failDelayMs: 10,
    logger,
    ledger: new SandboxLedger(db),
  });
}

const authorization = () => ({
  paymentId: randomUUID(),
  orderId: randomUUID(),
  amount: 12_000,
  currency: "KRW",
  card: {
    number: "4242424242424242",
    expiryMonth: 12,
    expiryYear: 2039,
    cvc: "123",
    brand: "visa",
    last4: "4242",
  },
  capture: false,
  idempotencyKey: randomUUID(),
});

describe("the sandbox processor's books", () => {
  let database: TestDatabase;
  let db: Db;
  before(async () => {
    database = await createTestDatabase("payment_sandbox");
    db = await openDatabase(database.url, logger);
  });
  after(async () => {
    await db.end();
    await database.drop();
  });

  it("survive a restart: an authorisation made before it can be voided or captured after it", async () => {
    const before = startSandbox(db);
    const held = await before.authorize(authorization());
    const captureLater = await before.authorize(authorization());
    before.close();
    assert.equal(held.status, "authorized");

    const restarted = startSandbox(db);
    try {
      const voided = await restarted.void(held.providerRef, randomUUID());
      assert.equal(voided.status, "voided");
      const captured = await restarted.capture(captureLater.providerRef, 12_000, randomUUID());
      assert.deepEqual([captured.status, captured.amount], ["captured", 12_000]);
      await assert.rejects(restarted.capture(held.providerRef, 12_000, randomUUID()), {
        code: "PAYMENT_STATE_INVALID",
      });
    } finally {
      restarted.close();
    }
  });

  it("answer a repeated key with the first result, also after a restart", async () => {
    const input = authorization();
    const first = startSandbox(db);
    const answer = await first.authorize(input);
    first.close();
    const again = startSandbox(db);
    try {
      assert.deepEqual(await again.authorize(input), answer);
      assert.equal(again.counts.authorize, 0, "nothing was authorised twice");
    } finally {
      again.close();
    }
  });
});
