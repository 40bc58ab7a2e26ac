import { OrderEvent, ORDER_EVENTS_STREAM } from "@shop/contracts";
import { createLogger } from "@shop/platform";
import { createRedis } from "@shop/platform/redis";
import { createTestDatabase, createTestRedis, waitFor, type TestDatabase } from "@shop/test-kit";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import { after, before, describe, it } from "node:test";
import { openDatabase, type Db } from "../db.js";
import { OutboxRelay } from "./outbox.relay.js";
import { writeOrderEvent } from "./outbox.store.js";

const FIXTURE = fileURLToPath(new URL("./relay-crash.fixture.ts", import.meta.url));
const logger = createLogger("order", "silent");

describe("transactional outbox relay", () => {
  let database: TestDatabase;
  let db: Db;
  let redisKit: Awaited<ReturnType<typeof createTestRedis>>;
  before(async () => {
    database = await createTestDatabase("order_outbox");
    db = await openDatabase(database.url, logger);
    redisKit = await createTestRedis("order");
  });
  after(async () => {
    await db.end();
    await redisKit.cleanup();
    await database.drop();
  });

  const stream = () => redisKit.prefix + ORDER_EVENTS_STREAM;
  const entries = async () =>
    (await redisKit.redis.xrange(stream(), "-", "+")).map(
      ([, fields]) => JSON.parse(fields[fields.indexOf("event") + 1] as string) as OrderEvent,
    );
  const unpublished = async () =>
    (await db.query("SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL")).rows[0]
      .n as number;
  const relayRedis = () => {
    const client = createRedis(redisKit.url, { name: "relay-test" });
    clients.push(client);
    return client;
  };
  const clients: Array<ReturnType<typeof createRedis>> = [];
  after(() => clients.forEach((c) => c.disconnect()));
  const newRelay = () =>
    new OutboxRelay({ db, redis: relayRedis(), prefix: redisKit.prefix, logger, pollMs: 60_000 });

  /** Runs the fixture relay until it reaches `point`, then kills it with SIGKILL. */
  const crashAt = async (point: "before" | "after") => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", FIXTURE, database.url, redisKit.url, redisKit.prefix, point],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on(
        "data",
        (chunk: Buffer) => chunk.toString().includes("CRASH_POINT") && resolve(),
      );
      child.once("exit", () => reject(new Error("fixture exited before its crash point")));
    });
    child.kill("SIGKILL");
    await exited;
    // PostgreSQL notices the dead connection a moment later; only then are its row locks gone.
    await waitFor(
      async () =>
        (
          await db.query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'relay-crash' AND datname = $1",
            [database.name],
          )
        ).rows[0].n === 0,
      10_000,
      50,
    );
  };

  const writeEvent = async () => {
    const orderId = randomUUID();
    await writeOrderEvent(
      db,
      { id: orderId, number: "ORD-TEST", ownerId: "guest_x", grandTotal: 1000 },
      "paid",
      null,
    );
    return orderId;
  };

  it("publishes an event once when the relay dies before publishing it", async () => {
    const orderId = await writeEvent();
    await crashAt("before");
    assert.equal((await entries()).filter((e) => e.orderId === orderId).length, 0);
    assert.equal(await unpublished(), 1);
    const relay = newRelay();
    assert.equal(await relay.drain(), 1);
    assert.equal(await relay.drain(), 0);
    const published = (await entries()).filter((e) => e.orderId === orderId);
    assert.equal(published.length, 1);
    assert.equal(await unpublished(), 0);
    const event = OrderEvent.parse(published[0]);
    assert.equal(event.type, "order.paid");
    assert.ok(!Number.isNaN(Date.parse(event.at)));
  });

  it("does not publish twice when the relay dies after publishing but before marking it sent", async () => {
    const orderId = await writeEvent();
    await crashAt("after");
    assert.equal(
      (await entries()).filter((e) => e.orderId === orderId).length,
      1,
      "published before the crash",
    );
    assert.equal(await unpublished(), 1, "but not marked as sent");
    await newRelay().drain();
    assert.equal((await entries()).filter((e) => e.orderId === orderId).length, 1);
    assert.equal(await unpublished(), 0);
  });
});
