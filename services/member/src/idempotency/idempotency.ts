/**
 * Idempotent creates (the description's "멱등성 미들웨어"): a retried request with the same
 * `Idempotency-Key` (alias `X-Idempotency-Key`) from the same caller gets the first answer back
 * with `Idempotent-Replayed: true` instead of a duplicate or a 409.
 */
import { AppError } from "@shop/platform";
import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Redis } from "ioredis";

const KEY_PATTERN = /^[A-Za-z0-9._:-]{8,128}$/;
const LOCK_MS = 30_000;

interface Stored {
  fingerprint: string;
  status: number;
  body: unknown;
}

export interface Idempotency {
  /**
   * Runs `create` once per key and caller. Without a key it simply runs. Only successful answers
   * are stored: a failed attempt releases the key so the retry is evaluated afresh.
   */
  run<T>(
    request: FastifyRequest,
    reply: FastifyReply,
    scope: string,
    create: () => Promise<{ status: number; body: T }>,
  ): Promise<T>;
}

export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers["idempotency-key"] ?? request.headers["x-idempotency-key"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined) return undefined;
  if (!KEY_PATTERN.test(value)) {
    throw new AppError(
      "IDEMPOTENCY_KEY_INVALID",
      "Idempotency-Key must be 8–128 letters, digits or ._:-",
    );
  }
  return value;
}

export function createIdempotency(redis: Redis, prefix: string, ttlSec: number): Idempotency {
  return {
    async run(request, reply, scope, create) {
      const key = idempotencyKeyOf(request);
      if (!key) {
        const result = await create();
        void reply.code(result.status);
        return result.body;
      }
      const redisKey = `${prefix}member:idempotency:${scope}:${key}`;
      // The body is fingerprinted by hash only: it may carry a password.
      const fingerprint = createHash("sha256")
        .update(
          `${request.method} ${request.routeOptions.url ?? request.url}\n${JSON.stringify(request.body ?? null)}`,
        )
        .digest("hex");
      const pending = JSON.stringify({ pending: true, fingerprint });
      const claimed = await redis.set(redisKey, pending, "PX", LOCK_MS, "NX");
      if (!claimed) return replay(await redis.get(redisKey), fingerprint, reply);
      try {
        const result = await create();
        const stored: Stored = { fingerprint, status: result.status, body: result.body };
        await redis.set(redisKey, JSON.stringify(stored), "EX", ttlSec);
        void reply.code(result.status);
        return result.body;
      } catch (error) {
        await redis.del(redisKey).catch(() => undefined);
        throw error;
      }
    },
  };
}

function replay<T>(raw: string | null, fingerprint: string, reply: FastifyReply): T {
  const stored = raw ? (JSON.parse(raw) as Partial<Stored> & { pending?: boolean }) : undefined;
  if (!stored || stored.pending) {
    throw new AppError(
      "IDEMPOTENCY_KEY_IN_USE",
      "A request with this Idempotency-Key is still being processed",
      {
        headers: { "retry-after": "1" },
      },
    );
  }
  if (stored.fingerprint !== fingerprint) {
    throw new AppError(
      "IDEMPOTENCY_KEY_REUSED",
      "This Idempotency-Key was used with a different request",
    );
  }
  void reply
    .code(stored.status ?? 200)
    .headers({ "idempotent-replayed": "true", "x-idempotency-replayed": "true" });
  return stored.body as T;
}
