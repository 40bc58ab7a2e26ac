/**
 * Idempotent writes per the IETF Idempotency-Key draft (also the description's X-Idempotency-Key):
 * the first request with a key executes, a duplicate in flight gets 409, the same key with another
 * payload 422, and later duplicates get the stored status, headers and full body replayed.
 */
import { AppError, countIdempotency, type Logger } from "@shop/platform";
import { createHash, randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { BufferedResponse } from "../upstreams/proxy.js";
import { withoutHeader } from "../upstreams/headers.js";
import type { IdempotencyStore, StoredAnswer } from "./idempotency-store.js";

const KEY_PATTERN = /^[A-Za-z0-9_.:~+/=-]{8,255}$/;

/** The caller's idempotency key, or undefined. Throws IDEMPOTENCY_KEY_INVALID for a malformed one. */
export function readIdempotencyKey(headers: IncomingHttpHeaders): string | undefined {
  const raw = headers["idempotency-key"] ?? headers["x-idempotency-key"];
  if (raw === undefined) return undefined;
  // The draft sends the key as a structured-field string ("…"); plain tokens are accepted too.
  const value = String(raw)
    .trim()
    .replace(/^"(.*)"$/, "$1");
  if (!KEY_PATTERN.test(value)) {
    throw new AppError(
      "IDEMPOTENCY_KEY_INVALID",
      "Idempotency-Key must be 8–255 characters of letters, digits and - _ . : ~ + / = (a UUID is ideal)",
    );
  }
  return value;
}

export interface IdempotencyOptions {
  store: IdempotencyStore;
  ready: () => boolean;
  prefix: string;
  retentionMs: number;
  inFlightMs: number;
  maxResponseSize: number;
  logger: Logger;
}

export interface IdempotentRun {
  /** Caller (member/guest sub or IP) + method + route id: the scope the key lives in. */
  scope: string;
  key: string;
  fingerprint: string;
  /** Calls the upstream. Throwing an AppError means the gateway produced the answer: nothing is stored. */
  execute: () => Promise<BufferedResponse>;
}

export interface IdempotentAnswer {
  response: BufferedResponse;
  replayed: boolean;
}

export const REPLAY_HEADERS = ["idempotent-replayed", "true", "x-idempotency-replayed", "true"];

export async function runIdempotent(
  options: IdempotencyOptions,
  run: IdempotentRun,
): Promise<IdempotentAnswer> {
  if (!options.ready()) throw unavailable();
  const redisKey = `${options.prefix}idempotency:${createHash("sha256").update(`${run.scope}\n${run.key}`).digest("hex")}`;
  let claimed;
  try {
    claimed = await options.store.claim(
      redisKey,
      randomUUID(),
      run.fingerprint,
      options.inFlightMs,
    );
  } catch (error) {
    throw unavailable(error);
  }
  if (claimed.kind !== "claimed") {
    if (claimed.fingerprint !== run.fingerprint) {
      countIdempotency("mismatch");
      throw new AppError(
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was already used with a different request",
      );
    }
    if (claimed.kind === "in-flight") {
      countIdempotency("conflict");
      throw new AppError(
        "IDEMPOTENCY_KEY_IN_USE",
        "A request with this Idempotency-Key is still being processed",
        {
          headers: { "retry-after": "1" },
        },
      );
    }
    countIdempotency("replay");
    return { response: replay(claimed.answer), replayed: true };
  }
  countIdempotency("claim");

  let response: BufferedResponse;
  try {
    response = await run.execute();
  } catch (error) {
    // The gateway answered (upstream down, circuit open, timeout): free the key for a retry.
    await options.store.release(redisKey, claimed.claim).catch(() => undefined);
    throw error;
  }
  if (asksForRetry(response)) {
    // Not a definite outcome (a dependency down or slow, the same checkout still running
    // upstream): nothing to replay, so a retry reaches the upstream instead of meeting this answer
    // for the whole retention period.
    await options.store.release(redisKey, claimed.claim).catch(() => undefined);
    return { response, replayed: false };
  }
  const answer: StoredAnswer = {
    status: response.status,
    headers: withoutHeader(response.headers, "content-length"),
  };
  if (response.body.length <= options.maxResponseSize)
    answer.body = response.body.toString("base64");
  try {
    const kept = await options.store.complete(
      redisKey,
      claimed.claim,
      run.fingerprint,
      answer,
      options.retentionMs,
    );
    if (!kept)
      options.logger.warn(
        { scope: run.scope },
        "idempotency claim expired before the answer arrived",
      );
  } catch (error) {
    // The claim stays until it expires, so a retry in the meantime still cannot execute twice.
    options.logger.error({ err: error }, "could not store the idempotent answer");
  }
  return { response, replayed: false };
}

/**
 * A 5xx, or any answer with Retry-After: not a definite outcome. The upstream's own idempotency
 * (the order service's per-key checkouts) decides whether a retry replays or runs again.
 */
function asksForRetry(response: BufferedResponse): boolean {
  if (response.status >= 500) return true;
  const headers = response.headers;
  for (let i = 0; i < headers.length; i += 2)
    if (headers[i]?.toLowerCase() === "retry-after") return true;
  return false;
}

function replay(answer: StoredAnswer): BufferedResponse {
  if (answer.body === undefined) {
    throw new AppError(
      "CONFLICT",
      "This request was already processed; its answer was too large to replay",
    );
  }
  return {
    status: answer.status,
    headers: answer.headers,
    body: Buffer.from(answer.body, "base64"),
  };
}

function unavailable(cause?: unknown): AppError {
  return new AppError(
    "IDEMPOTENCY_UNAVAILABLE",
    "Idempotent requests cannot be accepted right now; retry shortly",
    {
      cause,
      headers: { "retry-after": "2" },
    },
  );
}
