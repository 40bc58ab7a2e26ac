/**
 * Redis helpers: a client factory with platform defaults and the identity revocation list
 * (auth writes it; the gateway and services keep an in-process copy fed by pub/sub).
 */
import { Redis, type Command, type RedisOptions } from "ioredis";
import type { Logger } from "pino";
import type { JWTVerifyGetKey } from "jose";
import {
  createTokenVerifier,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  type Identity,
  type RevocationCheck,
  type TokenVerifier,
} from "./identity.js";
import { metricsObserving, observeDependency } from "./metrics.js";
import { countTokenRevocation } from "./signals.js";

/**
 * Creates an ioredis client that fails fast instead of queueing forever when Redis is down.
 *
 * @param url - `redis://host:port/db`.
 * @example
 * const redis = createRedis(config.REDIS_URL, { name: "gateway" });
 */
export function createRedis(url: string, options: RedisOptions & { name?: string } = {}): Redis {
  const { name, ...rest } = options;
  const redis = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
    lazyConnect: false,
    ...rest,
  });
  timeCommands(redis);
  return redis;
}

const TIMED_OUT = /timed? ?out/i;

/**
 * Times every command of `redis` as the `redis` dependency (operation = the command's name). A
 * command queued while offline passes through sendCommand again when the connection is back: it
 * is timed once, from its first sending.
 */
function timeCommands(redis: Redis): void {
  const send = redis.sendCommand.bind(redis);
  const timed = new WeakSet<Command>();
  redis.sendCommand = (command: Command, stream?: Parameters<Redis["sendCommand"]>[1]) => {
    if (!metricsObserving() || timed.has(command)) return send(command, stream);
    timed.add(command);
    const started = performance.now();
    const took = () => (performance.now() - started) / 1000;
    command.promise.then(
      () => observeDependency("redis", command.name, "ok", took()),
      (error: unknown) =>
        observeDependency(
          "redis",
          command.name,
          error instanceof Error && TIMED_OUT.test(error.message) ? "timeout" : "error",
          took(),
        ),
    );
    return send(command, stream);
  };
}

/** Redis names of the revocation list, shared by auth (writer) and every verifier (readers). */
export const REVOCATION_SET = "identity:revoked";
export const REVOCATION_CHANNEL = "identity:revocations";

/** A revocation of one session, or of every token of a subject issued up to `at` (epoch seconds). */
export type Revocation = { kind: "sid"; id: string } | { kind: "sub"; id: string; at: number };

export function encodeRevocation(revocation: Revocation): string {
  return revocation.kind === "sid"
    ? `sid:${revocation.id}`
    : `sub:${revocation.id}:${revocation.at}`;
}

function decodeRevocation(entry: string): Revocation | undefined {
  const [kind, id, at] = entry.split(":");
  if (kind === "sid" && id) return { kind, id };
  if (kind === "sub" && id && at) return { kind, id, at: Number(at) };
  return undefined;
}

/**
 * Writes a revocation (auth service side): stored until `keepUntilMs` (the longest an access
 * token issued before it can live) and published so every verifier learns it at once.
 */
export async function publishRevocation(
  redis: Redis,
  revocation: Revocation,
  keepUntilMs: number,
  prefix = "",
): Promise<void> {
  const entry = encodeRevocation(revocation);
  await redis
    .multi()
    .zadd(prefix + REVOCATION_SET, keepUntilMs, entry)
    .zremrangebyscore(prefix + REVOCATION_SET, "-inf", Date.now())
    .publish(prefix + REVOCATION_CHANNEL, entry)
    .exec();
  countTokenRevocation();
}

export interface RevocationList extends RevocationCheck {
  /** Loads the current list and subscribes; resolves once both are done. */
  start(): Promise<void>;
  close(): Promise<void>;
  readonly size: number;
}

/**
 * An in-process copy of the revocation list: loaded at start, kept current by pub/sub and
 * reloaded every `resyncMs` (default 30 s) in case a message was missed during a reconnect.
 * Lookups are synchronous map reads, so token checks add no Redis round trip.
 */
export function createRevocationList(
  url: string,
  options: { prefix?: string; logger?: Logger; resyncMs?: number } = {},
): RevocationList {
  const prefix = options.prefix ?? "";
  const reader = createRedis(url, { name: "revocations" });
  // No ready check: ioredis writes SUBSCRIBE while still connecting, and its INFO ready check
  // then fails on a connection already in subscriber mode (an error event and a reconnect).
  const subscriber = createRedis(url, {
    name: "revocations-sub",
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
  });
  // Without an error listener ioredis prints every failed reconnect; log one line per 10 s instead.
  let lastError = 0;
  const onError = (error: Error) => {
    if (Date.now() - lastError < 10_000) return;
    lastError = Date.now();
    options.logger?.warn({ err: error }, "revocation list: redis unavailable");
  };
  reader.on("error", onError);
  subscriber.on("error", onError);
  const sessions = new Set<string>();
  const subjects = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;

  const apply = (entry: string) => {
    const revocation = decodeRevocation(entry);
    if (!revocation) return;
    if (revocation.kind === "sid") sessions.add(revocation.id);
    else subjects.set(revocation.id, Math.max(subjects.get(revocation.id) ?? 0, revocation.at));
  };

  const reload = async () => {
    const entries = await reader.zrangebyscore(prefix + REVOCATION_SET, Date.now(), "+inf");
    sessions.clear();
    subjects.clear();
    entries.forEach(apply);
  };

  subscriber.on("message", (_channel: string, message: string) => apply(message));
  // After a reconnect we may have missed messages; reload the whole list.
  subscriber.on("ready", () => void reload().catch(() => undefined));

  return {
    get size() {
      return sessions.size + subjects.size;
    },
    isRevoked(identity: Identity): boolean {
      if (sessions.has(identity.sid)) return true;
      const at = subjects.get(identity.sub);
      return at !== undefined && identity.iat <= at;
    },
    async start() {
      await subscriber.subscribe(prefix + REVOCATION_CHANNEL);
      await reload();
      timer = setInterval(() => {
        reload().catch((error) =>
          options.logger?.warn({ err: error }, "revocation list reload failed"),
        );
      }, options.resyncMs ?? 30_000);
      timer.unref();
    },
    async close() {
      clearInterval(timer);
      subscriber.disconnect();
      reader.disconnect();
    },
  };
}

export interface AccessTokenVerification {
  verifier: TokenVerifier;
  revocations: RevocationList;
}

/**
 * What a service that authorises needs: a verifier for the auth service's access tokens (JWKS at
 * `${authUrl}/.well-known/jwks.json`, platform issuer and audience) wired to an in-process
 * revocation list. Call `revocations.start()` before serving and `revocations.close()` on shutdown.
 *
 * @example
 * const { verifier, revocations } = createAccessTokenVerification({ authUrl: config.AUTH_URL, redisUrl: config.REDIS_URL, prefix: config.REDIS_PREFIX, logger });
 * await revocations.start();
 */
export function createAccessTokenVerification(options: {
  authUrl?: string;
  /** A key resolver instead of the remote JWKS (tests). */
  keys?: JWTVerifyGetKey;
  redisUrl: string;
  prefix?: string;
  logger?: Logger;
}): AccessTokenVerification {
  const revocations = createRevocationList(options.redisUrl, {
    prefix: options.prefix,
    logger: options.logger,
  });
  const verifier = createTokenVerifier({
    ...(options.keys
      ? { keys: options.keys }
      : { jwksUrl: `${options.authUrl}/.well-known/jwks.json` }),
    issuer: DEFAULT_ISSUER,
    audience: DEFAULT_AUDIENCE,
    revocations,
  });
  return { verifier, revocations };
}
