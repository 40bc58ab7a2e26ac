/**
 * Filling one key: take the cross-process render lock (or wait for whoever holds it), render once,
 * decide whether the answer may be shared, store it in both tiers. Upstream failures fall back to
 * the stale page within its stale-if-error window.
 */
import { asAppError, type AppError, type Logger } from "@shop/platform";
import { CachedPage, storableHeaders } from "./entry.js";
import type { PageKey } from "./key.js";
import type { HeldLock, RenderLock } from "./lock.js";
import { decideStore, type Freshness } from "./policy.js";
import { readBounded } from "./read-body.js";

export interface RenderContext {
  requestId: string;
  /** Headers for a shared render: no cookies, no Authorization, identity encoding. */
  headers: Headers;
}

export type Renderer = (key: PageKey, ctx: RenderContext) => Promise<Response>;

/** What every request waiting on one fill receives. */
export type FillResult =
  /** A page everyone may get: stored, or a cookie-free answer shared only with the waiters (e.g. 404, 5xx). */
  | { kind: "page"; page: CachedPage; stored: boolean }
  /** Another proxy process rendered it while we waited on its lock. */
  | { kind: "waited"; page: CachedPage }
  /** The storefront failed; the stale page is served (stale-if-error). */
  | { kind: "stale"; page: CachedPage; fwdStatus?: number }
  /** Not shareable: the leader streams its own answer, the others fetch their own. */
  | { kind: "uncacheable"; status: number; reason: string }
  | { kind: "failed"; error: AppError };

export interface FillOutcome {
  shared: FillResult;
  /** The streamed answer, for the leader only, when the result is "uncacheable". */
  response?: Response;
}

export interface FillDeps {
  render: Renderer;
  lock: RenderLock;
  lockAvailable: () => boolean;
  lockWaitMs: number;
  defaults: Freshness;
  maxEntryBytes: number;
  /** Stores a page in both tiers. */
  store: (page: CachedPage) => Promise<void>;
  /** Polls Redis for a fresh page until the deadline. */
  waitForPage: (key: string, deadline: number) => Promise<CachedPage | undefined>;
  /** True when one of the tags was purged at or after `since` (the render may show old data). */
  purgedSince: (tags: readonly string[], since: number) => boolean;
  logger: Logger;
  onRender?: () => void;
}

export async function fill(
  deps: FillDeps,
  pk: PageKey,
  ctx: RenderContext,
  previous: CachedPage | undefined,
  background: boolean,
): Promise<FillOutcome | undefined> {
  const startedAt = Date.now();
  let held: HeldLock | undefined;
  if (deps.lockAvailable()) {
    try {
      held = await deps.lock.acquire(pk.key);
      if (!held) {
        // Another process is rendering this page. A background refresh leaves it to them.
        if (background) return undefined;
        const page = await deps.waitForPage(pk.key, startedAt + deps.lockWaitMs);
        if (page) return { shared: { kind: "waited", page } };
        deps.logger.warn({ key: pk.key }, "render lock wait timed out; rendering without it");
      }
    } catch {
      // Redis is unavailable: in-process single flight still holds.
    }
  }
  try {
    return await renderAndStore(deps, pk, ctx, previous, startedAt);
  } finally {
    await held?.release();
  }
}

function usable(previous: CachedPage | undefined): previous is CachedPage {
  return previous !== undefined && previous.state() !== "expired";
}

async function renderAndStore(
  deps: FillDeps,
  pk: PageKey,
  ctx: RenderContext,
  previous: CachedPage | undefined,
  startedAt: number,
): Promise<FillOutcome> {
  deps.onRender?.();
  let response: Response;
  try {
    response = await deps.render(pk, ctx);
  } catch (error) {
    if (usable(previous)) return { shared: { kind: "stale", page: previous } };
    return { shared: { kind: "failed", error: asAppError(error) } };
  }
  const status = response.status;
  if (status >= 500 && usable(previous)) {
    await response.body?.cancel();
    return { shared: { kind: "stale", page: previous, fwdStatus: status } };
  }
  const encoding = response.headers.get("content-encoding");
  if (encoding && encoding !== "identity") {
    return { shared: { kind: "uncacheable", status, reason: "encoded" }, response };
  }
  const decision = decideStore(status, response.headers, deps.defaults);
  const shareable = decision.store || !response.headers.has("set-cookie");
  if (!shareable || (!decision.store && status === 200)) {
    // A private 200 may be large or streamed: hand it to the leader as it comes.
    return {
      shared: { kind: "uncacheable", status, reason: decision.store ? "" : decision.reason },
      response,
    };
  }
  const read = await readBounded(response, deps.maxEntryBytes);
  if (read.kind === "overflow") {
    return {
      shared: { kind: "uncacheable", status, reason: "too large" },
      response: read.response,
    };
  }
  const freshness = decision.store ? decision.freshness : { ttl: 0, swr: 0, sie: 0 };
  const page = new CachedPage(
    {
      v: 1,
      key: pk.key,
      status,
      headers: storableHeaders(response.headers),
      storedAt: Date.now(),
      freshness,
      tags: pk.tags,
    },
    read.body,
  );
  if (!decision.store || deps.purgedSince(pk.tags, startedAt))
    return { shared: { kind: "page", page, stored: false } };
  await deps.store(page);
  return { shared: { kind: "page", page, stored: true } };
}
