/**
 * Rate limiting in Redis with a sliding window: the count of the current fixed window plus the
 * previous window's count weighted by how much of it still overlaps the sliding window, kept by a
 * Lua script. Busy callers take their budget in small leases (1 % of the limit, at most 1000, at
 * least 1) so a hot member does not cost a Redis call per request; leases come out of the shared
 * budget, so the limit holds across every gateway process. Routes with small limits (login: 30)
 * lease one request at a time, i.e. every request is counted in Redis. Answers carry the IETF
 * draft `RateLimit` and `RateLimit-Policy` headers; a refusal is 429 RATE_LIMITED with `Retry-After`.
 */
import { AppError, type Logger } from "@shop/platform";
import type { Redis } from "ioredis";
import type { RateLimitConfig } from "../gateway-file/schema.js";

// KEYS[1] current window, KEYS[2] previous window; ARGV: limit, elapsed ms, window ms, wanted lease.
const SLIDING_WINDOW = `
local limit = tonumber(ARGV[1])
local elapsed = tonumber(ARGV[2])
local window = tonumber(ARGV[3])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local room = math.floor(limit - (previous * (window - elapsed) / window + current))
if room < 1 then
  return {0, current, previous}
end
local grant = math.min(tonumber(ARGV[4]), room)
current = redis.call('INCRBY', KEYS[1], grant)
if current == grant then redis.call('PEXPIRE', KEYS[1], window * 2) end
return {grant, current, previous}`;

interface ScriptedRedis extends Redis {
  gatewayRateLimit(
    current: string,
    previous: string,
    limit: number,
    elapsed: number,
    window: number,
    lease: number,
  ): Promise<[number, number, number]>;
}

export interface RateDecision {
  allowed: boolean;
  /** Headers for the answer (RateLimit, RateLimit-Policy, and Retry-After when refused). */
  headers: string[];
  retryAfterSec: number;
  retryMs: number;
}

export interface RateLimiter {
  /**
   * Counts one request of `subject` against `config`: synchronously while the caller's lease lasts,
   * otherwise after one Redis call. Undefined when Redis is unavailable (fail open).
   */
  check(
    routeId: string,
    subject: string,
    config: RateLimitConfig,
  ): RateDecision | undefined | Promise<RateDecision | undefined>;
}

interface Lease {
  window: number;
  remaining: number;
  current: number;
  previous: number;
  /** After a refusal: refuse locally until then (epoch ms) instead of asking Redis again. */
  blockedUntil: number;
}

export function leaseSize(limit: number): number {
  return Math.max(1, Math.min(1000, Math.floor(limit / 100)));
}

export function createRateLimiter(
  redis: Redis,
  prefix: string,
  logger: Logger,
  ready: () => boolean,
): RateLimiter {
  return new SlidingWindowLimiter(redis, prefix, logger, ready);
}

class SlidingWindowLimiter implements RateLimiter {
  private readonly redis: ScriptedRedis;
  private readonly leases = new Map<string, Lease>();
  private warned = 0;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    private readonly logger: Logger,
    private readonly ready: () => boolean,
  ) {
    if (!("gatewayRateLimit" in redis)) {
      redis.defineCommand("gatewayRateLimit", { numberOfKeys: 2, lua: SLIDING_WINDOW });
    }
    this.redis = redis as ScriptedRedis;
  }

  check(routeId: string, subject: string, config: RateLimitConfig) {
    // A gateway that cannot count still serves: limits are protection, not correctness.
    if (!this.ready()) return undefined;
    const now = Date.now();
    const index = Math.floor(now / config.window);
    const elapsed = now - index * config.window;
    const lease = this.leases.get(`${routeId}|${subject}`);
    if (lease && lease.blockedUntil > now) {
      const { current, previous } = lease;
      return decide(
        routeId,
        false,
        current,
        previous,
        elapsed,
        config,
        0,
        lease.blockedUntil - now,
      );
    }
    if (lease && lease.window === index && lease.remaining > 0) {
      lease.remaining--;
      const { current, previous, remaining } = lease;
      return decide(routeId, true, current, previous, elapsed, config, remaining);
    }
    return this.refill(routeId, subject, config, index, elapsed);
  }

  private async refill(
    routeId: string,
    subject: string,
    config: RateLimitConfig,
    index: number,
    elapsed: number,
  ): Promise<RateDecision | undefined> {
    const base = `${this.prefix}ratelimit:${routeId}:${subject}:`;
    let result: [number, number, number];
    try {
      result = await this.redis.gatewayRateLimit(
        base + index,
        base + (index - 1),
        config.limit,
        elapsed,
        config.window,
        leaseSize(config.limit),
      );
    } catch (error) {
      this.warn(error);
      return undefined;
    }
    const [granted, current, previous] = result;
    const key = `${routeId}|${subject}`;
    if (this.leases.size >= 50_000) this.leases.clear();
    if (granted === 0) {
      const refusal = decide(routeId, false, current, previous, elapsed, config);
      const blockedUntil = Date.now() + refusal.retryMs;
      this.leases.set(key, { window: index, remaining: 0, current, previous, blockedUntil });
      return refusal;
    }
    const remaining = granted - 1;
    this.leases.set(key, { window: index, remaining, current, previous, blockedUntil: 0 });
    return decide(routeId, true, current, previous, elapsed, config, remaining);
  }

  private warn(error: unknown): void {
    const now = Date.now();
    if (now - this.warned < 10_000) return;
    this.warned = now;
    this.logger.warn({ err: error }, "rate limiter unavailable; letting requests through");
  }
}

/** Builds the decision and headers from the window counts (exported for tests of the arithmetic). */
export function decide(
  name: string,
  allowed: boolean,
  current: number,
  previous: number,
  elapsed: number,
  config: RateLimitConfig,
  unusedLease = 0,
  knownRetryMs?: number,
): RateDecision {
  const { limit, window } = config;
  // Requests leased but not made yet are still this caller's to make.
  const used = (previous * (window - elapsed)) / window + current - unusedLease;
  const remaining = allowed ? Math.max(0, Math.floor(limit - used)) : 0;
  const retryMs = allowed ? 0 : (knownRetryMs ?? msUntilRoom(current, previous, elapsed, config));
  const resetSec = Math.max(1, Math.ceil((allowed ? window - elapsed : retryMs) / 1000));
  const policy = `"${name}";q=${limit};w=${Math.round(window / 1000)}`;
  const headers = [
    "ratelimit-policy",
    policy,
    "ratelimit",
    `"${name}";r=${remaining};t=${resetSec}`,
  ];
  const retryAfterSec = Math.max(1, Math.ceil(retryMs / 1000));
  if (!allowed) headers.push("retry-after", String(retryAfterSec));
  return { allowed, headers, retryAfterSec, retryMs };
}

/** Time until one more request fits, given the counts at `elapsed` ms into the current window. */
function msUntilRoom(
  current: number,
  previous: number,
  elapsed: number,
  { limit, window }: RateLimitConfig,
): number {
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
  return new AppError(
    "RATE_LIMITED",
    `Too many requests; try again in ${decision.retryAfterSec} s`,
    {
      headers: headersToRecord(decision.headers),
    },
  );
}

function headersToRecord(flat: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) out[flat[i]!] = flat[i + 1]!;
  return out;
}
