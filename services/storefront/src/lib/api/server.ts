/**
 * Server-side transports to the gateway: catalogue reads without identity, per-user calls with
 * the session's Bearer token (the session itself is the edge proxy's to start, refresh and end). Every call
 * carries the incoming X-Request-Id, a timeout, and is never cached by Next.
 */
import "server-only";
import { cookies, headers } from "next/headers";
import { config } from "@/config";
import { ACCESS_COOKIE } from "@shop/contracts/session";
import type { Transport } from "./http";
import { httpTransport } from "./upstream";

interface Forwarded {
  requestId?: string;
  forwardedFor?: string;
}

async function forwarded(): Promise<Forwarded> {
  const h = await headers();
  return {
    requestId: h.get("x-request-id") ?? undefined,
    forwardedFor: h.get("x-forwarded-for") ?? undefined,
  };
}

/** Catalogue reads: no identity, so every visitor gets the same (gateway-cached) answer. */
export async function publicGateway(): Promise<Transport> {
  const { requestId } = await forwarded();
  return httpTransport(config().GATEWAY_URL, { "x-request-id": requestId });
}

/** The access token of this request's session, if any. */
export async function accessToken(): Promise<string | undefined> {
  return (await cookies()).get(ACCESS_COOKIE)?.value || undefined;
}

/** Per-user calls with this request's Bearer token (or an explicit one, right after login). */
export async function userGateway(token?: string): Promise<Transport> {
  const { requestId, forwardedFor } = await forwarded();
  const bearer = token ?? (await accessToken());
  return httpTransport(config().GATEWAY_URL, {
    "x-request-id": requestId,
    "x-forwarded-for": forwardedFor,
    authorization: bearer ? `Bearer ${bearer}` : undefined,
  });
}
