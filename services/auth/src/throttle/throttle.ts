/**
 * Login throttling and simple per-IP rate limits, counted in Redis so every auth instance agrees.
 * Sign-in attempts are counted per account (hashed email, whether or not it exists, so the answer
 * never tells which emails are registered) and per client IP, in a fixed window: counted before
 * the password is checked, kept when it was wrong, taken back when it was right.
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
    /**
     * Counts a sign-in attempt against the account and the IP before the password is checked, in
     * one Redis script, so concurrent attempts cannot all pass a check made before any of them
     * failed. Throws AUTH_TOO_MANY_ATTEMPTS (429, Retry-After) while either is at its limit.
     */
    async begin(ip: string, email: string): Promise<LoginAttempt> {
      const account = accountKey(email);
      const fromIp = ipKey(ip);
      const [admitted, waitMs] = (await redis.eval(
        COUNT_ATTEMPT,
        2,
        account,
        fromIp,
        options.perAccount,
        options.perIp,
        windowMs,
      )) as [number, number];
      if (admitted !== 1)
        throw tooMany("AUTH_TOO_MANY_ATTEMPTS", waitMs, "Too many failed sign-in attempts.");
      return {
        // The attempt stays counted: it was a failure.
        failed: async () => undefined,
        // A success clears the account's failures and does not count against the IP.
        succeeded: async () => {
          await redis.eval(UNCOUNT, 2, fromIp, account, 1);
        },
        // The password was never checked (member service unreachable): the attempt is refunded.
        abandoned: async () => {
          await redis.eval(UNCOUNT, 2, fromIp, account, 0);
        },
      };
    },
  };
}

/** What happened to an admitted attempt; exactly one of these is called. */
export interface LoginAttempt {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
  abandoned(): Promise<void>;
}

// KEYS: account, ip. ARGV: per-account limit, per-IP limit, window (ms).
// Answers {1, 0} when admitted (both counters incremented), {0, wait ms} when blocked.
const COUNT_ATTEMPT = `
local account = tonumber(redis.call('GET', KEYS[1]) or '0')
local fromIp = tonumber(redis.call('GET', KEYS[2]) or '0')
local wait = -1
if account >= tonumber(ARGV[1]) then wait = math.max(wait, redis.call('PTTL', KEYS[1])) end
if fromIp >= tonumber(ARGV[2]) then wait = math.max(wait, redis.call('PTTL', KEYS[2])) end
if wait >= 0 then return {0, wait} end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  if redis.call('PTTL', key) < 0 then redis.call('PEXPIRE', key, ARGV[3]) end
end
return {1, 0}`;

// KEYS: ip, account. ARGV[1] = 1 to delete the account counter (success), 0 to take one off it.
const UNCOUNT = `
if tonumber(redis.call('GET', KEYS[1]) or '0') > 0 then redis.call('DECR', KEYS[1]) end
if ARGV[1] == '1' then
  redis.call('DEL', KEYS[2])
elseif tonumber(redis.call('GET', KEYS[2]) or '0') > 0 then
  redis.call('DECR', KEYS[2])
end
return 1`;

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
