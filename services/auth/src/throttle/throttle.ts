/**
 * Login throttling and simple per-IP rate limits, counted in Redis so every auth instance agrees.
 * Failed logins are counted per account (hashed email, whether or not it exists, so the answer
 * never tells which emails are registered) and per client IP, in a fixed window.
 */
import { AppError } from "@shop/platform";
import type { Redis } from "ioredis";
import { createHash } from "node:crypto";

export interface LoginThrottleOptions {
  perAccount: number;
  perIp: number;
  windowSec: number;
}

const accountId = (email: string) =>
  createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

function tooMany(
  code: "AUTH_TOO_MANY_ATTEMPTS" | "RATE_LIMITED",
  retryAfterMs: number,
  detail: string,
): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new AppError(code, `${detail} Try again in ${seconds} s.`, {
    headers: { "retry-after": String(seconds) },
    extra: { retryAfter: seconds },
  });
}

export function createLoginThrottle(
  redis: Redis,
  redisPrefix: string,
  options: LoginThrottleOptions,
) {
  const accountKey = (email: string) => `${redisPrefix}auth:fail:account:${accountId(email)}`;
  const ipKey = (ip: string) => `${redisPrefix}auth:fail:ip:${ip}`;
  const windowMs = options.windowSec * 1000;

  return {
    /** Throws AUTH_TOO_MANY_ATTEMPTS (429, Retry-After) while the account or the IP is blocked. */
    async check(ip: string, email: string): Promise<void> {
      const results = await redis
        .multi()
        .get(accountKey(email))
        .pttl(accountKey(email))
        .get(ipKey(ip))
        .pttl(ipKey(ip))
        .exec();
      const [account, accountTtl, fromIp, ipTtl] = (results ?? []).map(([, value]) => value);
      const waits: number[] = [];
      if (Number(account ?? 0) >= options.perAccount) waits.push(Number(accountTtl));
      if (Number(fromIp ?? 0) >= options.perIp) waits.push(Number(ipTtl));
      if (waits.length)
        throw tooMany(
          "AUTH_TOO_MANY_ATTEMPTS",
          Math.max(...waits),
          "Too many failed sign-in attempts.",
        );
    },

    async recordFailure(ip: string, email: string): Promise<void> {
      await redis
        .multi()
        .incr(accountKey(email))
        .pexpire(accountKey(email), windowMs, "NX")
        .incr(ipKey(ip))
        .pexpire(ipKey(ip), windowMs, "NX")
        .exec();
    },

    async recordSuccess(email: string): Promise<void> {
      await redis.del(accountKey(email));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;

/** True for 127.0.0.0/8 and ::1 (also IPv4-mapped), i.e. a caller on this machine. */
export function isLoopback(ip: string): boolean {
  return ip === "::1" || /^(::ffff:)?127\./.test(ip);
}

/**
 * A fixed-window counter: `hit` throws RATE_LIMITED (429, Retry-After) past `max` per window.
 * `exempt` callers are not counted (development stacks exempt loopback, where every e2e browser,
 * benchmark and developer shares one address).
 */
export function createRateLimit(
  redis: Redis,
  redisPrefix: string,
  options: { name: string; max: number; windowSec: number; exempt?: (key: string) => boolean },
) {
  const { name, max, windowSec } = options;
  return {
    async hit(key: string): Promise<void> {
      if (options.exempt?.(key)) return;
      const redisKey = `${redisPrefix}auth:rate:${name}:${key}`;
      const results = await redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, windowSec * 1000, "NX")
        .pttl(redisKey)
        .exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      if (count > max) {
        const waitMs = Number(results?.[2]?.[1] ?? windowSec * 1000);
        throw tooMany("RATE_LIMITED", waitMs, "Too many requests from this address.");
      }
    },
  };
}

export type RateLimit = ReturnType<typeof createRateLimit>;
