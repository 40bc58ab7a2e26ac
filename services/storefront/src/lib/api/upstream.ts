/** Plain server-side HTTP to an upstream (no request context), shared by server.ts and the proxy. */
import type { Transport } from "./http";

const TIMEOUT_MS = 8_000;

/** A transport to `base` adding the given headers (a header set by the call wins). */
export function httpTransport(base: string, extra: Record<string, string | undefined>): Transport {
  return (path, init) => {
    const headers = new Headers(init.headers);
    for (const [name, value] of Object.entries(extra)) {
      if (value !== undefined && !headers.has(name)) headers.set(name, value);
    }
    return fetch(`${base}${path}`, {
      ...init,
      headers,
      cache: "no-store",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  };
}

/** `Basic base64("storefront:" + key)`, the storefront's first-party client credential. */
export function clientCredential(clientKey: string): string {
  return `Basic ${Buffer.from(`storefront:${clientKey}`).toString("base64")}`;
}
