/**
 * Test fixture run as a child process: a relay that stops dead at a chosen point of publishing
 * (before or after the Redis write, always before the commit) so the test can kill it there.
 * Usage: node --import tsx relay-crash.fixture.ts <databaseUrl> <redisUrl> <prefix> <before|after>
 */
import { createLogger } from "@shop/platform";
import { createRedis } from "@shop/platform/redis";
import pg from "pg";
import { OutboxRelay } from "./outbox.relay.js";

const [databaseUrl, redisUrl, prefix, point] = process.argv.slice(2);
const db = new pg.Pool({ connectionString: databaseUrl, application_name: "relay-crash" });
const redis = createRedis(redisUrl ?? "", { name: "relay-crash" });
const stop = async () => {
  process.stdout.write(`CRASH_POINT ${point}\n`);
  await new Promise(() => undefined);
};
const relay = new OutboxRelay({
  db,
  redis,
  prefix: prefix ?? "",
  logger: createLogger("order", "silent"),
  pollMs: 60_000,
  hooks: point === "before" ? { beforePublish: stop } : { afterPublish: stop },
});
await relay.drain();
