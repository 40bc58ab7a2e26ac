/** The idempotency settings of the route file, with the Redis store they run on. */
import type { Logger } from "@shop/platform";
import type { GatewayFile } from "../gateway-file/schema.js";
import type { RedisClients } from "../redis-clients.js";
import type { IdempotencyOptions } from "./idempotency.js";
import { IdempotencyStore } from "./idempotency-store.js";

export function idempotencyOptions(
  file: GatewayFile,
  clients: RedisClients,
  prefix: string,
  logger: Logger,
): IdempotencyOptions {
  return {
    store: new IdempotencyStore(clients.redis),
    ready: clients.ready,
    prefix,
    retentionMs: file.idempotency.retention,
    inFlightMs: file.idempotency.inFlight,
    maxResponseSize: file.idempotency.maxResponseSize,
    logger,
  };
}
