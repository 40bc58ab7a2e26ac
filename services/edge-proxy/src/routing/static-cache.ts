/**
 * Immutable build assets (`/_next/static/*`, which Next serves with `immutable`) kept in memory,
 * so repeat downloads of the same chunk never reach the storefront. Only answers that say
 * `immutable`, are 200 and set no cookies are kept; everything else streams through as it came.
 */
import { requestIdOf } from "@shop/platform/bun";
import { CachedPage, storableHeaders } from "../html-cache/entry.js";
import { MemoryTier } from "../html-cache/memory-tier.js";
import { parseDirectives } from "../html-cache/policy.js";
import { readBounded } from "../html-cache/read-body.js";
import { acceptsGzip, markPassThrough, pageResponse } from "../html-cache/respond.js";
import { SingleFlight } from "../html-cache/single-flight.js";
import { forward, relay, upstreamHeaders, type ClientInfo } from "./upstream.js";

export const STATIC_PREFIX = "/_next/static/";
const MAX_ASSET_BYTES = 4 * 1024 * 1024;

type Fetched = { page: CachedPage } | { status: number };

export class StaticCache {
  readonly memory: MemoryTier;
  private readonly flights = new SingleFlight<Fetched>();

  constructor(
    private readonly storefrontUrl: string,
    private readonly timeoutMs: number,
    budgetBytes: number,
  ) {
    this.memory = new MemoryTier({ budgetBytes, maxEntryBytes: MAX_ASSET_BYTES * 2 });
  }

  /** A kept asset answered synchronously, or undefined. */
  hit(request: Request, path: string, search: string): Response | undefined {
    const page = this.memory.peek(`static:${path}${search}`);
    if (!page) return undefined;
    return this.respond(page, request, "HIT", "hit");
  }

  async serve(request: Request, url: URL, client: ClientInfo): Promise<Response> {
    const key = `static:${url.pathname}${url.search}`;
    let own: Response | undefined;
    const { promise, leader } = this.flights.run(key, async () => {
      const headers = upstreamHeaders(request.headers, client);
      for (const name of ["cookie", "authorization", "range", "if-none-match", "if-modified-since"]) headers.delete(name);
      headers.set("accept-encoding", "identity");
      const response = await forward(`${this.storefrontUrl}${url.pathname}${url.search}`, {
        method: "GET",
        headers,
        timeoutMs: this.timeoutMs,
        upstream: "storefront",
      });
      const kept = await this.keep(key, response);
      if (kept instanceof CachedPage) return { page: kept };
      own = kept;
      return { status: kept.status };
    });
    const fetched = await promise;
    if ("page" in fetched) return this.respond(fetched.page, request, "MISS", leader ? "fwd=miss; stored" : "fwd=miss; collapsed");
    const response =
      own ??
      (await forward(`${this.storefrontUrl}${url.pathname}${url.search}`, {
        method: request.method,
        headers: upstreamHeaders(request.headers, client),
        signal: request.signal,
        timeoutMs: this.timeoutMs,
        upstream: "storefront",
      }));
    return relay(response, (headers) => markPassThrough(headers, { xCache: "BYPASS", status: "fwd=bypass; detail=static" }));
  }

  /** Reads and keeps an immutable asset; any other answer comes back unread for the caller. */
  private async keep(key: string, response: Response): Promise<CachedPage | Response> {
    const cacheControl = parseDirectives(response.headers.get("cache-control"));
    const encoding = response.headers.get("content-encoding");
    if (
      response.status !== 200 ||
      !cacheControl.has("immutable") ||
      response.headers.has("set-cookie") ||
      (encoding && encoding !== "identity")
    ) {
      return response;
    }
    const read = await readBounded(response, MAX_ASSET_BYTES);
    if (read.kind === "overflow") return read.response;
    const page = new CachedPage(
      { v: 1, key, status: 200, headers: storableHeaders(response.headers), storedAt: Date.now(), freshness: { ttl: 86_400, swr: 0, sie: 0 }, tags: [] },
      read.body,
    );
    this.memory.put(page);
    return page;
  }

  private respond(page: CachedPage, request: Request, xCache: "HIT" | "MISS", status: string): Response {
    return pageResponse(page, { xCache, status }, {
      requestId: requestIdOf(request),
      gzip: acceptsGzip(request.headers.get("accept-encoding")),
      head: request.method === "HEAD",
      onGzip: (p) => this.memory.grew(p),
    });
  }
}
