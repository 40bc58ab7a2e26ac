/**
 * Rate limiting in Redis with a sliding window: the count of the current fixed window plus the
 * previous window's count weighted by how much of it still overlaps the sliding window. One Lua
 * call per request, O(1) memory per caller. Answers carry the IETF draft `RateLimit` and
 * `RateLimit-Policy` headers; a refusal is 429 RATE_LIMITED with `Retry-After`.
 */
import { AppError, type Logger } from "@shop/platform";
import type { Redis } from "ioredis";
import type { RateLimitConfig } from "../config/schema.js";

// KEYS[1] current window, KEYS[2] previous window; ARGV[1] limit, ARGV[2] elapsed ms, ARGV[3] window ms.
const SLIDING_WINDOW = `
local limit = tonumber(ARGV[1])
local elapsed = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local used = previous * (window - elapsed) / window + current
if used + 1 > limit then
  return {0, current, previous}
end
current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], window * 2) end
return {1, current, previous}`;

interface ScriptedRedis extends Redis {
  gatewayRateLimit(current: string, previous: string, limit: number, elapsed: number, window: number): Promise<[number, number, number]>;
}

export interface RateDecision {
  allowed: boolean;
  /** Headers for the answer (RateLimit, RateLimit-Policy, and Retry-After when refused). */
  headers: string[];
  retryAfterSec: number;
}

export interface RateLimiter {
  /** Counts one request of `subject` against `config`; undefined when Redis is unavailable (fail open). */
  check(routeId: string, subject: string, config: RateLimitConfig): Promise<RateDecision | undefined>;
}

export function createRateLimiter(redis: Redis, prefix: string, logger: Logger, ready: () => boolean): RateLimiter {
  if (!("gatewayRateLimit" in redis)) redis.defineCommand("gatewayRateLimit", { numberOfKeys: 2, lua: SLIDING_WINDOW });
  const scripted = redis as ScriptedRedis;
  let warned = 0;

  return {
    async check(routeId, subject, config) {
      // A gateway that cannot count still serves: limits are protection, not correctness.
      if (!ready()) return undefined;
      const now = Date.now();
      const window = config.window;
      const index = Math.floor(now / window);
      const elapsed = now - index * window;
      const base = `${prefix}ratelimit:${routeId}:${subject}:`;
      let result: [number, number, number];
      try {
        result = await scripted.gatewayRateLimit(base + index, base + (index - 1), config.limit, elapsed, window);
      } catch (error) {
        if (now - warned > 10_000) {
          warned = now;
          logger.warn({ err: error }, "rate limiter unavailable; letting requests through");
        }
        return undefined;
      }
      const [allowed, current, previous] = result;
      return decide(routeId, allowed === 1, current, previous, elapsed, config);
    },
  };
}

/** Builds the decision and headers from the window counts (exported for tests of the arithmetic). */
export function decide(
  name: string,
  allowed: boolean, current: number, previous: number, elapsed: number, config: RateLimitConfig): RateDecision {
  const { limit, window } = config;
  const used = (previous * (window - elapsed)) / window + current;
  const remaining = Math.max(0, Math.floor(limit - used));
  const retryMs = allowed ? 0 : msUntilRoom(current, previous, elapsed, config);
  const resetSec = Math.max(1, Math.ceil((allowed ? window - elapsed : retryMs) / 1000));
  const policy = `"${name}";q=${limit};w=${Math.round(window / 1000)}`;
  const headers = ["ratelimit-policy", policy, "ratelimit", `"${name}";r=${remaining};t=${resetSec}`];
  const retryAfterSec = Math.max(1, Math.ceil(retryMs / 1000));
  if (!allowed) headers.push("retry-after", String(retryAfterSec));
  return { allowed, headers, retryAfterSec };
}

/** Time until one more request fits, given the counts at `elapsed` ms into the current window. */
function msUntilRoom(current: number, previous: number, elapsed: number, { limit, window }: RateLimitConfig): number {
  if (current + 1 > limit) {
    // Wait for the next window, then for enough of this window's weight to slide out.
    const intoNext = current > 0 ? window * (1 - (limit - 1) / current) : 0;
    return window - elapsed + Math.max(0, intoNext);
  }
  // previous * (window - t) / window + current + 1 <= limit  →  t >= window * (1 - (limit - 1 - current) / previous)
  const t = window * (1 - (limit - 1 - current) / previous);
  return Math.max(0, t - elapsed);
}

export function rateLimited(decision: RateDecision): AppError {
  return new AppError("RATE_LIMITED", `Too many requests; try again in ${decision.retryAfterSec} s`, {
    headers: headersToRecord(decision.headers),
  });
}

function headersToRecord(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}
