/**
 * Idempotency records in Redis. One key per scope holds either an in-flight claim
 * (`P:<token>:<fingerprint>`, expiring on its own so a crash cannot block a key) or the finished
 * answer (`D:` + JSON). Claim, complete and release are single Lua calls, so two gateway processes
 * can never both execute one key.
 */
import type { Redis } from "ioredis";

const CLAIM = `
local current = redis.call('GET', KEYS[1])
if current then return current end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return false`;

const COMPLETE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

interface ScriptedRedis extends Redis {
  gatewayIdemClaim(key: string, value: string, ttlMs: number): Promise<string | null>;
  gatewayIdemComplete(key: string, claim: string, value: string, ttlMs: number): Promise<number>;
  gatewayIdemRelease(key: string, claim: string): Promise<number>;
}

export interface StoredAnswer {
  status: number;
  headers: string[];
  /** Base64 body; absent when the answer was too large to keep. */
  body?: string;
}

export type ClaimResult =
  | { kind: "claimed"; claim: string }
  | { kind: "in-flight"; fingerprint: string }
  | { kind: "done"; fingerprint: string; answer: StoredAnswer };

export class IdempotencyStore {
  private readonly redis: ScriptedRedis;

  constructor(redis: Redis) {
    if (!("gatewayIdemClaim" in redis)) {
      redis.defineCommand("gatewayIdemClaim", { numberOfKeys: 1, lua: CLAIM });
      redis.defineCommand("gatewayIdemComplete", { numberOfKeys: 1, lua: COMPLETE });
      redis.defineCommand("gatewayIdemRelease", { numberOfKeys: 1, lua: RELEASE });
    }
    this.redis = redis as ScriptedRedis;
  }

  async claim(
    key: string,
    token: string,
    fingerprint: string,
    inFlightMs: number,
  ): Promise<ClaimResult> {
    const claim = `P:${token}:${fingerprint}`;
    const current = await this.redis.gatewayIdemClaim(key, claim, inFlightMs);
    if (current === null) return { kind: "claimed", claim };
    if (current.startsWith("P:"))
      return { kind: "in-flight", fingerprint: current.slice(current.lastIndexOf(":") + 1) };
    const separator = current.indexOf(":", 2);
    return {
      kind: "done",
      fingerprint: current.slice(2, separator),
      answer: JSON.parse(current.slice(separator + 1)) as StoredAnswer,
    };
  }

  /** Replaces our claim with the answer; false when the claim was lost (expired and re-claimed). */
  async complete(
    key: string,
    claim: string,
    fingerprint: string,
    answer: StoredAnswer,
    retentionMs: number,
  ): Promise<boolean> {
    const value = `D:${fingerprint}:${JSON.stringify(answer)}`;
    return (await this.redis.gatewayIdemComplete(key, claim, value, retentionMs)) === 1;
  }

  async release(key: string, claim: string): Promise<void> {
    await this.redis.gatewayIdemRelease(key, claim);
  }
}
