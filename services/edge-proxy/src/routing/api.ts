/**
 * /api/* (and /images/*) → the gateway, streamed both ways. The session cookies become an
 * Authorization header (an explicit one from the client wins), refreshed or a guest session issued
 * when needed; the cookies themselves never travel further than the edge.
 */
import { problemResponse } from "@shop/platform/bun";
import type { RoutingDeps } from "./deps.js";
import { checkCsrf } from "./csrf-guard.js";
import { needsIdentity } from "./identity-paths.js";
import { keptAssets } from "./static-cache.js";
import { forward, relay, upstreamHeaders, type ClientInfo } from "./upstream.js";

export async function handleApi(
  request: Request,
  url: URL,
  client: ClientInfo,
  deps: RoutingDeps,
): Promise<Response> {
  const kept = keptAssets(request, url.pathname, deps);
  if (kept) return kept.serve(request, url, client);
  checkCsrf(request, client, deps);
  const ctx = { requestId: client.requestId, ip: client.ip, secure: client.proto === "https" };
  const isImage = url.pathname.startsWith("/images/");
  const session = isImage
    ? { setCookies: [] as string[], authorization: undefined, cookie: undefined, error: undefined }
    : await deps.sessions.forApi(request.headers, ctx, needsIdentity(request.method, url.pathname));
  if (session.error) {
    const answer = problemResponse(session.error, client.requestId, url.pathname);
    for (const cookie of session.setCookies) answer.headers.append("set-cookie", cookie);
    return answer;
  }

  const headers = upstreamHeaders(request.headers, client);
  headers.delete("host");
  if (session.authorization) headers.set("authorization", session.authorization);
  else headers.delete("authorization");
  if (session.cookie) headers.set("cookie", session.cookie);
  else headers.delete("cookie");

  const upstream = await forward(`${deps.config.GATEWAY_URL}${url.pathname}${url.search}`, {
    method: request.method,
    headers,
    body: request.body,
    signal: request.signal,
    timeoutMs: deps.config.API_TIMEOUT_MS,
    upstream: "gateway",
  });
  return relay(upstream, (out) => {
    for (const cookie of session.setCookies) out.append("set-cookie", cookie);
    if (!out.has("x-request-id")) out.set("x-request-id", client.requestId);
  });
}
